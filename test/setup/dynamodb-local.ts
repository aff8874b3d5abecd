import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../packages/local/src/dynamodb-local.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** One DynamoDB Local for the whole test run; each test file creates its own table in it. */
export default async function setup(project: TestProject) {
  const db = await startDynamoDbLocal();
  project.provide("dynamodbEndpoint", db.endpoint);
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  return async () => {
    await db.stop();
  };
}
