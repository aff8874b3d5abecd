import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { localTokens, createBearerVerifier, microsoftVerifier, googleIdTokenVerifier } from "@rapport/api";
import {
  type Config,
  createInProcessScheduler,
  createInProcessSyncQueue,
  createLocalTokenVault,
  createLogger,
  fixedClock,
  loadConfig,
  type SettableClock,
  type Clock,
} from "@rapport/platform";
import { createDynamoClient, createStore, createTable } from "@rapport/store";
import { assembleSystem } from "@rapport/runtime";
import { randomBytes } from "node:crypto";
import { createAddinStaticRoutes } from "@rapport/addins";
import { buildAddins } from "@rapport/addins/build";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local.ts";
import { startEmulators, type RunningEmulators } from "./emulators.ts";
import { createOutbox } from "./outbox.ts";
import { demoSteps } from "./demo-seed.ts";
import { connectThroughOAuth } from "./oauth-connect.ts";
import { listLocalUsers } from "./local-users.ts";

export interface LocalSystemOptions {
  /** Keep DynamoDB Local in memory (nothing written to disk). */
  memory?: boolean;
  /** API port; 0 picks a free one. Defaults to config PORT. */
  port?: number;
  /** Connect the demo users through OAuth and backfill their mailboxes. */
  seedDemo?: boolean;
  /** A settable clock for scenario replay; the system clock otherwise. */
  clock?: SettableClock;
  /** Run the scheduled jobs on timers (off for tests and replay, which call runJob). */
  scheduler?: boolean;
  /** Environment to read configuration from (defaults to process.env). */
  env?: Record<string, string | undefined>;
  /** Where persistent local data lives (DynamoDB files, key file, outbox). */
  dataDir?: string;
  /**
   * A connection's sync waits this long so a burst of notifications makes one round, as the
   * SQS queue's delivery delay does on AWS. Default 1000 ms; the scenario replay uses 0.
   */
  coalesceMs?: number;
}

export interface LocalSystem {
  apiUrl: string;
  config: Config;
  emulatorUrl(provider: "microsoft" | "google"): string;
  setNow(iso: string): Promise<void>;
  drain(): Promise<void>;
  runJob(name: string): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
  readonly emulators: RunningEmulators;
  readonly store: ReturnType<typeof createStore>;
  demoUsers: string[];
  /** Forget cached access tokens, so the next provider call refreshes (tests). */
  forgetAccessTokens(): void;
}

/**
 * The whole system on one machine: DynamoDB Local, the provider emulators (unless real
 * endpoints are configured), the API over HTTP, the in-process queue worker and scheduler.
 * `reset` rebuilds everything but the DynamoDB process and the listener, on a fresh table.
 */
