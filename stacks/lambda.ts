import { tokenKey, tokenKeyLink } from "./kms.ts";
import { router } from "./router.ts";
import { allSecrets } from "./secret.ts";
import { table } from "./table.ts";

/**
 * What every function shares: runtime, architecture, links and the environment that
 * platform's loadConfig reads. Stacks pass the handler and, where needed, size and time.
 */

/** Non-secret settings taken from the deploying shell when set (e.g. LOG_LEVEL=DEBUG). */
const PASSED_THROUGH = [
  "LOG_LEVEL",
  "MS_API_AUDIENCE",
  "GOOGLE_ADDON_SERVICE_ACCOUNT",
  "MAIL_TRANSPORT",
  "SES_FROM",
];

export function sharedEnvironment(syncQueue: sst.aws.Queue): Record<string, $util.Input<string>> {
  const environment: Record<string, $util.Input<string>> = {
    RAPPORT_MODE: "aws",
    TABLE_NAME: table.name,
    SYNC_QUEUE_URL: syncQueue.url,
    TOKEN_KMS_KEY_ID: tokenKey.arn,
    PUBLIC_BASE_URL: router.url,
  };
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value) environment[name] = value;
  }
  return environment;
}

export interface FunctionOptions {
  syncQueue: sst.aws.Queue;
  memory?: sst.aws.FunctionArgs["memory"];
  timeout?: sst.aws.FunctionArgs["timeout"];
}

/** Full function arguments for a handler path like "functions/src/api.handler". */
export function appFunction(handler: string, options: FunctionOptions): sst.aws.FunctionArgs {
  return {
    handler,
    runtime: "nodejs22.x",
    architecture: "arm64",
    memory: options.memory ?? "512 MB",
    timeout: options.timeout ?? "30 seconds",
    link: [table, options.syncQueue, tokenKeyLink, ...allSecrets],
    environment: sharedEnvironment(options.syncQueue),
  };
}
