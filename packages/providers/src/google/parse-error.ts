import { z } from "zod";
import { ProviderError } from "../provider.ts";

/** Google API error body: `{ error: { code, message, errors: [{ reason }], status } }`. */
const ApiErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional() })).optional(),
  }),
});
/** OAuth token endpoint error body: `{ error: "invalid_grant", error_description }`. */
const OAuthErrorBody = z.object({ error: z.string() });

export interface ParseErrorOptions {
  /** `history`: Gmail history.list, where 404 means the start historyId is too old. */
  operation?: "history" | "api" | "token";
  /** Injected for tests; spreads retries of many connections apart. */
  random?: () => number;
}

const RATE_LIMIT_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);
const DEFAULT_RETRY_MS = 10_000;

/** gaxios / Google error -> ProviderError with a code from the closed set. Pure. */
export function parseGoogleError(error: unknown, options: ParseErrorOptions = {}): ProviderError {
  if (error instanceof ProviderError) return error;
  const random = options.random ?? Math.random;
  const response = responseOf(error);
  if (!response) {
    return new ProviderError("temporary", `Google request failed without a response (${networkCode(error)})`);
  }
  const { status, data } = response;
  const api = ApiErrorBody.safeParse(data);
  const oauth = OAuthErrorBody.safeParse(data);
  const reason = api.success
    ? api.data.error.errors?.[0]?.reason
    : oauth.success
      ? oauth.data.error
      : undefined;
  const what = `Google ${options.operation ?? "api"} ${status}${reason ? ` ${reason}` : ""}`;

  if (reason === "invalid_grant" || status === 401) return new ProviderError("auth_revoked", what);
  if (status === 410) return new ProviderError("cursor_expired", what);
  if (status === 404 && options.operation === "history") return new ProviderError("cursor_expired", what);
  if (status === 429 || (status === 403 && reason !== undefined && RATE_LIMIT_REASONS.has(reason))) {
    const base = retryAfterMs(response.retryAfter) ?? DEFAULT_RETRY_MS;
    return new ProviderError("rate_limited", what, base + Math.floor(random() * base * 0.5));
  }
  if (status === 403) return new ProviderError("permission", what);
  if (status === 404) return new ProviderError("not_found", what);
  if (status >= 500) return new ProviderError("temporary", what);
  if (status === 400 || status === 409 || status === 412) return new ProviderError("invalid_request", what);
  return new ProviderError("unknown", what);
}

interface ErrorResponse {
  status: number;
  data: unknown;
  retryAfter?: string;
}

/** Reads status, body and Retry-After from a GaxiosError or anything shaped like one. */
function responseOf(error: unknown): ErrorResponse | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { status?: unknown; response?: { status?: unknown; data?: unknown; headers?: unknown } };
  const status = typeof e.response?.status === "number" ? e.response.status : e.status;
  if (typeof status !== "number") return undefined;
  const headers = e.response?.headers;
  let retryAfter: string | undefined;
  if (headers instanceof Headers) retryAfter = headers.get("retry-after") ?? undefined;
  else if (typeof headers === "object" && headers !== null) {
    const value = (headers as Record<string, unknown>)["retry-after"];
    if (typeof value === "string") retryAfter = value;
  }
  return { status, data: e.response?.data, ...(retryAfter ? { retryAfter } : {}) };
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  return undefined;
}

function networkCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "network";
}
