import { z } from "zod";
import { ProviderError } from "../provider.ts";

/** Graph error body: `{ error: { code, message, innerError } }`. */
const GraphErrorBody = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});
/** Identity platform error body: `{ error: "invalid_grant", error_codes: [50173], ... }`. */
const AadErrorBody = z.object({ error: z.string(), error_codes: z.array(z.number()).optional() });

const CURSOR_CODES = new Set([
  "syncStateNotFound",
  "resyncRequired",
  "SyncStateNotFound",
  "ResyncRequired",
  "syncStateInvalid",
]);
/** The user must sign in again: consent withdrawn, grant revoked or expired, interaction needed. */
const REAUTH_ERRORS = new Set([
  "invalid_grant",
  "interaction_required",
  "consent_required",
  "login_required",
]);
const DEFAULT_RETRY_MS = 10_000;

/** What any failure looks like once read: HTTP status, body, Retry-After. */
export interface FailureShape {
  status?: number;
  body?: unknown;
  retryAfter?: string | null;
}

/**
 * Graph SDK / identity platform / network failure -> ProviderError with a code from the closed
 * set. Pure. Only this function reads provider error codes; callers switch on `code`.
 */
export function parseGraphError(error: unknown, context = "Graph request"): ProviderError {
  if (error instanceof ProviderError) return error;
  // Our own middleware's failures (e.g. the token refresh) arrive wrapped by the SDK.
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause instanceof ProviderError) return cause;
  const { status, body, retryAfter } = shapeOf(error);
  if (status === undefined || status <= 0)
    return new ProviderError("temporary", `${context} failed without a response (${networkCause(error)})`);
  const graph = GraphErrorBody.safeParse(body);
  const aad = AadErrorBody.safeParse(body);
  const code = graph.success ? graph.data.error.code : aad.success ? aad.data.error : undefined;
  const what = `${context} ${status}${code ? ` ${code}` : ""}${aad.success && aad.data.error_codes?.[0] ? ` AADSTS${aad.data.error_codes[0]}` : ""}`;

  if (code && REAUTH_ERRORS.has(code)) return new ProviderError("auth_revoked", what);
  if (status === 410 || (code && CURSOR_CODES.has(code))) return new ProviderError("cursor_expired", what);
  if (status === 429 || status === 503)
    return new ProviderError("rate_limited", what, retryAfterMs(retryAfter) ?? DEFAULT_RETRY_MS);
  if (status === 401) return new ProviderError("auth_revoked", what);
  if (status === 403) return new ProviderError("permission", what);
  if (status === 404) return new ProviderError("not_found", what);
  if (status >= 500) return new ProviderError("temporary", what);
  if (status >= 400) return new ProviderError("invalid_request", what);
  return new ProviderError("unknown", what);
}

/** Reads a GraphError (statusCode, body as JSON text, headers) or a plain `{ status, body }`. */
function shapeOf(error: unknown): FailureShape {
  if (typeof error !== "object" || error === null) return {};
  const e = error as {
    statusCode?: unknown;
    status?: unknown;
    body?: unknown;
    headers?: unknown;
    retryAfter?: unknown;
  };
  const status =
    typeof e.statusCode === "number" ? e.statusCode : typeof e.status === "number" ? e.status : undefined;
  let body = e.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      // not JSON: keep the text
    }
  }
  // The SDK keeps only the inner `error` object as body; wrap it back into Graph's shape.
  if (body && typeof body === "object" && !("error" in body) && "code" in body) body = { error: body };
  let retryAfter = typeof e.retryAfter === "string" ? e.retryAfter : undefined;
  if (!retryAfter && e.headers instanceof Headers) retryAfter = e.headers.get("retry-after") ?? undefined;
  else if (!retryAfter && e.headers && typeof e.headers === "object") {
    const value = (e.headers as Record<string, unknown>)["retry-after"];
    if (typeof value === "string") retryAfter = value;
  }
  return { ...(status !== undefined ? { status } : {}), body, ...(retryAfter ? { retryAfter } : {}) };
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// The kind of network failure (ECONNRESET, timeout...), never the message: it may hold a URL.
function networkCause(error: unknown): string {
  const e = error as { name?: unknown; code?: unknown; cause?: { code?: unknown; name?: unknown } } | undefined;
  return [e?.name, e?.code, e?.cause?.name, e?.cause?.code].filter((v) => typeof v === "string").join("/") || "unknown";
}
