import type { MiddlewareHandler } from "hono";
import { googleError } from "./google-errors.ts";
import { type AccessGrant, type EmulatorState, findMailbox, type Mailbox } from "./state.ts";

export type ApiEnv = { Variables: { grant: AccessGrant; mailbox: Mailbox } };

/**
 * Every Calendar and Gmail call needs a live bearer token; the `rateLimitNext` fault then
 * fails the next calls, alternating 429 and 403 rateLimitExceeded as Google may answer either.
 */
export function requireBearer(state: EmulatorState): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const grant = header.startsWith("Bearer ") ? state.accessTokens.get(header.slice(7).trim()) : undefined;
    const mailbox = grant && grant.expiresAtMs > Date.now() ? findMailbox(state, grant.email) : undefined;
    if (!grant || !mailbox) {
      c.header("WWW-Authenticate", 'Bearer realm="emulator", error="invalid_token"');
      return googleError(
        c,
        401,
        "authError",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
      );
    }
    if (state.faults.rateLimitNext > 0) {
      state.faults.rateLimitNext -= 1;
      state.rateLimitFlip += 1;
      const status = state.rateLimitFlip % 2 === 1 ? 429 : 403;
      return googleError(c, status, "rateLimitExceeded", "Rate Limit Exceeded", "usageLimits");
    }
    c.set("grant", grant);
    c.set("mailbox", mailbox);
    await next();
  };
}
