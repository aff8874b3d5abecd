import { createHash, randomBytes } from "node:crypto";
import type { Provider } from "@rapport/core";
import type { TokenVault } from "@rapport/platform";
import { z } from "zod";

const STATE_TTL_MS = 10 * 60 * 1000;
// The vault binds ciphertexts to a context; OAuth state has no user yet, so it gets its own.
const CONTEXT = { userId: "oauth-state" };

const StateCookie = z.object({ state: z.string(), verifier: z.string(), provider: z.string(), expiresAt: z.number() });

export interface PendingAuthorization {
  state: string;
  codeChallenge: string;
  cookie: string;
}

/**
 * State and PKCE verifier for one sign-in, kept in a short-lived cookie that is encrypted and
 * authenticated by the token vault, so no server-side session store is needed on Lambda.
 */
export async function beginAuthorization(vault: TokenVault, provider: Provider, now: Date): Promise<PendingAuthorization> {
  const state = randomBytes(24).toString("base64url");
  const verifier = randomBytes(48).toString("base64url");
  const codeChallenge = createHash("sha256").update(verifier).digest("base64url");
  const cookie = await vault.encrypt(
    JSON.stringify({ state, verifier, provider, expiresAt: now.getTime() + STATE_TTL_MS }),
    CONTEXT,
  );
  return { state, codeChallenge, cookie };
}

/** The PKCE verifier when the cookie is genuine, fresh, for this provider and this state. */
export async function completeAuthorization(
  vault: TokenVault,
  input: { cookie: string | undefined; state: string | undefined; provider: Provider; now: Date },
): Promise<string | undefined> {
  if (!input.cookie || !input.state) return undefined;
  try {
    const saved = StateCookie.parse(JSON.parse(await vault.decrypt(input.cookie, CONTEXT)));
    const fresh = saved.expiresAt > input.now.getTime();
    return fresh && saved.provider === input.provider && saved.state === input.state ? saved.verifier : undefined;
  } catch {
    return undefined;
  }
}

export const STATE_COOKIE = "rapport_oauth";
export const STATE_COOKIE_MAX_AGE_SECONDS = STATE_TTL_MS / 1000;
