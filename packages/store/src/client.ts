import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export interface DynamoClientOptions {
  /** DynamoDB Local's URL; unset on AWS. */
  endpoint?: string;
  region?: string;
}

/**
 * Locally the emulator accepts any credentials, so dummy ones keep the SDK from hunting for a
 * profile. On AWS the endpoint is unset and the default credential chain and region apply.
 */
export function createDynamoClient(options: DynamoClientOptions = {}): DynamoDBClient {
  if (options.endpoint) {
    return new DynamoDBClient({
      endpoint: options.endpoint,
      region: options.region ?? "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
  }
  return new DynamoDBClient(options.region ? { region: options.region } : {});
}
