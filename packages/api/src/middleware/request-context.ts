import { randomUUID } from "node:crypto";
import { withRequestId } from "@rapport/platform";
import type { Logger } from "@rapport/platform";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";

/** A request id on every log line and response; one access log line per request, no query strings. */
export function requestContext(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    const log = withRequestId(logger, requestId);
    c.set("requestId", requestId);
    c.set("log", log);
    const started = performance.now();
    await next();
    c.header("x-request-id", requestId);
    log.debug("request", {
      method: c.req.method,
      path: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
}
