import { Delivery } from "@rapport/core";
import type { Item } from "../db.ts";
import { keys, timeKey } from "../keys.ts";
import { TTL_ATTRIBUTE } from "../table-definition.ts";

/** By then no job would consider sending that briefing, digest or report again. */
export const DELIVERY_RETENTION_DAYS = 180;

export function deliveryItem(delivery: Delivery): Item {
  const valid = Delivery.parse(delivery);
  const sentAtSeconds = Math.floor(Date.parse(timeKey(valid.sentAt)) / 1000);
  return {
    ...valid,
    ...keys.delivery(valid.userId, valid.kind, valid.key),
    [TTL_ATTRIBUTE]: sentAtSeconds + DELIVERY_RETENTION_DAYS * 86_400,
    entity: "delivery",
  };
}

export function deliveryFromItem(item: Item): Delivery {
  return Delivery.parse(item);
}
