import { type LocalSystem, startLocalSystem } from "@rapport/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiAnswer,
  callApi,
  claimsOf,
  createTestSigner,
  devToken,
  issuedAt,
  kidOf,
  secretPieces,
  unsignedToken,
  withForgedSignature,
} from "../support/tokens.ts";

// Issue 6: bearer tokens with a wrong signature, audience, expiry, scope or user are refused,
// against the running local system whose emulators sign tokens the way Microsoft and Google do.
let system: LocalSystem;
const MORGAN = "morgan@northwind.example";
const RILEY = "riley@northwind.example"; // the demo's Google user
const STRANGER = "stranger@northwind.example"; // has a mailbox, never connected

beforeAll(async () => {
  system = await startLocalSystem({ memory: true, port: 0, seedDemo: true, coalesceMs: 0 });
  system.emulators.graph?.admin.addMailbox({ email: STRANGER, name: "Stranger", timeZone: "UTC" });
  system.emulators.google?.admin.addMailbox({ email: STRANGER, name: "Stranger" });
}, 120_000);
afterAll(async () => system?.stop());

const graph = () => {
  const admin = system.emulators.graph?.admin;
  if (!admin) throw new Error("no Graph emulator");
  return admin;
};
const google = () => {
  const admin = system.emulators.google?.admin;
  if (!admin) throw new Error("no Google emulator");
  return admin;
};
const me = (token: string) => callApi(system.apiUrl, "/api/v1/me", { token });
const twoHoursAgo = () => new Date(Date.now() - 2 * 3_600_000);

/** A refusal: the status, the closed error shape, and nothing secret echoed back. */
function expectRefused(answer: ApiAnswer, status: 401 | 403, token?: string) {
  expect(answer.status, answer.text).toBe(status);
  const body = answer.json<{ error: string; message: string }>();
  expect(Object.keys(body).sort()).toEqual(["error", "message"]);
  if (status === 401) expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
  const secrets = [
    system.config.microsoft.clientSecret ?? "",
    system.config.google.clientSecret ?? "",
    ...(token ? secretPieces(token) : []),
  ].filter((s) => s.length > 0);
  for (const secret of secrets) expect(answer.text).not.toContain(secret);
  expect(answer.text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  return body;
}

describe("Microsoft identity platform access tokens", () => {
  it("a token from the identity platform for a connected user, with access_as_user, is accepted as that user", async () => {
    const token = await graph().issueApiToken({ email: MORGAN });
    expect(claimsOf(token).scp).toBe("access_as_user");
    const answer = await me(token);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json<{ user: { email: string } }>().user.email).toBe(MORGAN);
  });

  it("a token signed by another RSA key under the genuine key id is refused with 401", async () => {
    const genuine = await graph().issueApiToken({ email: MORGAN });
    const impostor = await createTestSigner();
    const forged = await impostor.sign(claimsOf(genuine), { kid: kidOf(genuine) });
    expect(kidOf(forged)).toBe(kidOf(genuine));
    expectRefused(await me(forged), 401, forged);
  });

  it("a genuine token whose signature bytes were replaced is refused with 401", async () => {
    const forged = withForgedSignature(await graph().issueApiToken({ email: MORGAN }));
    expectRefused(await me(forged), 401, forged);
  });

  it("a token for another audience (e.g. Graph itself) is refused with 401", async () => {
    for (const audience of ["00000003-0000-0000-c000-000000000000", "api://someone-else/app"]) {
      const token = await graph().issueApiToken({ email: MORGAN, audience });
      expect(claimsOf(token).aud).toBe(audience);
      expectRefused(await me(token), 401, token);
    }
  });

  it("an expired token is refused with 401", async () => {
    const token = await issuedAt(twoHoursAgo(), () => graph().issueApiToken({ email: MORGAN }));
    expect((claimsOf(token).exp ?? 0) * 1000).toBeLessThan(Date.now());
    expectRefused(await me(token), 401, token);
  });

  it("a token without the access_as_user scope is refused with 403", async () => {
    const token = await graph().issueApiToken({ email: MORGAN, scopes: ["Calendars.Read", "User.Read"] });
    const body = expectRefused(await me(token), 403, token);
    expect(body.error).toBe("missing_scope");
  });

  it("a valid token for a user who never connected is refused with 403", async () => {
    const token = await graph().issueApiToken({ email: STRANGER });
    const body = expectRefused(await me(token), 403, token);
    expect(body.error).toBe("not_connected");
  });

  it("an unsigned token (alg none) carrying a genuine token's claims is refused with 401", async () => {
    const claims = claimsOf(await graph().issueApiToken({ email: MORGAN }));
    for (const token of [unsignedToken(claims), unsignedToken(claims).replace(/\.$/, ".c2ln")]) {
      expectRefused(await me(token), 401, token);
    }
  });
});

