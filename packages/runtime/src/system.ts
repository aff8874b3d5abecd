import type { ApiServices, BearerVerifier, LocalOnly } from "@rapport/api";
import { buildMeetingInsights, createApp, relationshipCard } from "@rapport/api";
import { normalizeEmail, type SyncRequest } from "@rapport/core";
import type { Clock, Config, Logger, SyncQueue, TokenVault } from "@rapport/platform";
import { createProviderRegistry, type ProviderRegistry } from "@rapport/providers";
import type { Store } from "@rapport/store";
import {
  acceptGooglePush,
  acceptGraphChanges,
  acceptGraphLifecycle,
  createAccessTokenSource,
  createAnalysisPipeline,
  ConnectionNeedsReauthError,
  completeConnection,
  disconnectUser,
  RetryLaterError,
  renewExpiringSubscriptions,
  type SyncDeps,
  syncConnection,
} from "@rapport/sync";
import { buildWeeklyReport, type MailSender, runBriefings, runWeeklyReports } from "@rapport/notify";
import { renderWeeklyReport } from "@rapport/email";
import { googleAddonRoutes } from "./google-addon.ts";
import { scheduledJobs } from "./jobs.ts";
import { emailLinks } from "./links.ts";

export interface SystemInput {
  config: Config;
  store: Store;
  queue: SyncQueue;
  vault: TokenVault;
  clock: Clock;
  logger: Logger;
  mailSender: MailSender;
  verifier: BearerVerifier;
  /** Defaults to the real providers at the configured endpoints. */
  providers?: ProviderRegistry;
  local?: LocalOnly;
  alert?: SyncDeps["alert"];
}

/**
 * The composition root shared by the Lambda functions and `pnpm start`: the same services,
 * HTTP app, worker and jobs, given the adapters of each world.
 */
export function assembleSystem(input: SystemInput) {
  const { config, store, queue, clock, logger } = input;
  const providers = input.providers ?? defaultProviders(config, clock);
  const deps: SyncDeps = {
    store,
    queue,
    vault: input.vault,
    providers,
    clock,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    alert: input.alert,
  };
  const tokens = createAccessTokenSource(deps);
  const analysis = createAnalysisPipeline(deps);
  const links = emailLinks(config.publicBaseUrl);

  const services: ApiServices = {
    completeConnection: (provider, tokenSet) => completeConnection(deps, tokens, provider, tokenSet),
    acceptGraphChanges: (items) => acceptGraphChanges(deps, items),
    acceptGraphLifecycle: (items) => acceptGraphLifecycle(deps, tokens, items),
    acceptGooglePush: (push) => acceptGooglePush(deps, push),
    reanalyzeContacts: async (userId, emails) => {
      const user = await store.users.get(userId);
      if (user) await analysis.reanalyzeContacts(user, emails.map(normalizeEmail));
    },
    meetingInsights: (user, ref) => buildMeetingInsights(store, user, ref),
    attendeeCards: async (user, emails) => {
      const normalized = emails.map(normalizeEmail);
      const contacts = new Map((await store.contacts.getMany(user.userId, normalized)).map((c) => [c.email, c]));
      return normalized.map((email) => relationshipCard(user, email, contacts.get(email)));
    },
    weeklyReport: async (user) => {
      const view = await buildWeeklyReport({ store, user, now: clock.now(), links: links(user) });
      return { view, ...(await renderWeeklyReport(view)) };
    },
    disconnect: (userId) => disconnectUser(deps, tokens, userId),
  };

  /** The sync worker's body: one queue message. Retry-later and needs-reauth are not failures. */
  async function handleSyncRequest(request: SyncRequest): Promise<void> {
    try {
      await syncConnection(deps, tokens, request, analysis.afterSync);
    } catch (error) {
      if (error instanceof ConnectionNeedsReauthError) return;
      if (error instanceof RetryLaterError) {
        await queue.send({ ...request, reason: "retry" }, { delaySeconds: Math.ceil(error.delayMs / 1000) });
        return;
      }
      throw error;
    }
  }

  const jobs = scheduledJobs({
    renewSubscriptions: async () => {
      const report = await renewExpiringSubscriptions(deps, tokens);
      logger.info("subscription renewal", { ...report });
    },
    sendBriefings: async (now) => {
      await runBriefings({ store, sender: input.mailSender, now, links });
    },
    sendWeeklyReports: async (now) => {
      await runWeeklyReports({ store, sender: input.mailSender, now, links });
    },
    reanalyzeAll: async () => {
      await analysis.reanalyzeEveryone();
    },
    scheduledSync: async () => {
      let cursor: string | undefined;
      do {
        const page = await store.connections.list({ limit: 100, cursor });
        for (const c of page.items) {
          if (c.status === "active") await queue.send({ userId: c.userId, provider: c.provider, reason: "schedule" });
        }
        cursor = page.cursor;
      } while (cursor);
    },
  });

  const app = createApp({
    config,
    store,
    logger,
    clock,
    vault: input.vault,
    providers,
    services,
    verifier: input.verifier,
    local: input.local,
    googleAddon: googleAddonRoutes({ config, store, clock }),
  });

  return { app, services, handleSyncRequest, jobs, analysis, tokens, deps };
}

export type AssembledSystem = ReturnType<typeof assembleSystem>;

function defaultProviders(config: Config, clock: Clock): ProviderRegistry {
  return createProviderRegistry({
    endpoints: {
      graphBaseUrl: config.microsoft.graphBaseUrl,
      msLoginBaseUrl: config.microsoft.loginBaseUrl,
      googleApiRootUrl: config.google.apiRootUrl,
      googleOAuthBaseUrl: config.google.oauthBaseUrl,
      googleAuthBaseUrl: config.google.authBaseUrl,
    },
    credentials: {
      microsoft: { clientId: config.microsoft.clientId ?? "", clientSecret: config.microsoft.clientSecret ?? "" },
      google: { clientId: config.google.clientId ?? "", clientSecret: config.google.clientSecret ?? "" },
    },
    clock: () => clock.now(),
  });
}
