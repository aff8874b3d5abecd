import type { AccessTokenSource } from "./access-tokens.ts";
import type { SyncDeps } from "./deps.ts";
import { ConnectionNeedsReauthError } from "./errors.ts";
import { openSession } from "./sessions.ts";
import { RENEWAL_MARGIN_MS, renewSubscription } from "./subscriptions.ts";

export interface RenewalReport {
  renewed: number;
  recreated: number;
  failed: number;
}

/**
 * The hourly job: renew every subscription or channel expiring within the margin. A failure is
 * never silent: it raises an alert (metric + error log) and is shown on the connection.
 */
export async function renewExpiringSubscriptions(deps: SyncDeps, tokens: AccessTokenSource): Promise<RenewalReport> {
  const report: RenewalReport = { renewed: 0, recreated: 0, failed: 0 };
  const before = new Date(deps.clock.now().getTime() + RENEWAL_MARGIN_MS).toISOString();
  let cursor: string | undefined;
  do {
    const page = await deps.store.subscriptions.listExpiringBefore(before, { limit: 50, cursor });
    for (const subscription of page.items) {
      const connection = await deps.store.connections.get(subscription.userId, subscription.provider);
      if (!connection || connection.status === "needs-reauth") continue;
      try {
        const session = await openSession(deps, tokens, connection);
        const outcome = await renewSubscription(deps, session, subscription);
        report[outcome] += 1;
        if (connection.subscriptionAlert) {
          await deps.store.connections.update(connection.userId, connection.provider, { subscriptionAlert: undefined });
        }
      } catch (error) {
        if (error instanceof ConnectionNeedsReauthError) continue;
        report.failed += 1;
        deps.alert?.("SubscriptionRenewalFailed", { userId: subscription.userId, provider: subscription.provider });
        deps.logger.error("subscription renewal failed", {
          userId: subscription.userId,
          provider: subscription.provider,
          error: error instanceof Error ? error.message : String(error),
        });
        await deps.store.connections.update(connection.userId, connection.provider, {
          subscriptionAlert: `Renewing calendar notifications failed at ${deps.clock.now().toISOString()}; changes arrive by the scheduled sync until it recovers.`,
        });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}
