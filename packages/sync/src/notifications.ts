import { timingSafeEqual } from "node:crypto";
import type { Provider, Subscription } from "@rapport/core";
import type { AccessTokenSource } from "./access-tokens.ts";
import type { SyncDeps } from "./deps.ts";
import { openSession } from "./sessions.ts";
import { renewSubscription } from "./subscriptions.ts";

/** One item of a Graph notification batch, change or lifecycle (already schema-validated). */
export interface GraphNotificationItem {
  subscriptionId: string;
  clientState?: string | null;
  changeType?: string;
  lifecycleEvent?: "reauthorizationRequired" | "subscriptionRemoved" | "missed" | string;
}

export interface NotificationOutcome {
  /** Connections a sync was requested for. */
  queued: number;
  /** Items for unknown subscriptions or with a wrong secret: acknowledged, no work done. */
  ignored: number;
}

/** Constant-time comparison of a presented secret with the stored one. */
export function secretMatches(presented: string | null | undefined, stored: string): boolean {
  if (typeof presented !== "string") return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Change notifications: verify each item, then ask for ONE sync per connection however many
 * items the batch holds. The sync itself happens in the worker, never in the webhook.
 */
export async function acceptGraphChanges(deps: SyncDeps, items: GraphNotificationItem[]): Promise<NotificationOutcome> {
  const verified = await verifyAll(deps, "microsoft", items);
  const users = new Set(verified.map(({ subscription }) => subscription.userId));
  await Promise.all(
    [...users].map((userId) => deps.queue.send({ userId, provider: "microsoft", reason: "notification" })),
  );
  return { queued: users.size, ignored: items.length - verified.length };
}

/**
 * Lifecycle events: reauthorizationRequired renews (renewing also reauthorizes),
 * subscriptionRemoved recreates and resyncs, missed resyncs in full.
 */
export async function acceptGraphLifecycle(
  deps: SyncDeps,
  tokens: AccessTokenSource,
  items: GraphNotificationItem[],
): Promise<NotificationOutcome> {
  const verified = await verifyAll(deps, "microsoft", items);
  for (const { item, subscription } of verified) {
    const { userId, provider } = subscription;
    if (item.lifecycleEvent === "missed") {
      await deps.queue.send({ userId, provider, reason: "missed", full: true });
      continue;
    }
    const connection = await deps.store.connections.get(userId, provider);
    if (!connection || connection.status === "needs-reauth") continue;
    const session = await openSession(deps, tokens, connection);
    if (item.lifecycleEvent === "subscriptionRemoved") {
      await deps.store.subscriptions.delete(provider, subscription.subscriptionId);
      await renewSubscription(deps, { ...session, renewWatch: async () => null }, subscription);
    } else if (item.lifecycleEvent === "reauthorizationRequired") {
      await renewSubscription(deps, session, subscription);
    }
    deps.logger.info("lifecycle event handled", { userId, event: item.lifecycleEvent });
  }
  return { queued: verified.length, ignored: items.length - verified.length };
}

export interface GooglePush {
  channelId: string;
  channelToken?: string;
  resourceId: string;
  resourceState: "sync" | "exists" | "not_exists";
}

export type GooglePushOutcome = "queued" | "acknowledged" | "unknown_channel" | "bad_token" | "wrong_resource";

/** A Google push: known channel, matching token and resource, then one coalesced sync. */
export async function acceptGooglePush(deps: SyncDeps, push: GooglePush): Promise<GooglePushOutcome> {
  const subscription = await deps.store.subscriptions.getById("google", push.channelId);
  // Google sends `sync` the moment the channel opens, before its id is stored: just acknowledge.
  if (!subscription) return push.resourceState === "sync" ? "acknowledged" : "unknown_channel";
  if (!secretMatches(push.channelToken, subscription.secret)) return "bad_token";
  if (subscription.resourceId && subscription.resourceId !== push.resourceId) return "wrong_resource";
  if (push.resourceState === "sync") return "acknowledged";
  await deps.queue.send({ userId: subscription.userId, provider: "google", reason: "notification" });
  return "queued";
}

async function verifyAll(deps: SyncDeps, provider: Provider, items: GraphNotificationItem[]) {
  const verified: Array<{ item: GraphNotificationItem; subscription: Subscription }> = [];
  const lookups = new Map<string, Promise<Subscription | undefined>>();
  for (const item of items) {
    if (!lookups.has(item.subscriptionId)) {
      lookups.set(item.subscriptionId, deps.store.subscriptions.getById(provider, item.subscriptionId));
    }
    const subscription = await lookups.get(item.subscriptionId);
    if (subscription && secretMatches(item.clientState, subscription.secret)) verified.push({ item, subscription });
  }
  return verified;
}
