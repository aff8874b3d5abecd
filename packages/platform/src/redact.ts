/**
 * What must never reach a log line: credentials by key name at any depth, and values that look
 * like credentials wherever they appear (an Authorization header pasted into an error message).
 */
export const REDACTED = "[redacted]";

// Keys are compared lower-cased with separators removed: refresh_token, refreshToken and
// X-Goog-Channel-Token all normalise to something containing "token".
const SENSITIVE_KEY_PART = /token|secret|password|passwd|authorization|clientstate|cookie|apikey|credential/;
const SENSITIVE_KEY_EXACT = new Set(["code", "key", "signature"]);

export function isSensitiveKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SENSITIVE_KEY_EXACT.has(normalised) || SENSITIVE_KEY_PART.test(normalised);
}

const SENSITIVE_VALUE_PATTERNS = [
  /\bBearer\s+[\w.~+/=-]+/gi, // an Authorization header value
  /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, // a JWT (header starts with base64 of '{"')
  /\bya29\.[\w.-]+/g, // a Google access token
  /\b1\/\/[\w-]{20,}/g, // a Google refresh token
];

/** Replaces credential-looking parts of a string, keeping the rest readable. */
export function redactText(text: string): string {
  let result = text;
  for (const pattern of SENSITIVE_VALUE_PATTERNS) result = result.replace(pattern, REDACTED);
  return result;
}

/** A JSON.stringify replacer: called for every key at every depth, so nesting cannot hide a secret. */
export function redactingReplacer(key: string, value: unknown): unknown {
  if (key !== "" && isSensitiveKey(key)) return REDACTED;
  if (typeof value === "string") return redactText(value);
  return value;
}

/** A redacted deep copy, for places that serialise without the logger (error reports, tests). */
export function redact<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, redactingReplacer) ?? "null");
}
