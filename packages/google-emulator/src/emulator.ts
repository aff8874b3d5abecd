import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createAdmin, type GoogleEmulatorAdmin } from "./admin.ts";
import { adminRoutes } from "./admin-routes.ts";
import { calendarRoutes } from "./calendar-routes.ts";
import { channelRoutes } from "./channel-routes.ts";
import { gmailRoutes } from "./gmail-routes.ts";
import { oauthRoutes } from "./oauth-routes.ts";
import { PushDispatcher } from "./push.ts";
import { createSigner } from "./signing.ts";
import { createState } from "./state.ts";

export interface GoogleEmulatorOptions {
  /** 0 or absent: any free port. */
  port?: number;
  clock?: () => Date;
  /** Seed the demo organization's Google user (see demo.ts). */
  seedDemo?: boolean;
  clientId?: string;
  clientSecret?: string;
  /** `iss` of ID tokens; defaults to `authUrl`, which plays Google's issuer (its auth base). */
  issuer?: string;
}

export interface GoogleEmulator {
  /** Plays GOOGLE_API_ROOT_URL; ends with "/". */
  rootUrl: string;
  /** Plays GOOGLE_OAUTH_BASE_URL (token endpoint at `${oauthUrl}/token`). */
  oauthUrl: string;
  /** Plays GOOGLE_AUTH_BASE_URL (authorize at `${authUrl}/o/oauth2/v2/auth`). */
  authUrl: string;
  /** Plays GOOGLE_CERTS_URL: the JWKS of the key that signs ID tokens. */
  certsUrl: string;
  clientId: string;
  clientSecret: string;
  issuer: string;
  admin: GoogleEmulatorAdmin;
  stop(): Promise<void>;
}

export const DEFAULT_CLIENT_ID = "rapport-local.apps.googleusercontent.example";
export const DEFAULT_CLIENT_SECRET = "rapport-local-google-secret";

/** Starts a local server speaking Google Calendar v3, Gmail v1 and OAuth 2.0 on 127.0.0.1. */
export async function startGoogleEmulator(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  const state = createState(options.clock ?? (() => new Date()));
  const push = new PushDispatcher(state);
  const signer = await createSigner();
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  let base = "";
  const issuer = () => options.issuer ?? base;
  const admin = createAdmin(state, push, signer, issuer);

  const app = new Hono();
  app.route("/", oauthRoutes(state, signer, { clientId, clientSecret, issuer }));
  app.route("/", calendarRoutes(state));
  app.route(
    "/",
    channelRoutes(state, push, () => `${base}/`),
  );
  app.route("/", gmailRoutes(state));
  app.route("/", adminRoutes(admin));

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  if (options.seedDemo) {
    const { seedGoogleDemo } = await import("./demo.ts");
    seedGoogleDemo(admin, state.now());
  }

  return {
    rootUrl: `${base}/`,
    oauthUrl: base,
    authUrl: base,
    certsUrl: `${base}/oauth2/v3/certs`,
    clientId,
    clientSecret,
    issuer: issuer(),
    admin: admin,
    async stop() {
      await push.flush();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
