import { awsSystem } from "@rapport/runtime";
import { handle } from "hono/aws-lambda";
import { Resource } from "sst";

// The HTTP API behind the function URL: webhooks, OAuth callbacks, the add-ins' API.
export const handler = handle(awsSystem(Resource).app);
