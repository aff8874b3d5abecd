import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphEmulator, startGraphEmulator } from "../src/index.ts";
import { microsoftAuth, pkce, REDIRECT_URI, signIn } from "./helpers.ts";

let emulator: GraphEmulator;

beforeAll(async () => {
  emulator = await startGraphEmulator({ seedDemo: true, apiAudience: "api://rapport-test" });
});
afterAll(() => emulator.stop());

describe("identity platform emulation", () => {
  it("signs in the mailbox named by login_hint with code + PKCE and returns verifiable tokens", async () => {
    const tokens = await signIn(emulator, "jordan@northwind.example");
    expect(tokens.account?.email).toBe("jordan@northwind.example");
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes).toEqual(expect.arrayContaining(["Calendars.Read", "Mail.ReadBasic", "Mail.Send"]));
    expect(tokens.scopes).not.toContain("offline_access");
    const jwks = createRemoteJWKSet(new URL(`${emulator.loginUrl}/common/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(tokens.accessToken, jwks, {
      issuer: `${emulator.loginUrl}/${emulator.tenantId}/v2.0`,
    });
    expect(payload).toMatchObject({
      tid: emulator.tenantId,
      preferred_username: "jordan@northwind.example",
      azp: emulator.clientId,
    });
    expect(String(payload.scp).split(" ")).toEqual(expect.arrayContaining(["Calendars.Read", "Mail.Send"]));
  });

  it("refuses a code redeemed with the wrong verifier", async () => {
    const auth = microsoftAuth(emulator);
    const { challenge } = pkce();
    const response = await fetch(
      auth.authorizeUrl({ state: "s", codeChallenge: challenge, redirectUri: REDIRECT_URI }),
      { redirect: "manual" },
    );
    const code = new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
    await expect(
      auth.exchangeCode({ code, codeVerifier: pkce().verifier, redirectUri: REDIRECT_URI }),
    ).rejects.toMatchObject({ code: "auth_revoked" });
  });

  it("redirects back with an error when PKCE is missing", async () => {
    const url = new URL(
      microsoftAuth(emulator).authorizeUrl({ state: "s", codeChallenge: "x", redirectUri: REDIRECT_URI }),
    );
    url.searchParams.delete("code_challenge_method");
    const response = await fetch(url, { redirect: "manual" });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("rotates the refresh token on every use", async () => {
    const auth = microsoftAuth(emulator);
    const first = await signIn(emulator, "morgan@northwind.example");
    const second = await auth.refresh(first.refreshToken as string);
    const third = await auth.refresh(second.refreshToken as string);
    expect(second.refreshToken).toBeTruthy();
    expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it("answers invalid_grant once refresh tokens are revoked, which reads as auth_revoked", async () => {
    const tokens = await signIn(emulator, "jordan@northwind.example");
    emulator.admin.setFaults({ revokeRefreshTokens: true, email: "jordan@northwind.example" });
    const response = await fetch(`${emulator.loginUrl}/common/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokens.refreshToken as string,
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant", error_codes: [50173] });
    await expect(microsoftAuth(emulator).refresh(tokens.refreshToken as string)).rejects.toMatchObject({
      code: "auth_revoked",
    });
  });

  it("issues API tokens for the add-in audience, signed by the same keys", async () => {
    const token = await emulator.admin.issueApiToken({
      email: "morgan@northwind.example",
      audience: "api://rapport-test",
      scopes: ["access_as_user"],
    });
    const jwks = createRemoteJWKSet(new URL(`${emulator.loginUrl}/common/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(token, jwks, { audience: "api://rapport-test" });
    expect(payload).toMatchObject({
      preferred_username: "morgan@northwind.example",
      scp: "access_as_user",
      tid: emulator.tenantId,
    });
  });

  it("rejects Graph calls without a valid bearer token in Graph's error shape", async () => {
    const response = await fetch(`${emulator.url}/me`, { headers: { authorization: "Bearer nope" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  });

  it("answers 401 once access tokens are expired, and a refreshed token works again", async () => {
    const tokens = await signIn(emulator, "morgan@northwind.example");
    const me = (token: string) =>
      fetch(`${emulator.url}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(tokens.accessToken)).status).toBe(200);
    emulator.admin.setFaults({ expireAccessTokens: true });
    const expired = await me(tokens.accessToken);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
    const refreshed = await microsoftAuth(emulator).refresh(tokens.refreshToken as string);
    expect((await me(refreshed.accessToken)).status).toBe(200);
  });

  it("sends admins back to the redirect URI after admin consent", async () => {
    const url = microsoftAuth(emulator).adminConsentUrl(
      "organizations",
      emulator.clientId,
      REDIRECT_URI,
      "st",
    );
    const response = await fetch(url, { redirect: "manual" });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("admin_consent")).toBe("True");
    expect(location.searchParams.get("tenant")).toBe(emulator.tenantId);
  });
});
