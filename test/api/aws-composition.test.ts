import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// The repository root depends only on @rapport/local, so the production composition is
// imported by path (as test/setup does); each package still resolves its own dependencies.
import { defaultUserSettings } from "../../packages/core/src/index.ts";
import { awsSystem } from "../../packages/runtime/src/aws.ts";
import { createDynamoClient, createStore, createTable } from "../../packages/store/src/index.ts";
import {
  claimsOf,
  createTestSigner,
  type JWTPayload,
  secretPieces,
  serveJson,
  type TestSigner,
  unsignedToken,
} from "../support/tokens.ts";

// Issues 3 and 6 on the system as the Lambda functions build it (awsSystem: RAPPORT_MODE=aws,
// SQS, KMS, no `local`), on DynamoDB Local. A stand-in identity provider serves the JWKS at
// MS_LOGIN_BASE_URL and GOOGLE_CERTS_URL, so every claim can be varied on a validly signed token.
const MS_CLIENT_ID = "aws-test-ms-client";
const GOOGLE_CLIENT_ID = "aws-test.apps.googleusercontent.example";
const TENANT = randomUUID();
const MORGAN = { email: "morgan@northwind.example", oid: randomUUID() };
const RILEY = { email: "riley@northwind.example", sub: "104857600000000000001" };

let app: ReturnType<typeof awsSystem>["app"];
let microsoft: TestSigner;
let google: TestSigner;
let idp: Awaited<ReturnType<typeof serveJson>>;
const saved = { ...process.env };

beforeAll(async () => {
  microsoft = await createTestSigner();
  google = await createTestSigner();
  idp = await serveJson({
    "/login/common/discovery/v2.0/keys": () => microsoft.jwks(),
    "/oauth2/v3/certs": () => google.jwks(),
  });
  const tableName = `rapport-aws-${Date.now()}`;
  Object.assign(process.env, {
    RAPPORT_MODE: "local", // awsSystem must force aws whatever the environment says
    DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"),
    TABLE_NAME: tableName,
    AWS_REGION: "us-east-1",
    SYNC_QUEUE_URL: "http://127.0.0.1:9/000000000000/rapport-sync.fifo",
    TOKEN_KMS_KEY_ID: "alias/rapport-test",
    PUBLIC_BASE_URL: "https://rapport.example",
    MS_LOGIN_BASE_URL: `${idp.origin}/login`,
    GOOGLE_CERTS_URL: `${idp.origin}/oauth2/v3/certs`,
    LOG_LEVEL: "ERROR",
  });
  const client = createDynamoClient({ endpoint: inject("dynamodbEndpoint") });
  await createTable(client, tableName);
  const store = createStore({ client, tableName });
  // Users as a completed sign-in leaves them (the AWS composition has no emulator to sign in with).
  const now = new Date().toISOString();
  for (const [person, provider, accountId] of [
    [MORGAN, "microsoft", MORGAN.oid],
    [RILEY, "google", RILEY.sub],
  ] as const) {
    const userId = `usr_${randomBytes(8).toString("hex")}`;
    await store.users.create({
      userId,
      email: person.email,
      settings: defaultUserSettings(),
      createdAt: now,
      updatedAt: now,
    });
    await store.connections.put({
      userId,
      provider,
      accountId,
      accountEmail: person.email,
      encryptedRefreshToken: "not-used-here",
      scopes: [],
      status: "active",
      cursors: {},
      createdAt: now,
      updatedAt: now,
    });
  }
  app = awsSystem({ MsClientId: { value: MS_CLIENT_ID }, GoogleClientId: { value: GOOGLE_CLIENT_ID } }).app;
}, 60_000);

afterAll(async () => {
  process.env = saved;
  await idp?.stop();
});

/** GET /api/v1/me with the token; whatever the answer, it never echoes the token back. */
const me = async (token: string) => {
  const response = await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  for (const piece of secretPieces(token)) expect(text).not.toContain(piece);
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  return { status: response.status, text };
};
const msClaims = (over: JWTPayload = {}): JWTPayload => ({
  ver: "2.0",
  iss: `${idp.origin}/login/${TENANT}/v2.0`,
  tid: TENANT,
  aud: MS_CLIENT_ID,
  scp: "access_as_user",
  oid: MORGAN.oid,
  sub: "pairwise-subject",
  preferred_username: MORGAN.email,
  name: "Morgan Avery",
  ...over,
});
const googleClaims = (over: JWTPayload = {}): JWTPayload => ({
  iss: "https://accounts.google.com",
  aud: GOOGLE_CLIENT_ID,
  sub: RILEY.sub,
  email: RILEY.email,
  email_verified: true,
  ...over,
});
const twoHoursAgo = () => new Date(Date.now() - 2 * 3_600_000);

describe("local-only routes on AWS", () => {
  it("GET /health answers in aws mode", async () => {
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", mode: "aws" });
  });

  it.each([
    "/dev/users",
    `/dev/token?email=${encodeURIComponent(MORGAN.email)}`,
    "/dev/outbox",
    "/dev/outbox?format=html",
    "/dev/outbox/0",
  ])("GET %s does not exist (404)", async (path) => {
    const response = await app.request(path, { headers: { accept: "text/html" } });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "not_found", message: "No such route." });
  });

  it("a token shaped like a local dev token is refused (the local issuer is not trusted on AWS)", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "HS256" })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({
        iss: "rapport-local",
        aud: "rapport-api",
        sub: MORGAN.email,
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString("base64url");
    const answer = await me(`${header}.${payload}.${randomBytes(32).toString("base64url")}`);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).error).toBe("unknown_issuer");
  });
});

