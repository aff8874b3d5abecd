import { createHash, randomBytes } from "node:crypto";
import { Hono } from "hono";
import { oauthError } from "./google-errors.ts";
import { scopeName } from "./scopes.ts";
import type { TokenSigner } from "./signing.ts";
import { type AccessGrant, type EmulatorState, findMailbox } from "./state.ts";

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Read per token: the server's address is known only once it listens. */
  issuer: () => string;
}

const CODE_TTL_MS = 10 * 60_000;
const ACCESS_TTL_S = 3599;

/**
 * Google's OAuth 2.0 endpoints without a consent screen: authorize approves at once for the
 * mailbox named by `login_hint` (else the first), minus any scopes the `denyScopes` fault
 * unticks. Codes and access tokens expire in real time, not emulator time: they are transport,
 * and a scenario moving the clock by days must not invalidate them.
 */
export function oauthRoutes(state: EmulatorState, signer: TokenSigner, config: OAuthConfig): Hono {
  const app = new Hono();

  app.get("/o/oauth2/v2/auth", (c) => {
    const q = c.req.query();
    if (q.client_id !== config.clientId)
      return oauthError(c, 401, "invalid_client", "The OAuth client was not found.");
    const redirect = parseRedirect(q.redirect_uri);
    if (!redirect)
      return oauthError(c, 400, "redirect_uri_mismatch", "redirect_uri must be an absolute http(s) URL.");
    const fail = (error: string) => {
      redirect.searchParams.set("error", error);
      if (q.state) redirect.searchParams.set("state", q.state);
      return c.redirect(redirect.toString(), 302);
    };
    if (q.response_type !== "code") return fail("unsupported_response_type");
    if (!q.code_challenge || q.code_challenge_method !== "S256") return fail("invalid_request");
    const mailbox = q.login_hint ? findMailbox(state, q.login_hint) : state.mailboxes.values().next().value;
    if (!mailbox) return fail("access_denied");
    const denied = new Set(state.faults.denyScopes.map(scopeName));
    const scopes = (q.scope ?? "").split(" ").filter((s) => s && !denied.has(scopeName(s)));
    const code = `4/emu-${token()}`;
    state.authCodes.set(code, {
      email: mailbox.email,
      scopes,
      clientId: config.clientId,
      redirectUri: String(q.redirect_uri),
      challenge: q.code_challenge,
      expiresAtMs: Date.now() + CODE_TTL_MS,
    });
    redirect.searchParams.set("code", code);
    redirect.searchParams.set("scope", scopes.join(" "));
    if (q.state) redirect.searchParams.set("state", q.state);
    return c.redirect(redirect.toString(), 302);
  });

  app.post("/token", async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
    const basic = basicCredentials(c.req.header("authorization"));
    const clientId = field("client_id") ?? basic?.id;
    const clientSecret = field("client_secret") ?? basic?.secret;
    if (clientId !== config.clientId || clientSecret !== config.clientSecret) {
      return oauthError(c, 401, "invalid_client", "Unauthorized");
    }
    const grantType = field("grant_type");
    if (grantType === "authorization_code") {
      const code = field("code") ?? "";
      const pending = state.authCodes.get(code);
      state.authCodes.delete(code); // one use only
      if (!pending || pending.expiresAtMs < Date.now())
        return oauthError(c, 400, "invalid_grant", "Malformed auth code.");
      if (field("redirect_uri") !== pending.redirectUri)
        return oauthError(c, 400, "redirect_uri_mismatch", "Bad Request");
      const verifier = field("code_verifier") ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== pending.challenge) {
        return oauthError(c, 400, "invalid_grant", "Invalid code verifier.");
      }
      const refreshToken = `1//emu-${token()}`;
      const grant: AccessGrant = { email: pending.email, scopes: pending.scopes, clientId: pending.clientId };
      state.refreshTokens.set(refreshToken, grant);
      return c.json({ ...(await issue(grant)), refresh_token: refreshToken });
    }
    if (grantType === "refresh_token") {
      const grant = state.refreshTokens.get(field("refresh_token") ?? "");
      if (!grant || !findMailbox(state, grant.email)) {
        return oauthError(c, 400, "invalid_grant", "Token has been expired or revoked.");
      }
      return c.json(await issue(grant));
    }
    return oauthError(c, 400, "unsupported_grant_type", "Invalid grant_type.");
  });

  app.get("/oauth2/v3/certs", (c) => c.json(signer.jwks()));

  async function issue(grant: AccessGrant) {
    const accessToken = `ya29.emu-${token()}`;
    state.accessTokens.set(accessToken, { ...grant, expiresAtMs: Date.now() + ACCESS_TTL_S * 1000 });
    const mailbox = findMailbox(state, grant.email);
    const body: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: ACCESS_TTL_S,
      scope: grant.scopes.join(" "),
      token_type: "Bearer",
    };
    if (mailbox && grant.scopes.includes("openid")) {
      body.id_token = await signer.idToken({
        issuer: config.issuer(),
        audience: grant.clientId,
        subject: mailbox.sub,
        email: mailbox.email,
        name: mailbox.name,
      });
    }
    return body;
  }

  return app;
}

function token(): string {
  return randomBytes(24).toString("base64url");
}

function parseRedirect(value: string | undefined): URL | undefined {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const [id, secret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  return id && secret ? { id: decodeURIComponent(id), secret: decodeURIComponent(secret) } : undefined;
}
