import { appFunction } from "./lambda.ts";
import { syncQueue } from "./queue.ts";
import { router } from "./router.ts";

/** The Hono app: OAuth, webhooks, the add-ins' API. Webhooks must answer within seconds. */
export const api = new sst.aws.Function("Api", {
  ...appFunction("functions/src/api.handler", { syncQueue, memory: "1024 MB", timeout: "29 seconds" }),
  url: true,
});

router.route("/", api.url);
