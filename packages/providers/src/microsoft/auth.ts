import { z } from "zod";
import { type ProviderAuth, type ProviderEndpoints, ProviderError, type TokenSet } from "../provider.ts";
import { parseGraphError } from "./parse-error.ts";

/** Delegated scopes: sign-in, profile, calendar read, mail metadata, sending briefings. */
export const MICROSOFT_SCOPES = [
  "offline_access",
  "openid",
  "email",
  "User.Read",
  "Calendars.Read",
  "Mail.ReadBasic",
  "Mail.Send",
] as const;

export interface MicrosoftAuthOptions {
  endpoints: Pick<ProviderEndpoints, "msLoginBaseUrl">;
  clientId: string;
  clientSecret: string;
  /** `common` lets work accounts of any tenant sign in. */
  tenant?: string;
  clock?: () => Date;
}

export interface MicrosoftAuth extends ProviderAuth {
  /** Where a tenant admin grants the app's permissions for the whole organization. */
  adminConsentUrl(tenant: string, clientId: string, redirectUri: string, state?: string): string;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});
const IdTokenClaims = z.object({
  oid: z.string().min(1),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
});

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** Microsoft identity platform v2.0, authorization code flow with PKCE (S256). */
export function createMicrosoftAuth(options: MicrosoftAuthOptions): MicrosoftAuth {
  const clock = options.clock ?? (() => new Date());
  const login = trimSlash(options.endpoints.msLoginBaseUrl);
  const tenant = options.tenant ?? "common";

  async function requestTokens(form: Record<string, string>): Promise<TokenSet> {
    const body = new URLSearchParams({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      ...form,
    });
    let response: Response;
    try {
      response = await fetch(`${login}/${tenant}/oauth2/v2.0/token`, { method: "POST", body });
    } catch (error) {
      throw parseGraphError(error, "Microsoft token request");
    }
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok)
      throw parseGraphError(
        { status: response.status, body: data, retryAfter: response.headers.get("retry-after") },
        "Microsoft token request",
      );
    const parsed = TokenResponse.safeParse(data);
    if (!parsed.success) throw new ProviderError("unknown", "Microsoft token response was not understood");
    const tokens = parsed.data;
    const set: TokenSet = {
      accessToken: tokens.access_token,
      expiresAt: new Date(clock().getTime() + tokens.expires_in * 1000),
      // Graph scopes may come back as resource URIs; keep the short names.
      scopes: (tokens.scope ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map((s) => s.slice(s.lastIndexOf("/") + 1)),
    };
    if (tokens.refresh_token) set.refreshToken = tokens.refresh_token;
    const account = tokens.id_token ? accountFromIdToken(tokens.id_token) : undefined;
    if (account) set.account = account;
    return set;
  }

  return {
    provider: "microsoft",
    authorizeUrl({ state, codeChallenge, redirectUri, loginHint }) {
      const url = new URL(`${login}/${tenant}/oauth2/v2.0/authorize`);
      const params: Record<string, string> = {
        client_id: options.clientId,
        response_type: "code",
        redirect_uri: redirectUri,
        response_mode: "query",
        scope: MICROSOFT_SCOPES.join(" "),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      };
      if (loginHint) params.login_hint = loginHint;
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      return url.toString();
    },
    exchangeCode({ code, codeVerifier, redirectUri }) {
      return requestTokens({
        grant_type: "authorization_code",
        code,
        code_verifier: codeVerifier,
        redirect_uri: redirectUri,
        scope: MICROSOFT_SCOPES.join(" "),
      });
    },
    refresh(refreshToken) {
      return requestTokens({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        scope: MICROSOFT_SCOPES.join(" "),
      });
    },
    adminConsentUrl(consentTenant, clientId, redirectUri, state) {
      const url = new URL(`${login}/${consentTenant}/v2.0/adminconsent`);
      url.searchParams.set("client_id", clientId);
      url.searchParams.set("scope", MICROSOFT_SCOPES.filter((s) => s.includes(".")).join(" "));
      url.searchParams.set("redirect_uri", redirectUri);
      if (state) url.searchParams.set("state", state);
      return url.toString();
    },
  };
}

/**
 * Reads the account from the ID token. Its signature is not checked: it came straight from
 * the token endpoint over TLS in answer to our own request (OpenID Connect Core 3.1.3.7).
 */
function accountFromIdToken(idToken: string): TokenSet["account"] {
  const payload = idToken.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = IdTokenClaims.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!claims.success) return undefined;
    const email = claims.data.email ?? claims.data.preferred_username;
    if (!email) return undefined;
    return {
      id: claims.data.oid,
      email: email.toLowerCase(),
      ...(claims.data.name ? { name: claims.data.name } : {}),
    };
  } catch {
    return undefined;
  }
}
