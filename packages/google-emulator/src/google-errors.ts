import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  410: "GONE",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
};

/** Google's JSON error envelope: `{ error: { code, message, errors: [{ domain, reason, message }], status } }`. */
export function googleError(
  c: Context,
  code: ContentfulStatusCode,
  reason: string,
  message: string,
  domain = "global",
) {
  return c.json(
    {
      error: {
        code,
        message,
        errors: [{ message, domain, reason }],
        status: STATUS_NAMES[code] ?? "UNKNOWN",
      },
    },
    code,
  );
}

/** OAuth token endpoint errors are flat: `{ error, error_description }`. */
export function oauthError(c: Context, code: 400 | 401, error: string, description: string) {
  return c.json({ error, error_description: description }, code);
}
