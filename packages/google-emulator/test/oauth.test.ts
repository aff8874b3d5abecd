import { createHash } from "node:crypto";
import { GOOGLE_SCOPES } from "@rapport/providers/google/index";
import { ProviderError } from "@rapport/providers/provider";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoogleEmulator } from "../src/index.ts";
import { authFor, connect, emulatorWith, REDIRECT_URI } from "./connect.ts";

const EMAIL = "riley@northwind.example";
let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await emulatorWith(EMAIL, new Date("2026-02-02T09:00:00Z"));
});
afterAll(() => emulator.stop());

describe("Google OAuth against the emulator", () => {
  it("code + PKCE yields tokens, granted scopes and the account from a verifiable ID token", async () => {
    const tokens = await connect(emulator, EMAIL);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes.some((s) => s.endsWith("/auth/calendar.readonly"))).toBe(true);
    expect(tokens.account?.email).toBe(EMAIL);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const mailbox = emulator.admin.mailboxes().find((m) => m.email === EMAIL);
    expect(tokens.account?.id).toBe(mailbox?.sub);
  });

  it("refresh returns a new working access token", async () => {
    const tokens = await connect(emulator, EMAIL);
    const refreshed = await authFor(emulator).refresh(tokens.refreshToken ?? "");
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const profile = await fetch(`${emulator.rootUrl}gmail/v1/users/me/profile`, {
      headers: { authorization: `Bearer ${refreshed.accessToken}` },
    });
    expect(profile.status).toBe(200);
  });

  it("a wrong code verifier is refused", async () => {
    const auth = authFor(emulator);
    const challenge = createHash("sha256").update("the-real-verifier").digest("base64url");
    const url = auth.authorizeUrl({ state: "s", codeChallenge: challenge, redirectUri: REDIRECT_URI });
    const location = new URL((await fetch(url, { redirect: "manual" })).headers.get("location") ?? "");
    const attempt = auth.exchangeCode({
      code: location.searchParams.get("code") ?? "",
      codeVerifier: "another-verifier",
      redirectUri: REDIRECT_URI,
    });
    await expect(attempt).rejects.toMatchObject({ code: "auth_revoked" });
  });

  it("a revoked refresh token is auth_revoked", async () => {
    const tokens = await connect(emulator, EMAIL);
    emulator.admin.setFaults({ revokeRefreshTokens: true });
    const error = await authFor(emulator)
      .refresh(tokens.refreshToken ?? "")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe("auth_revoked");
  });

  it("an unticked calendar scope fails the connection with a permission error", async () => {
    emulator.admin.setFaults({ denyScopes: [GOOGLE_SCOPES.calendarRead] });
    try {
      await expect(connect(emulator, EMAIL)).rejects.toMatchObject({
        code: "permission",
        message: expect.stringContaining("Calendar access"),
      });
    } finally {
      emulator.admin.setFaults({ denyScopes: [] });
    }
  });

  it("ID tokens from the admin API verify against the certs URL, for a service account too", async () => {
    const jwks = createRemoteJWKSet(new URL(emulator.certsUrl));
    const token = await emulator.admin.idToken({
      email: "addon@project.iam.example",
      audience: "https://api.local/",
    });
    const { payload } = await jwtVerify(token, jwks, {
      issuer: emulator.issuer,
      audience: "https://api.local/",
    });
    expect(payload).toMatchObject({ email: "addon@project.iam.example", email_verified: true });
    const response = await fetch(`${emulator.oauthUrl}/_emulator/id-token`, {
      method: "POST",
      body: JSON.stringify({ email: EMAIL, audience: "aud-1", issuer: "custom-issuer" }),
    });
    const { id_token } = (await response.json()) as { id_token: string };
    const verified = await jwtVerify(id_token, jwks, { issuer: "custom-issuer", audience: "aud-1" });
    expect(verified.payload.email).toBe(EMAIL);
  });

  it("API calls without a valid bearer token get 401", async () => {
    const response = await fetch(`${emulator.rootUrl}calendar/v3/calendars/primary/events`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: number } };
    expect(body.error.code).toBe(401);
    const watch = await fetch(`${emulator.rootUrl}calendar/v3/calendars/primary/events/watch`, {
      method: "POST",
      headers: { authorization: "Bearer not-a-token", "content-type": "application/json" },
      body: JSON.stringify({ id: "c1", type: "web_hook", address: "http://127.0.0.1:9/" }),
    });
    expect(watch.status).toBe(401);
  });
});
