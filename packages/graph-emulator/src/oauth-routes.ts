import { randomBytes, randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import type { Mailbox } from "./mailbox-store.ts";
import type { EmulatorState } from "./state.ts";
import { issueTokens } from "./token-grants.ts";

/** The Microsoft identity platform's v2.0 endpoints, minus the login UI: consent is automatic. */
export function oauthRoutes(state: EmulatorState): Hono {
  const app = new Hono();

  app.get("/:tenant/oauth2/v2.0/authorize", (c) => {
    const q = c.req.query();
    if (q.client_id !== state.app.clientId)
      return c.json(
        aadError(
          state,
          "unauthorized_client",
          700016,
          `Application with identifier '${q.client_id}' was not found in the directory.`,
        ),
        400,
      );
    const redirect = parseRedirect(q.redirect_uri);
    if (!redirect)
      return c.json(
        aadError(
          state,
          "invalid_request",
          50011,
          "The redirect URI specified in the request does not match the redirect URIs configured for the application.",
        ),
        400,
      );
    const fail = (error: string, code: number, description: string) => {
      redirect.searchParams.set("error", error);
      redirect.searchParams.set("error_description", `AADSTS${code}: ${description}`);
      if (q.state) redirect.searchParams.set("state", q.state);
      return c.redirect(redirect.toString(), 302);
    };
    if (q.response_type !== "code")
      return fail(
        "unsupported_response_type",
        70005,
        "The provided value for the input parameter 'response_type' is not allowed for this request.",
      );
    if (!q.scope?.trim())
      return fail(
        "invalid_request",
        900144,
        "The request body must contain the following parameter: 'scope'.",
      );
    if (!q.code_challenge || q.code_challenge_method !== "S256")
      return fail("invalid_request", 9002325, "Proof Key for Code Exchange (S256) is required.");
    const mailbox = pickMailbox(state, q.login_hint);
    if (!mailbox) return fail("access_denied", 50034, "The user account does not exist in this directory.");
    const code = randomBytes(24).toString("base64url");
    state.codes.set(code, {
      clientId: q.client_id,
      redirectUri: q.redirect_uri as string,
      codeChallenge: q.code_challenge,
      scopes: q.scope.split(/\s+/).filter(Boolean),
      mailbox: mailbox.email,
      ...(q.nonce ? { nonce: q.nonce } : {}),
      expiresMs: state.now().getTime() + 10 * 60_000,
    });
    redirect.searchParams.set("code", code);
    if (q.state) redirect.searchParams.set("state", q.state);
    redirect.searchParams.set("session_state", randomUUID());
    return c.redirect(redirect.toString(), 302);
  });

  const adminConsent = (c: Context) => {
    const q = c.req.query();
    const redirect = parseRedirect(q.redirect_uri);
    if (q.client_id !== state.app.clientId || !redirect)
      return c.json(aadError(state, "invalid_request", 700016, "Unknown application or redirect URI."), 400);
    redirect.searchParams.set("admin_consent", "True");
    redirect.searchParams.set("tenant", state.tenantId);
    if (q.scope) redirect.searchParams.set("scope", q.scope);
    if (q.state) redirect.searchParams.set("state", q.state);
    return c.redirect(redirect.toString(), 302);
  };
  app.get("/:tenant/v2.0/adminconsent", adminConsent);
  app.get("/:tenant/adminconsent", adminConsent);

  app.post("/:tenant/oauth2/v2.0/token", async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string>;
    const basic = c.req.header("authorization")?.match(/^Basic (.+)$/i)?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, "base64").toString().split(":") : [];
    const clientId = form.client_id ?? basicId;
    const clientSecret = form.client_secret ?? basicSecret;
    if (clientId !== state.app.clientId)
      return c.json(
        aadError(
          state,
          "unauthorized_client",
          700016,
          `Application with identifier '${clientId}' was not found in the directory.`,
        ),
        400,
      );
    if (clientSecret !== state.app.clientSecret)
      return c.json(aadError(state, "invalid_client", 7000215, "Invalid client secret provided."), 401);
    const result = await issueTokens(state, form);
    if ("error" in result) return c.json(aadError(state, result.error, result.code, result.description), 400);
    return c.json(result.body, 200, { "cache-control": "no-store" });
  });

  app.get("/:tenant/discovery/v2.0/keys", (c) => c.json(state.issuer.jwks()));
  app.get("/:tenant/v2.0/.well-known/openid-configuration", (c) => {
    const base = `${state.loginUrl}/${c.req.param("tenant")}`;
    return c.json({
      issuer: state.issuer.issuer,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ["code"],
      id_token_signing_alg_values_supported: ["RS256"],
      code_challenge_methods_supported: ["S256"],
    });
  });
  return app;
}

function parseRedirect(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function pickMailbox(state: EmulatorState, hint: string | undefined): Mailbox | undefined {
  if (hint) return state.mailbox(hint);
  return [...state.mailboxes.values()][0];
}

/** The identity platform's error body. */
export function aadError(state: EmulatorState, error: string, code: number, description: string) {
  const now = state.now();
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "Z");
  return {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${state.loginUrl}/error?code=${code}`,
  };
}
