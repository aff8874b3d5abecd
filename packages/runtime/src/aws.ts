import { MetricUnit, Metrics } from "@aws-lambda-powertools/metrics";
import { KMSClient } from "@aws-sdk/client-kms";
import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { SQSClient } from "@aws-sdk/client-sqs";
import { createBearerVerifier, googleIdTokenVerifier, microsoftVerifier } from "@rapport/api";
import {
  createKmsTokenVault,
  createLogger,
  createSqsSyncQueue,
  environmentFromLinks,
  loadConfig,
  systemClock,
} from "@rapport/platform";
import { createDynamoClient, createStore } from "@rapport/store";
import { createAccessTokenSource, providerMailSender } from "@rapport/sync";
import type { MailSender } from "@rapport/notify";
import { assembleSystem } from "./system.ts";

let cached: ReturnType<typeof assembleSystem> | undefined;

/**
 * The system as the Lambda functions see it, built once per container: DynamoDB, SQS FIFO,
 * KMS envelope encryption, real provider endpoints, no /dev routes. `links` is SST's
 * `Resource` (secrets); everything else comes from the environment the stack sets.
 */
export function awsSystem(links: object = {}) {
  if (cached) return cached;
  const config = loadConfig({ ...process.env, ...environmentFromLinks(links), RAPPORT_MODE: "aws" });
  if (!config.syncQueueUrl || !config.tokenKmsKeyId) {
    throw new Error("SYNC_QUEUE_URL and TOKEN_KMS_KEY_ID must be set on AWS (stacks/api.ts sets them)");
  }
  const logger = createLogger("rapport", { logLevel: config.logLevel });
  const metrics = new Metrics({ namespace: "Rapport", serviceName: "rapport" });
  const clock = systemClock;
  const store = createStore({ client: createDynamoClient({ endpoint: config.dynamodbEndpoint }), tableName: config.tableName });
  const queue = createSqsSyncQueue({ client: new SQSClient({}), queueUrl: config.syncQueueUrl, clock });
  const vault = createKmsTokenVault({ client: new KMSClient({}), keyId: config.tokenKmsKeyId });
  const verifier = createBearerVerifier([
    microsoftVerifier({
      loginBaseUrl: config.microsoft.loginBaseUrl,
      audiences: [config.microsoft.apiAudience ?? config.microsoft.clientId ?? ""].filter(Boolean),
      requiredScope: "access_as_user",
    }),
    googleIdTokenVerifier({ certsUrl: config.google.certsUrl, audiences: [config.google.clientId ?? ""].filter(Boolean) }),
  ]);

  let mailSender: MailSender = { send: async () => undefined };
  const system = assembleSystem({
    config,
    store,
    queue,
    vault,
    clock,
    logger,
    verifier,
    mailSender: { send: (mail) => mailSender.send(mail) },
    // Never silent: an error line for the logs and a CloudWatch metric (EMF) an alarm can watch.
    alert: (name, detail) => {
      logger.error(`ALERT ${name}`, { alert: name, ...detail });
      metrics.addMetric(name, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    },
  });
  mailSender =
    config.mail.transport === "ses" && config.mail.sesFrom
      ? sesMailSender(new SESv2Client({}), config.mail.sesFrom)
      : providerMailSender(system.deps, createAccessTokenSource(system.deps));
  cached = system;
  return system;
}

function sesMailSender(client: SESv2Client, from: string): MailSender {
  return {
    async send(mail) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: "UTF-8" },
              Body: { Html: { Data: mail.html, Charset: "UTF-8" }, Text: { Data: mail.text, Charset: "UTF-8" } },
            },
          },
        }),
      );
    },
  };
}
