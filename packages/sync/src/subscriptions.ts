import { randomBytes } from "node:crypto";
import type { Connection, Subscription } from "@rapport/core";
import { ProviderError, type ProviderSession } from "@rapport/providers";
import type { SyncDeps } from "./deps.ts";

/** Renew anything that expires within this margin; the job runs hourly, so 24 h is generous. */
export const RENEWAL_MARGIN_MS = 24 * 60 * 60 * 1000;

/** Creates a Graph subscription or Google channel for the calendar and stores its secret. */
export async function watchCalendar(
  deps: SyncDeps,
  session: ProviderSession,
  connection: Pick<Connection, "userId" | "provider">,
): Promise<Subscription> {
  const base = `${deps.publicBaseUrl}/webhooks/${connection.provider}`;
  const secret = randomBytes(32).toString("base64url");
  const watch = await session.watchCalendar({ notificationUrl: base, lifecycleUrl: `${base}/lifecycle`, secret });
  const subscription: Subscription = {
    userId: connection.userId,
    provider: connection.provider,
    subscriptionId: watch.subscriptionId,
    resourceId: watch.resourceId,
    resource: "events",
    secret,
    expiresAt: watch.expiresAt,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.subscriptions.put(subscription);
  return subscription;
}

/**
 * Keeps one subscription alive. Graph: PATCH the expiry; 404 means it is gone, so recreate it
 * and resync. Google has no renewal: open the next channel first, then stop the old one, so
 * there is never a moment without a live channel.
 */
export async function renewSubscription(
  deps: SyncDeps,
  session: ProviderSession,
  subscription: Subscription,
): Promise<"renewed" | "recreated"> {
  try {
    const renewed = await session.renewWatch({ subscriptionId: subscription.subscriptionId });
    if (renewed) {
      await deps.store.subscriptions.put({ ...subscription, expiresAt: renewed.expiresAt });
      return "renewed";
    }
  } catch (error) {
    if (!(error instanceof ProviderError && error.code === "not_found")) throw error;
  }
  await watchCalendar(deps, session, subscription);
  await stopQuietly(deps, session, subscription);
  if (subscription.provider === "microsoft") {
    // A lost Graph subscription may have missed changes: pull everything again.
    await deps.queue.send({ userId: subscription.userId, provider: subscription.provider, reason: "resubscribed", full: true });
  } else {
    await deps.queue.send({ userId: subscription.userId, provider: subscription.provider, reason: "resubscribed" });
  }
  return "recreated";
}

export async function stopQuietly(deps: SyncDeps, session: ProviderSession, subscription: Subscription) {
  await deps.store.subscriptions.delete(subscription.provider, subscription.subscriptionId);
  try {
    await session.stopWatch({ subscriptionId: subscription.subscriptionId, resourceId: subscription.resourceId });
  } catch (error) {
    // Already gone at the provider is the outcome we wanted.
    if (!(error instanceof ProviderError && error.code === "not_found")) {
      deps.logger.warn("could not stop a subscription", { provider: subscription.provider, error: String(error) });
    }
  }
}
