import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { buildDemoOrganization } from "@rapport/demo-data";
import { Hono } from "hono";
import { createAdmin, type GraphEmulatorAdmin } from "./admin.ts";
import { adminRoutes } from "./admin-routes.ts";
import { graphRoutes } from "./graph-routes.ts";
import { oauthRoutes } from "./oauth-routes.ts";
import { EmulatorState } from "./state.ts";
import { TokenIssuer } from "./tokens.ts";

export interface GraphEmulatorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  host?: string;
  clock?: () => Date;
  seedDemo?: boolean;
  /** How long webhook endpoints get to answer (validation and notifications). Default 10 s. */
  webhookTimeoutMs?: number;
  clientId?: string;
  clientSecret?: string;
  /** Audience of tokens issued for our own API (`admin.issueApiToken`). */
  apiAudience?: string;
  /** Delta page size when the client sends no `Prefer: odata.maxpagesize`. Default 10. */
  pageSize?: number;
}

export interface GraphEmulator {
  /** Plays GRAPH_BASE_URL, e.g. `http://127.0.0.1:1234/v1.0`. */
  url: string;
  /** Plays MS_LOGIN_BASE_URL, e.g. `http://127.0.0.1:1234/login`. */
  loginUrl: string;
  origin: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  admin: GraphEmulatorAdmin;
  stop(): Promise<void>;
}

export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const clock = options.clock ?? (() => new Date());
  const clientId = options.clientId ?? "11111111-2222-3333-4444-555555555555";
  const clientSecret = options.clientSecret ?? "emulator-secret";
  const tenantId = randomUUID();
  const app = new Hono();
  // The issuer needs the login URL, known only once listening; routes read it from state lazily.
  let state: EmulatorState | undefined;
  app.all("*", async (c, next) => (state ? next() : c.text("starting", 503)));

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? "127.0.0.1" });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${options.host ?? "127.0.0.1"}:${address.port}`;
  const loginUrl = `${origin}/login`;
  const issuer = await TokenIssuer.create(loginUrl, tenantId);
  state = new EmulatorState(
    issuer,
    clock,
    options.webhookTimeoutMs ?? 10_000,
    { clientId, clientSecret, apiAudience: options.apiAudience ?? clientId },
    options.pageSize ?? 10,
  );
  state.graphUrl = `${origin}/v1.0`;
  state.loginUrl = loginUrl;
  const admin = createAdmin(state);
  app.route("/login", oauthRoutes(state));
  app.route("/v1.0", graphRoutes(state));
  app.route("/_emulator", adminRoutes(admin));
  if (options.seedDemo) admin.seedDemo(buildDemoOrganization({ now: clock() }));

  return {
    url: state.graphUrl,
    loginUrl,
    origin,
    tenantId,
    clientId,
    clientSecret,
    admin,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        const closable = server as unknown as {
          close(cb: (error?: Error) => void): void;
          closeAllConnections?: () => void;
        };
        closable.closeAllConnections?.();
        closable.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
