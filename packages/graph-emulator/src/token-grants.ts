import { createHash, randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import type { EmulatorState, RefreshGrant } from "./state.ts";
import { GRAPH_AUDIENCE } from "./tokens.ts";

const OIDC_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);
/** Refresh tokens expire after 90 days without use. */
const REFRESH_IDLE_MS = 90 * 24 * 3600_000;

type GrantResult = { body: Record<string, unknown> } | { error: string; code: number; description: string };

/** The token endpoint's two grants: authorization_code (with PKCE) and refresh_token (rotating). */
export async function issueTokens(state: EmulatorState, form: Record<string, string>): Promise<GrantResult> {
  const nowMs = state.now().getTime();
  if (form.grant_type === "authorization_code") {
    const code = form.code ? state.codes.get(form.code) : undefined;
    if (!code || code.expiresMs < nowMs)
      return {
        error: "invalid_grant",
        code: 70008,
        description: "The provided authorization code or refresh token has expired due to inactivity.",
      };
    state.codes.delete(form.code as string);
    if (code.redirectUri !== form.redirect_uri)
      return {
        error: "invalid_grant",
        code: 50011,
        description: "The redirect URI does not match the one used for the authorization request.",
      };
    if (!form.code_verifier || !verifierMatches(form.code_verifier, code.codeChallenge)) {
      return {
        error: "invalid_grant",
        code: 50148,
        description:
          "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.",
      };
    }
    return {
      body: await tokenResponse(
        state,
        {
          clientId: code.clientId,
          mailbox: code.mailbox,
          scopes: code.scopes,
          lastUsedMs: nowMs,
          revoked: false,
        },
        code.nonce,
      ),
    };
  }
  if (form.grant_type === "refresh_token") {
    const grant = form.refresh_token ? state.refreshGrants.get(form.refresh_token) : undefined;
    if (!grant)
      return {
        error: "invalid_grant",
        code: 9002313,
        description: "Invalid request. Request is malformed or invalid.",
      };
    if (grant.revoked)
      return {
        error: "invalid_grant",
        code: 50173,
        description: "The provided grant has expired due to it being revoked, a fresh auth token is needed.",
      };
    if (grant.lastUsedMs + REFRESH_IDLE_MS < nowMs)
      return {
        error: "invalid_grant",
        code: 700082,
        description: "The refresh token has expired due to inactivity.",
      };
    grant.lastUsedMs = nowMs;
    const requested = form.scope?.split(/\s+/).filter(Boolean);
    const scopes = requested?.length
      ? requested.filter((s) => grant.scopes.includes(s) || OIDC_SCOPES.has(s))
      : grant.scopes;
    return { body: await tokenResponse(state, { ...grant, scopes }) };
  }
  return {
    error: "unsupported_grant_type",
    code: 70003,
    description: `The app requested an unsupported grant type '${form.grant_type}'.`,
  };
}

async function tokenResponse(
  state: EmulatorState,
  grant: RefreshGrant,
  nonce?: string,
): Promise<Record<string, unknown>> {
  const mailbox = state.mailbox(grant.mailbox);
  if (!mailbox) throw new Error("mailbox vanished");
  const subject = { oid: mailbox.id, email: mailbox.email, name: mailbox.name };
  const now = state.now();
  const graphScopes = grant.scopes.filter((s) => !OIDC_SCOPES.has(s));
  const accessToken = await state.issuer.accessToken(
    subject,
    { audience: GRAPH_AUDIENCE, clientId: grant.clientId, scopes: graphScopes },
    now,
  );
  const jti = decodeJwt(accessToken).jti;
  if (jti) state.issuedTokens.add(jti);
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    // offline_access never shows in the returned scope list.
    scope: grant.scopes.filter((s) => s !== "offline_access").join(" "),
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: accessToken,
  };
  if (grant.scopes.includes("offline_access")) {
    const refreshToken = `0.A${randomBytes(48).toString("base64url")}`;
    state.refreshGrants.set(refreshToken, { ...grant, lastUsedMs: now.getTime(), revoked: false });
    body.refresh_token = refreshToken;
  }
  if (grant.scopes.includes("openid"))
    body.id_token = await state.issuer.idToken(subject, grant.clientId, now, nonce);
  return body;
}

function verifierMatches(verifier: string, challenge: string): boolean {
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}
