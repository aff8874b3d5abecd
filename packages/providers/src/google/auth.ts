import { z } from "zod";
import { type ProviderAuth, type ProviderEndpoints, ProviderError, type TokenSet } from "../provider.ts";
import { parseGoogleError } from "./parse-error.ts";
import { GOOGLE_REQUESTED_SCOPES, GOOGLE_REQUIRED_SCOPES } from "./scopes.ts";

export interface GoogleAuthOptions {
  endpoints: Pick<ProviderEndpoints, "googleAuthBaseUrl" | "googleOAuthBaseUrl">;
  clientId: string;
  clientSecret: string;
  clock?: () => Date;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});
const IdTokenClaims = z.object({
  sub: z.string().min(1),
  email: z.string().min(3),
  name: z.string().optional(),
});

/**
 * Google OAuth 2.0 web-server flow with PKCE (S256). `access_type=offline` with
 * `prompt=consent` makes Google return a refresh token on every consent, not only the first;
 * `include_granted_scopes` keeps scopes granted earlier.
 */
export function createGoogleAuth(options: GoogleAuthOptions): ProviderAuth {
  const clock = options.clock ?? (() => new Date());
  const authorizeEndpoint = `${trimSlash(options.endpoints.googleAuthBaseUrl)}/o/oauth2/v2/auth`;
  const tokenEndpoint = `${trimSlash(options.endpoints.googleOAuthBaseUrl)}/token`;

  async function requestTokens(form: Record<string, string>): Promise<TokenSet> {
    const body = new URLSearchParams({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      ...form,
    });
    let response: Response;
    try {
      response = await fetch(tokenEndpoint, { method: "POST", body });
    } catch (error) {
      throw parseGoogleError(error, { operation: "token" });
    }
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const status = response.status;
      const retryAfter = response.headers.get("retry-after");
      throw parseGoogleError(
        { status, response: { status, data, headers: retryAfter ? { "retry-after": retryAfter } : {} } },
        { operation: "token" },
      );
    }
    const parsed = TokenResponse.safeParse(data);
    if (!parsed.success) throw new ProviderError("unknown", "Google token response was not understood");
    const tokens = parsed.data;
    const set: TokenSet = {
      accessToken: tokens.access_token,
      expiresAt: new Date(clock().getTime() + tokens.expires_in * 1000),
      scopes: (tokens.scope ?? "").split(" ").filter(Boolean),
    };
    if (tokens.refresh_token) set.refreshToken = tokens.refresh_token;
    if (tokens.id_token) set.account = accountFromIdToken(tokens.id_token);
    return set;
  }

  return {
    provider: "google",
    authorizeUrl({ state, codeChallenge, redirectUri, loginHint }) {
      const params = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: GOOGLE_REQUESTED_SCOPES.join(" "),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
        access_type: "offline",
        prompt: "consent",
        include_granted_scopes: "true",
      });
      if (loginHint) params.set("login_hint", loginHint);
      return `${authorizeEndpoint}?${params.toString()}`;
    },
    async exchangeCode({ code, codeVerifier, redirectUri }) {
      const tokens = await requestTokens({
        grant_type: "authorization_code",
        code,
        code_verifier: codeVerifier,
        redirect_uri: redirectUri,
      });
      // Granular consent: the user may have unticked calendar access on Google's screen.
      const missing = GOOGLE_REQUIRED_SCOPES.filter((scope) => !tokens.scopes.includes(scope));
      if (missing.length > 0) {
        throw new ProviderError(
          "permission",
          "Calendar access was not granted. Connect again and leave 'See your calendars' ticked.",
        );
      }
      if (!tokens.account)
        throw new ProviderError("unknown", "Google returned no ID token; the openid scope is missing");
      return tokens;
    },
    refresh(refreshToken) {
      return requestTokens({ grant_type: "refresh_token", refresh_token: refreshToken });
    },
  };
}

/**
 * The ID token comes straight from the token endpoint over TLS, so its claims are read without
 * checking the signature (OpenID Connect Core 3.1.3.7 allows this for the code flow).
 */
function accountFromIdToken(idToken: string): TokenSet["account"] {
  const payload = idToken.split(".")[1];
  const claims = payload
    ? IdTokenClaims.safeParse(safeJson(Buffer.from(payload, "base64url").toString("utf8")))
    : undefined;
  if (!claims?.success) throw new ProviderError("unknown", "Google ID token lacked sub or email");
  const { sub, email, name } = claims.data;
  return name ? { id: sub, email, name } : { id: sub, email };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
