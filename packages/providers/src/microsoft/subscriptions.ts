import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { ProviderError, type WatchResult } from "../provider.ts";
import { parseGraphError } from "./parse-error.ts";

/** Under Graph's 10,080-minute maximum for Outlook resources, with room for clock skew. */
export const SUBSCRIPTION_MINUTES = 10_000;

const SubscriptionResponse = z.object({ id: z.string().min(1), expirationDateTime: z.string() });

function expiry(now: Date): string {
  return new Date(now.getTime() + SUBSCRIPTION_MINUTES * 60_000).toISOString();
}

function parsed(body: unknown): z.infer<typeof SubscriptionResponse> {
  const result = SubscriptionResponse.safeParse(body);
  if (!result.success) throw new ProviderError("unknown", "Graph subscription response was not understood");
  return result.data;
}

/** Subscribes to the mailbox's events. Graph validates both URLs before answering. */
export async function createGraphSubscription(
  client: Client,
  input: { notificationUrl: string; lifecycleUrl: string; secret: string; now: Date },
): Promise<WatchResult> {
  const body = await client
    .api("/subscriptions")
    .post({
      changeType: "created,updated,deleted",
      notificationUrl: input.notificationUrl,
      lifecycleNotificationUrl: input.lifecycleUrl,
      resource: "/me/events",
      expirationDateTime: expiry(input.now),
      clientState: input.secret,
    })
    .catch((error: unknown) => {
      throw parseGraphError(error, "Graph subscription create");
    });
  const subscription = parsed(body);
  // Store what Graph returns: it may shorten the expiry.
  return {
    subscriptionId: subscription.id,
    expiresAt: new Date(subscription.expirationDateTime).toISOString(),
  };
}

/** Extends a subscription. A 404 surfaces as ProviderError("not_found"): the caller recreates it. */
export async function renewGraphSubscription(
  client: Client,
  input: { subscriptionId: string; now: Date },
): Promise<{ expiresAt: string }> {
  const body = await client
    .api(`/subscriptions/${encodeURIComponent(input.subscriptionId)}`)
    .patch({ expirationDateTime: expiry(input.now) })
    .catch((error: unknown) => {
      throw parseGraphError(error, "Graph subscription renew");
    });
  return { expiresAt: new Date(parsed(body).expirationDateTime).toISOString() };
}

/** Deletes a subscription; one that is already gone counts as deleted. */
export async function deleteGraphSubscription(client: Client, subscriptionId: string): Promise<void> {
  try {
    await client.api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).delete();
  } catch (error) {
    const failure = parseGraphError(error, "Graph subscription delete");
    if (failure.code !== "not_found") throw failure;
  }
}
