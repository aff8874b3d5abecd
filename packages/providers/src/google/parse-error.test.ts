import { describe, expect, it } from "vitest";
import { ProviderError } from "../provider.ts";
import { parseGoogleError } from "./parse-error.ts";

function gaxiosLike(status: number, reason?: string, headers: Record<string, string> = {}) {
  const data = reason
    ? { error: { code: status, message: "m", errors: [{ domain: "global", reason }] } }
    : undefined;
  return { status, response: { status, data, headers: new Headers(headers) } };
}

describe("parseGoogleError", () => {
  it("maps sync-cursor expiry: 410 anywhere, 404 only on history", () => {
    expect(parseGoogleError(gaxiosLike(410, "fullSyncRequired")).code).toBe("cursor_expired");
    expect(parseGoogleError(gaxiosLike(404, "notFound"), { operation: "history" }).code).toBe(
      "cursor_expired",
    );
    expect(parseGoogleError(gaxiosLike(404, "notFound")).code).toBe("not_found");
  });

  it("rate limits from 429 and 403 rateLimitExceeded carry a jittered delay", () => {
    const low = parseGoogleError(gaxiosLike(429), { random: () => 0 });
    const high = parseGoogleError(gaxiosLike(403, "userRateLimitExceeded"), { random: () => 0.99 });
    expect(low.code).toBe("rate_limited");
    expect(high.code).toBe("rate_limited");
    expect(high.retryAfterMs).toBeGreaterThan(low.retryAfterMs ?? Number.POSITIVE_INFINITY);
    const told = parseGoogleError(gaxiosLike(429, "rateLimitExceeded", { "retry-after": "30" }), {
      random: () => 0,
    });
    expect(told.retryAfterMs).toBe(30_000);
  });

  it("tells revoked grants, missing permission and server trouble apart", () => {
    expect(
      parseGoogleError({ status: 400, response: { status: 400, data: { error: "invalid_grant" } } }).code,
    ).toBe("auth_revoked");
    expect(parseGoogleError(gaxiosLike(401)).code).toBe("auth_revoked");
    expect(parseGoogleError(gaxiosLike(403, "insufficientPermissions")).code).toBe("permission");
    expect(parseGoogleError(gaxiosLike(503, "backendError")).code).toBe("temporary");
    expect(parseGoogleError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" })).code).toBe(
      "temporary",
    );
  });

  it("passes a ProviderError through untouched", () => {
    const original = new ProviderError("permission", "x");
    expect(parseGoogleError(original)).toBe(original);
  });
});