describe("Microsoft identity platform tokens, claim by claim", () => {
  it("a well-formed token for the connected account is accepted", async () => {
    const answer = await me(await microsoft.sign(msClaims()));
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text).user.email).toBe(MORGAN.email);
  });

  it.each<[string, () => JWTPayload]>([
    ["an issuer of another tenant than its tid", () => ({ iss: `${idp.origin}/login/${randomUUID()}/v2.0` })],
    ["no tid", () => ({ tid: undefined })],
    ["an issuer outside the login base URL", () => ({ iss: `https://login.example/${TENANT}/v2.0` })],
    ["a v1 issuer for its tenant", () => ({ iss: `${idp.origin}/login/${TENANT}/` })],
    ["a different audience", () => ({ aud: "api://other-app" })],
    ["Graph's audience", () => ({ aud: "00000003-0000-0000-c000-000000000000" })],
    ["a not-before in the future", () => ({ nbf: Math.floor(Date.now() / 1000) + 3600 })],
  ])("a token with %s is refused with 401", async (_label, over) => {
    const token = await microsoft.sign(msClaims(over()));
    const answer = await me(token);
    expect(answer.status, answer.text).toBe(401);
    expect(answer.text).not.toContain(token.split(".")[2]);
  });

  it("an expired token is refused with 401", async () => {
    const token = await microsoft.sign(msClaims(), { issuedAt: twoHoursAgo(), lifetimeSeconds: 3600 });
    expect((claimsOf(token).exp ?? 0) * 1000).toBeLessThan(Date.now());
    expect((await me(token)).status).toBe(401);
  });

  it("a token without access_as_user is refused with 403", async () => {
    for (const scp of ["Calendars.Read", "", "access_as_users"]) {
      const answer = await me(await microsoft.sign(msClaims({ scp })));
      expect(answer.status, answer.text).toBe(403);
    }
  });

  it("unsigned, foreign-key and HMAC-with-public-key tokens are refused with 401", async () => {
    const impostor = await createTestSigner();
    const jwk = microsoft.jwks().keys[0];
    const header = Buffer.from(JSON.stringify({ alg: "HS256", kid: microsoft.kid })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({ ...msClaims(), exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString("base64url");
    const hmac = createHmac("sha256", JSON.stringify(jwk)).update(`${header}.${payload}`).digest("base64url");
    for (const token of [
      unsignedToken(msClaims()),
      await impostor.sign(msClaims(), { kid: microsoft.kid }),
      `${header}.${payload}.${hmac}`,
    ]) {
      expect((await me(token)).status).toBe(401);
    }
  });

  it("a token for an account nobody connected is refused with 403", async () => {
    const answer = await me(
      await microsoft.sign(msClaims({ oid: randomUUID(), preferred_username: "nobody@northwind.example" })),
    );
    expect(answer.status).toBe(403);
  });

  // BUG (reported to the lead): the user is found by the token's oid, but when no connection
  // has that oid the middleware falls back to the token's preferred_username/email, which
  // Microsoft documents as mutable and not for authorization. Another account (here another
  // tenant) whose token names Morgan's address is let in as Morgan.
  it("a token from another account that merely names a connected user's address is refused with 403", async () => {
    const otherTenant = randomUUID();
    const token = await microsoft.sign(
      msClaims({ tid: otherTenant, iss: `${idp.origin}/login/${otherTenant}/v2.0`, oid: randomUUID() }),
    );
    const answer = await me(token);
    expect(answer.status, answer.text).toBe(403);
  });
});

describe("Google-signed ID tokens, claim by claim", () => {
  it("a well-formed ID token for the connected account is accepted, with either issuer spelling", async () => {
    for (const iss of ["https://accounts.google.com", "accounts.google.com"]) {
      const answer = await me(await google.sign(googleClaims({ iss })));
      expect(answer.status, answer.text).toBe(200);
      expect(JSON.parse(answer.text).user.email).toBe(RILEY.email);
    }
  });

  it.each<[string, JWTPayload]>([
    ["an unverified email", { email_verified: false }],
    ["email_verified as a string", { email_verified: "true" }],
    ["no email_verified", { email_verified: undefined }],
    ["another client's audience", { aud: "someone-else.apps.googleusercontent.example" }],
    ["another issuer", { iss: "https://accounts.google.example" }],
  ])("an ID token with %s is refused with 401", async (_label, over) => {
    const answer = await me(await google.sign(googleClaims(over)));
    expect(answer.status, answer.text).toBe(401);
  });

  it("an expired ID token is refused with 401", async () => {
    const token = await google.sign(googleClaims(), { issuedAt: twoHoursAgo(), lifetimeSeconds: 3600 });
    expect((await me(token)).status).toBe(401);
  });

  it("an ID token signed by another key under Google's key id is refused with 401", async () => {
    const impostor = await createTestSigner();
    expect((await me(await impostor.sign(googleClaims(), { kid: google.kid }))).status).toBe(401);
  });
});
