import { GraphError } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../provider.ts";
import { parseGraphError } from "./parse-error.ts";

/** A GraphError as the SDK builds it from a Graph error response. */
function sdkError(status: number, code: string, headers: Record<string, string> = {}) {
  const error = new GraphError(status, "message");
  error.code = code;
  error.body = JSON.stringify({ code, message: "message" });
  error.headers = new Headers(headers);
  return error;
}

describe("parseGraphError", () => {
  it("reads 429 and 503 with Retry-After as rate_limited with the wait in ms", () => {
    expect(parseGraphError(sdkError(429, "TooManyRequests", { "retry-after": "7" }))).toMatchObject({
      code: "rate_limited",
      retryAfterMs: 7000,
    });
    expect(parseGraphError(sdkError(503, "ServiceUnavailable", { "retry-after": "3" }))).toMatchObject({
      code: "rate_limited",
      retryAfterMs: 3000,
    });
    expect(parseGraphError(sdkError(429, "TooManyRequests")).retryAfterMs).toBeGreaterThan(0);
  });

  it("treats 410 and syncStateNotFound or resyncRequired as an expired cursor", () => {
    expect(parseGraphError(sdkError(410, "syncStateNotFound")).code).toBe("cursor_expired");
    expect(parseGraphError(sdkError(400, "syncStateNotFound")).code).toBe("cursor_expired");
    expect(parseGraphError(sdkError(410, "resyncRequired")).code).toBe("cursor_expired");
  });

  it("treats invalid_grant from the token endpoint as a revoked grant", () => {
    const aad = {
      status: 400,
      body: { error: "invalid_grant", error_description: "AADSTS50173: revoked", error_codes: [50173] },
    };
    expect(parseGraphError(aad)).toMatchObject({ code: "auth_revoked" });
    expect(parseGraphError(aad).message).toContain("AADSTS50173");
    expect(parseGraphError(aad).message).not.toContain("revoked");
  });

  it("maps the rest by status", () => {
    expect(parseGraphError(sdkError(404, "ErrorItemNotFound")).code).toBe("not_found");
    expect(parseGraphError(sdkError(401, "InvalidAuthenticationToken")).code).toBe("auth_revoked");
    expect(parseGraphError(sdkError(403, "ErrorAccessDenied")).code).toBe("permission");
    expect(parseGraphError(sdkError(500, "generalException")).code).toBe("temporary");
    expect(parseGraphError(sdkError(409, "Conflict")).code).toBe("invalid_request");
    expect(parseGraphError(new TypeError("fetch failed")).code).toBe("temporary");
  });

  it("passes a ProviderError through unchanged", () => {
    const original = new ProviderError("not_found", "gone");
    expect(parseGraphError(original)).toBe(original);
  });
});
