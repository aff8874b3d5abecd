import { Subscription } from "@rapport/core";
import type { Item } from "../db.ts";
import { keys } from "../keys.ts";

export function subscriptionItem(subscription: Subscription): Item {
  const valid = Subscription.parse(subscription);
  const key = keys.subscription(valid.userId, valid.provider, valid.subscriptionId);
  return {
    ...valid,
    ...key,
    gsi1pk: keys.subscriptionsIndex(),
    gsi1sk: keys.timeOrdered(valid.expiresAt, key.sk),
    gsi2pk: keys.subscriptionById(valid.provider, valid.subscriptionId),
    gsi2sk: "SUBSCRIPTION",
    entity: "subscription",
  };
}

export function subscriptionFromItem(item: Item): Subscription {
  return Subscription.parse(item);
}