export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const env = options.env ?? process.env;
  const baseConfig = loadConfig({ ...env, RAPPORT_MODE: "local" });
  const dataDir = options.dataDir ?? join(process.cwd(), ".local");
  const memory = options.memory ?? false;
  const clock: Clock & Partial<SettableClock> = options.clock ?? { now: () => new Date() };
  const logger = createLogger("rapport", { logLevel: baseConfig.logLevel });

  const db: DynamoDbLocal = await startDynamoDbLocal({ dataDir: memory ? undefined : join(dataDir, "dynamodb") });
  let handler: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req) => handler(req), port: options.port ?? baseConfig.port, hostname: "0.0.0.0" }, () =>
      resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}`;
  const keyDir = memory ? mkdtempSync(join(tmpdir(), "rapport-")) : dataDir;
  const devKey = randomBytes(32);
  const dev = localTokens(devKey);
  const client = createDynamoClient({ endpoint: db.endpoint });
  // The Outlook task pane and its dev host, built once and served at /addin like the site on AWS.
  const addinDir = join(keyDir, "addin");
  await buildAddins({ outDir: addinDir, publicBaseUrl: `${apiUrl}/addin` });
  const addinRoutes = createAddinStaticRoutes({ dir: addinDir, basePath: "/addin" });

  let generation = 0;
  let demoEmails: string[] = [];
  let ready = false;
  let seeding = false;
  let current: Awaited<ReturnType<typeof boot>>;

  async function boot() {
    generation += 1;
    const tableName = memory || generation > 1 ? `rapport-${generation}-${Date.now()}` : baseConfig.tableName;
    await createTable(client, tableName);
    const store = createStore({ client, tableName });
    const emulators = await startEmulators({ config: baseConfig, clock });
    const config: Config = {
      ...baseConfig,
      port,
      publicBaseUrl: env.PUBLIC_BASE_URL ? baseConfig.publicBaseUrl : apiUrl,
      tableName,
      dynamodbEndpoint: db.endpoint,
      microsoft: { ...baseConfig.microsoft, ...emulators.microsoftConfig },
      google: { ...baseConfig.google, ...emulators.googleConfig },
    };
    const outbox = createOutbox({ file: memory ? undefined : join(dataDir, "outbox.json"), clock });
    const verifier = createBearerVerifier([
      dev.verifier,
      microsoftVerifier({
        loginBaseUrl: config.microsoft.loginBaseUrl,
        audiences: [config.microsoft.apiAudience ?? config.microsoft.clientId ?? ""],
        requiredScope: "access_as_user",
      }),
      googleIdTokenVerifier({ certsUrl: config.google.certsUrl, audiences: [config.google.clientId ?? ""] }),
    ]);
    let system: ReturnType<typeof assembleSystem> | undefined;
    const queue = createInProcessSyncQueue({
      handle: (request) => system!.handleSyncRequest(request),
      logger,
      coalesceMs: () => (seeding ? 0 : (options.coalesceMs ?? 1000)),
    });
    system = assembleSystem({
      config,
      store,
      queue,
      vault: createLocalTokenVault({ keyFile: config.localKeyFile ?? join(keyDir, "token.key") }),
      clock,
      logger,
      verifier,
      mailSender: { send: (mail) => outbox.send(mail) },
      local: {
        listUsers: () => listLocalUsers(store, demoEmails),
        issueToken: (email) => dev.issue(email),
        outbox: () => outbox.list(),
        routes: addinRoutes,
      },
    });
    handler = (req) =>
      // Ready means the demo is seeded: scripts wait for /health before asking for demo users.
      !ready && new URL(req.url).pathname === "/health"
        ? Response.json({ status: "starting" }, { status: 503 })
        : system!.app.fetch(req);
    const scheduler = createInProcessScheduler(system.jobs, { clock, logger });
    if (options.scheduler) scheduler.start();
    return { store, emulators, queue, scheduler, system, config };
  }

  async function drain() {
    for (let round = 0; round < 3; round++) {
      await current.emulators.flush();
      await current.queue.drain();
    }
  }

  // Replays the demo organization's history through the emulators, webhooks and sync, so the
  // demo users' data is built by the production path (see demo-seed.ts).
  async function seedDemo() {
    const { graph, google } = current.emulators;
    const { mailboxes, steps, contactSettings } = demoSteps({ now: clock.now(), graph, google });
    for (const m of mailboxes) {
      const admin = m.provider === "microsoft" ? graph?.admin : google?.admin;
      admin?.addMailbox({ email: m.email, name: m.name, timeZone: m.timeZone });
    }
    for (const step of steps.filter((s) => s.initial)) step.apply();
    for (const m of mailboxes) await connectThroughOAuth(apiUrl, m.provider, m.email);
    await drain();
    for (const step of steps.filter((s) => !s.initial)) {
      step.apply();
      await drain();
    }
    for (const setting of contactSettings) {
      const token = await dev.issue(setting.user);
      const { user: _user, email, ...choice } = setting;
      const response = await fetch(`${apiUrl}/api/v1/contacts/${encodeURIComponent(email)}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(choice),
      });
      if (!response.ok) throw new Error(`demo contact setting for ${email} failed: ${response.status} ${await response.text()}`);
    }
    await drain();
    demoEmails = mailboxes.map((m) => m.email);
  }

  current = await boot();
  seeding = true;
  if (options.seedDemo) await seedDemo();
  seeding = false;
  ready = true;
  // Timers fire only after their first interval; a machine that was off has missed runs, as a
  // cron would catch up: send what is due now (briefings, this week's report) in the background.
  if (options.scheduler) {
    for (const job of ["briefings", "weekly-report"]) {
      current.scheduler.runNow(job).catch((error) => logger.error("catch-up job failed", { job, error: String(error) }));
    }
  }

  const stopCurrent = async () => {
    await current.scheduler.stop();
    current.queue.close();
    await current.emulators.stop();
  };

  return {
    apiUrl,
    get config() {
      return current.config;
    },
    emulatorUrl: (provider) => current.emulators.origin(provider),
    // Moving simulated time forward runs what the timers would have run meanwhile: the
    // subscription renewal and the scheduled incremental sync (which also picks up mail).
    async setNow(iso) {
      if (!clock.set) throw new Error("setNow needs a settable clock (startLocalSystem({ clock: fixedClock(...) }))");
      const before = clock.now().getTime();
      clock.set(iso);
      if (Date.parse(iso) > before) {
        await current.scheduler.runNow("renew-subscriptions");
        await current.scheduler.runNow("scheduled-sync");
        await drain();
      }
    },
    drain,
    runJob: async (name) => {
      await current.scheduler.runNow(name);
      await drain();
    },
    async reset() {
      await stopCurrent();
      current = await boot();
    },
    async stop() {
      await stopCurrent();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.stop();
    },
    get emulators() {
      return current.emulators;
    },
    get store() {
      return current.store;
    },
    forgetAccessTokens() {
      current.system.tokens.forgetAll();
    },
    get demoUsers() {
      return demoEmails;
    },
  };
}

export { fixedClock };
