import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { ApiDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { onError } from "./errors.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { requestContext } from "./middleware/request-context.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { devRoutes } from "./routes/dev.ts";
import { meRoutes } from "./routes/me.ts";
import { meetingRoutes } from "./routes/meetings.ts";
import { oauthRoutes } from "./routes/oauth.ts";
import { reportRoutes } from "./routes/reports.ts";
import { suggestionRoutes } from "./routes/suggestions.ts";
import { unsubscribeRoutes } from "./routes/unsubscribe.ts";
import { webhookRoutes } from "./routes/webhooks.ts";

/**
 * The whole HTTP API as one Hono app, built apart from any server or Lambda adapter so tests
 * call `app.request()`. /dev routes exist only when `deps.local` is given (local mode).
 */
export function createApp(deps: ApiDeps) {
  const api = new Hono<AppEnv>()
    .use(authenticate(deps.verifier, deps.store))
    .route("/suggestions", suggestionRoutes(deps))
    .route("/contacts", contactRoutes(deps))
    .route("/reports", reportRoutes(deps))
    .route("/me", meRoutes(deps))
    .route("/", meetingRoutes(deps));

  const app = new Hono<AppEnv>()
    .use(requestContext(deps.logger))
    .use(secureHeaders({ crossOriginResourcePolicy: false, xFrameOptions: false }))
    .get("/health", (c) => c.json({ status: "ok", mode: deps.config.mode }))
    .route("/auth", oauthRoutes(deps))
    .route("/webhooks", webhookRoutes(deps))
    .route("/unsubscribe", unsubscribeRoutes(deps))
    .route("/api/v1", api);
  if (deps.googleAddon) app.route("/", deps.googleAddon);
  if (deps.local) {
    app.route("/dev", devRoutes(deps.local));
    if (deps.local.routes) app.route("/", deps.local.routes);
  }
  app.notFound((c) => c.json({ error: "not_found", message: "No such route." }, 404));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
