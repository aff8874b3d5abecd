import type { Delivery } from "@rapport/core";
import type { Store } from "@rapport/store";
import type { MailSender } from "./contracts.ts";

export type DeliveryOutcome = "sent" | "already_sent";

/**
 * Exactly once across overlapping runs: the conditional record is written BEFORE sending, so
 * only the run that wins the write sends; if sending fails the record is removed for a retry.
 */
export async function deliverOnce(
  store: Store,
  sender: MailSender,
  delivery: Delivery,
  mail: Omit<Parameters<MailSender["send"]>[0], "kind" | "userId">,
): Promise<DeliveryOutcome> {
  if (!(await store.deliveries.record(delivery))) return "already_sent";
  try {
    await sender.send({ ...mail, userId: delivery.userId, kind: delivery.kind });
  } catch (error) {
    await store.deliveries.remove(delivery.userId, delivery.kind, delivery.key);
    throw error;
  }
  return "sent";
}

export function errorReason(error: unknown): string {
  // Error names and messages from our own code and the SDKs carry no personal data.
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : "unknown error";
}
