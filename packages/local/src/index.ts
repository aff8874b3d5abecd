export { connectThroughOAuth } from "./oauth-connect.ts";
export { type LocalSystem, type LocalSystemOptions, startLocalSystem } from "./system.ts";
export { JavaMissingError, startDynamoDbLocal } from "./dynamodb-local.ts";
export { fixedClock } from "@rapport/platform";
