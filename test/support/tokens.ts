import { createSign, generateKeyPairSync, type JsonWebKey } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";

// node:crypto rather than jose: the repository root (where these tests live) has no jose.
export type JWTPayload = Record<string, unknown> & {
  iss?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
};
type JWK = JsonWebKey & { kid: string };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Bearer tokens for API tests: a stand-in identity provider (an RSA key and its JWKS served
 * over HTTP), unsigned and forged tokens, and small helpers to call the API with them.
 */

export interface TestSigner {
  kid: string;
  jwks(): { keys: JWK[] };
  /** RS256 with this signer's key; `kid` overrides the header (forging another key's id). */
  sign(
    claims: JWTPayload,
    options?: { kid?: string; issuedAt?: Date; lifetimeSeconds?: number },
  ): Promise<string>;
}

export async function createTestSigner(
  kid = `test-${Math.random().toString(36).slice(2, 10)}`,
): Promise<TestSigner> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk: JWK = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  return {
    kid,
    jwks: () => ({ keys: [jwk] }),
    async sign(claims, options = {}) {
      const iat = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
      const header = { alg: "RS256", typ: "JWT", kid: options.kid ?? kid };
      const payload = { iat, nbf: iat, exp: iat + (options.lifetimeSeconds ?? 3600), ...claims };
      const signingInput = `${b64(header)}.${b64(payload)}`;
      const signature = createSign("RSA-SHA256").update(signingInput).sign(privateKey).toString("base64url");
      return `${signingInput}.${signature}`;
    },
  };
}

/** Serves JSON documents (JWKS) at fixed paths, as Microsoft's and Google's key endpoints do. */
export async function serveJson(
  documents: Record<string, () => unknown>,
): Promise<{ origin: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const doc = documents[new URL(req.url ?? "/", "http://x").pathname];
    res.writeHead(doc ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(doc ? doc() : { error: "not_found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An unsigned JWT (`alg: none`) carrying the given claims. */
export function unsignedToken(claims: JWTPayload): string {
  return `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
}

/** The same claims and header with a different, made-up signature. */
export function withForgedSignature(token: string): string {
  const [header, payload] = token.split(".");
  return `${header}.${payload}.${Buffer.from("not the signature of this token").toString("base64url")}`;
}

const part = (token: string, index: number): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split(".")[index] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
/** A JWT's claims, unverified. */
export const claimsOf = (token: string) => part(token, 1) as JWTPayload;
export const kidOf = (token: string) => String(part(token, 0).kid ?? "");

/**
 * Runs `issue` with the process clock moved to `at` (only `Date` is faked), so the emulators
 * sign real tokens that are already expired by now.
 */
export async function issuedAt<T>(at: Date, issue: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    return await issue();
  } finally {
    vi.useRealTimers();
  }
}

export interface ApiAnswer {
  status: number;
  text: string;
  headers: Headers;
  json<T = unknown>(): T;
}

/** Calls the API over HTTP with an optional bearer token (or a raw Authorization header). */
export async function callApi(
  apiUrl: string,
  path: string,
  init: { token?: string; authorization?: string; method?: string; body?: unknown } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, json: <T>() => JSON.parse(text) as T };
}

/** A local-mode bearer token from GET /dev/token. */
export async function devToken(apiUrl: string, email: string): Promise<string> {
  const answer = await callApi(apiUrl, `/dev/token?email=${encodeURIComponent(email)}`);
  if (answer.status !== 200) throw new Error(`/dev/token for ${email}: ${answer.status} ${answer.text}`);
  return answer.json<{ token: string }>().token;
}

/** Every piece of a JWT long enough to identify it: the whole, and each of its three parts. */
export function secretPieces(token: string): string[] {
  return [token, ...token.split(".").filter((part) => part.length >= 16)];
}
