import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { GraphHttpError, graphErrorBody } from "./errors.ts";
import { takeThrottle } from "./faults.ts";
import type { Mailbox } from "./mailbox-store.ts";
import type { EmulatorState } from "./state.ts";
import { GRAPH_AUDIENCE } from "./tokens.ts";

export type GraphEnv = {
  Variables: { mailbox: Mailbox; appId: string; immutableIds: boolean; prefer: string };
};
export type GraphContext = Context<GraphEnv>;

/** `Prefer: IdType="ImmutableId"`, in any of the header's comma-separated preferences. */
export function asksImmutableIds(prefer: string): boolean {
  return /idtype\s*=\s*"?immutableid"?/i.test(prefer);
}

/** `Prefer: outlook.timezone="..."`, else UTC. */
export function preferredZone(prefer: string): string {
  return /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer)?.[1] ?? "UTC";
}

export function sendGraphError(c: Context, state: EmulatorState, error: GraphHttpError) {
  const body = graphErrorBody(error.code, error.message, state.now(), randomUUID());
  return c.json(body, error.status as 400, error.headers);
}

/**
 * Every Graph call: bearer token checked, request recorded (with its Prefer header),
 * counted as in flight for its mailbox, and throttled when a fault knob says so.
 */
export function graphGate(state: EmulatorState): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const prefer = c.req.header("prefer") ?? "";
    const record = {
      method: c.req.method,
      path: new URL(c.req.url).pathname + new URL(c.req.url).search,
      status: 0,
      immutableId: asksImmutableIds(prefer),
      ...(prefer ? { prefer } : {}),
      at: state.now().toISOString(),
    } as (typeof state.requests)[number];
    state.requests.push(record);
    const token = c.req.header("authorization")?.match(/^Bearer (.+)$/i)?.[1];
    const claims = token
      ? await state.issuer.verify(token, GRAPH_AUDIENCE).catch(() => undefined)
      : undefined;
    const mailbox = typeof claims?.oid === "string" ? state.mailboxByOid(claims.oid) : undefined;
    const expired = typeof claims?.jti === "string" && state.expiredTokens.has(claims.jti);
    if (!claims || !mailbox || expired) {
      record.status = 401;
      const message = !token
        ? "Access token is empty."
        : expired
          ? "Lifetime validation failed, the token is expired."
          : "Access token validation failure.";
      return sendGraphError(c, state, new GraphHttpError(401, "InvalidAuthenticationToken", message));
    }
    record.mailbox = mailbox.email;
    c.set("mailbox", mailbox);
    c.set("appId", typeof claims.azp === "string" ? claims.azp : "");
    c.set("immutableIds", record.immutableId);
    c.set("prefer", prefer);
    state.enter(mailbox.email);
    try {
      if (state.faults.latencyMs > 0)
        await new Promise((resolve) => setTimeout(resolve, state.faults.latencyMs));
      const throttle = takeThrottle(state.faults);
      if (throttle) {
        const [code, message] =
          throttle.status === 429
            ? ["TooManyRequests", "Too many requests."]
            : ["ServiceUnavailable", "Service unavailable."];
        const headers = { "retry-after": String(throttle.retryAfterSeconds) };
        record.status = throttle.status;
        return sendGraphError(c, state, new GraphHttpError(throttle.status, code, message, headers));
      }
      await next();
      record.status = c.res.status;
    } finally {
      state.leave(mailbox.email);
    }
  };
}
