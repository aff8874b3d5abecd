import { Provider, VisibleError } from "@rapport/core";
import { ProviderError } from "@rapport/providers";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { z } from "zod";
import { beginAuthorization, completeAuthorization, STATE_COOKIE, STATE_COOKIE_MAX_AGE_SECONDS } from "../auth/oauth-state.ts";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

const ProviderParam = z.object({ provider: Provider });
const Callback = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** Sign-in with Microsoft or Google: authorization code with PKCE, state bound to a cookie. */
export function oauthRoutes(deps: ApiDeps) {
  const redirectUri = (provider: Provider) => `${deps.config.publicBaseUrl}/auth/${provider}/callback`;
  const secure = deps.config.publicBaseUrl.startsWith("https://");

  return new Hono<AppEnv>()
    .get(
      "/:provider/start",
      zValidator("param", ProviderParam),
      zValidator("query", z.object({ login_hint: z.string().max(320).optional() })),
      async (c) => {
        const { provider } = c.req.valid("param");
        const pending = await beginAuthorization(deps.vault, provider, deps.clock.now());
        setCookie(c, STATE_COOKIE, pending.cookie, {
          httpOnly: true,
          secure,
          sameSite: "Lax",
          path: `/auth/${provider}`,
          maxAge: STATE_COOKIE_MAX_AGE_SECONDS,
        });
        const url = deps.providers.auth(provider).authorizeUrl({
          state: pending.state,
          codeChallenge: pending.codeChallenge,
          redirectUri: redirectUri(provider),
          loginHint: c.req.valid("query").login_hint,
        });
        return c.redirect(url, 302);
      },
    )
    .get("/:provider/callback", zValidator("param", ProviderParam), zValidator("query", Callback), async (c) => {
      const { provider } = c.req.valid("param");
      const query = c.req.valid("query");
      deleteCookie(c, STATE_COOKIE, { path: `/auth/${provider}` });
      if (query.error) return c.html(consentProblemPage(provider, query.error), 400);
      const verifier = await completeAuthorization(deps.vault, {
        cookie: getCookie(c, STATE_COOKIE),
        state: query.state,
        provider,
        now: deps.clock.now(),
      });
      if (!verifier || !query.code) {
        throw new VisibleError("input", "invalid_state", "This sign-in link expired or was not started here. Start again.");
      }
      try {
        const tokens = await deps.providers
          .auth(provider)
          .exchangeCode({ code: query.code, codeVerifier: verifier, redirectUri: redirectUri(provider) });
        const { user } = await deps.services.completeConnection(provider, tokens);
        c.get("log").info("account connected", { provider, userId: user.userId });
        return c.html(html`<!doctype html><meta charset="utf-8"><title>Connected</title>
          <body style="font-family:system-ui;margin:3rem"><h1>Your calendar is connected</h1>
          <p>Signed in as ${user.email}. Insights appear in your calendar within a few minutes; you can close this window.</p></body>`);
      } catch (error) {
        if (error instanceof ProviderError && (error.code === "permission" || error.code === "auth_revoked")) {
          return c.html(consentProblemPage(provider, error.code), 403);
        }
        throw error;
      }
    });
}

function consentProblemPage(provider: Provider, reason: string) {
  const admin =
    provider === "microsoft"
      ? html`<p>Many organizations let only an administrator approve calendar and mail access.
          Ask your Microsoft 365 administrator to grant consent for the whole organization
          (see docs/providers.md, "Admin consent"), then sign in again.</p>`
      : html`<p>Make sure every requested permission is ticked on Google's consent screen, then sign in again.</p>`;
  return html`<!doctype html><meta charset="utf-8"><title>Not connected</title>
    <body style="font-family:system-ui;margin:3rem"><h1>The account was not connected</h1>
    <p>The sign-in ended without the access this assistant needs (${reason}).</p>${admin}
    <p><a href="/auth/${provider}/start">Try again</a></p></body>`;
}