describe("malformed Authorization headers", () => {
  it.each([
    ["no header", undefined],
    ["an empty bearer", "Bearer "],
    ["another scheme", "Basic bW9yZ2FuOnNlY3JldA=="],
    ["garbage", "Bearer not-a-jwt"],
    ["three empty-ish parts", "Bearer eyJ.e30.x"],
    ["base64 noise", `Bearer ${Buffer.from("x".repeat(90)).toString("base64url")}`],
    ["JSON that is not a JWT header", `Bearer ${Buffer.from("[]").toString("base64url")}.e30.sig`],
  ])("%s is refused with 401", async (_label, authorization) => {
    const answer = await callApi(system.apiUrl, "/api/v1/me", { authorization });
    expectRefused(answer, 401);
  });
});

describe("Google-signed ID tokens", () => {
  const audience = () => system.config.google.clientId ?? "";

  it("an ID token for the connected Google user, for our client id, is accepted as that user", async () => {
    const token = await google().idToken({ email: RILEY, audience: audience() });
    const answer = await me(token);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json<{ user: { email: string } }>().user.email).toBe(RILEY);
  });

  it("an ID token for another client id is refused with 401", async () => {
    const token = await google().idToken({
      email: RILEY,
      audience: "someone-else.apps.googleusercontent.example",
    });
    expectRefused(await me(token), 401, token);
  });

  it("an expired ID token is refused with 401", async () => {
    const token = await issuedAt(twoHoursAgo(), () =>
      google().idToken({ email: RILEY, audience: audience() }),
    );
    expect((claimsOf(token).exp ?? 0) * 1000).toBeLessThan(Date.now());
    expectRefused(await me(token), 401, token);
  });

  it("an ID token whose issuer is not Google is refused with 401", async () => {
    const token = await google().idToken({
      email: RILEY,
      audience: audience(),
      issuer: "https://accounts.example",
    });
    expectRefused(await me(token), 401, token);
  });

  it("an ID token for someone who never connected is refused with 403", async () => {
    const token = await google().idToken({ email: STRANGER, audience: audience() });
    expectRefused(await me(token), 403, token);
  });
});

describe("local dev tokens", () => {
  it("a token from GET /dev/token is accepted as that user", async () => {
    const token = await devToken(system.apiUrl, MORGAN);
    const answer = await me(token);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json<{ user: { email: string } }>().user.email).toBe(MORGAN);
  });

  it("a dev token with a changed subject or signature is refused with 401", async () => {
    const token = await devToken(system.apiUrl, MORGAN);
    const [header, , signature] = token.split(".");
    const payload = Buffer.from(
      JSON.stringify({ ...claimsOf(token), sub: "jordan@northwind.example" }),
    ).toString("base64url");
    for (const forged of [`${header}.${payload}.${signature}`, withForgedSignature(token)]) {
      expectRefused(await me(forged), 401, forged);
    }
  });

  it("/dev/token refuses an address that is not a local user", async () => {
    const answer = await callApi(system.apiUrl, "/dev/token?email=nobody%40nowhere.example");
    expect(answer.status).toBe(404);
    expect(answer.text).not.toMatch(/eyJ/);
  });
});
