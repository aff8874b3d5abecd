import { createHash, randomBytes } from "node:crypto";
import { createGoogleAuth, createGoogleSession } from "@rapport/providers/google/index";
import type { ProviderAuth, ProviderSession, TokenSet } from "@rapport/providers/provider";
import { type GoogleEmulator, startGoogleEmulator } from "../src/index.ts";

export const REDIRECT_URI = "http://127.0.0.1:9/auth/google/callback";

/** The production endpoints, played by the emulator. */
export function endpointsOf(emulator: GoogleEmulator) {
  return {
    googleApiRootUrl: emulator.rootUrl,
    googleOAuthBaseUrl: emulator.oauthUrl,
    googleAuthBaseUrl: emulator.authUrl,
  };
}

export function authFor(emulator: GoogleEmulator): ProviderAuth {
  return createGoogleAuth({
    endpoints: endpointsOf(emulator),
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  });
}

/** Walks the code flow with PKCE as a browser would: authorize, follow the redirect, exchange. */
export async function connect(emulator: GoogleEmulator, email: string): Promise<TokenSet> {
  const auth = authFor(emulator);
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const url = auth.authorizeUrl({
    state: "st-1",
    codeChallenge: challenge,
    redirectUri: REDIRECT_URI,
    loginHint: email,
  });
  const response = await fetch(url, { redirect: "manual" });
  const location = new URL(response.headers.get("location") ?? "");
  const code = location.searchParams.get("code");
  if (!code) throw new Error(`authorize failed: ${location.search}`);
  return auth.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
}

export async function sessionFor(
  emulator: GoogleEmulator,
  email: string,
  now = () => new Date(),
): Promise<ProviderSession> {
  const tokens = await connect(emulator, email);
  return createGoogleSession({
    endpoints: endpointsOf(emulator),
    getAccessToken: async () => tokens.accessToken,
    userEmails: [email],
    clock: now,
  });
}

export async function emulatorWith(email: string, now: Date): Promise<GoogleEmulator> {
  const emulator = await startGoogleEmulator({ clock: () => new Date(now) });
  emulator.admin.addMailbox({ email, name: "Riley Chen", timeZone: "Europe/Berlin" });
  return emulator;
}
