import type { Mailbox, StoredEvent } from "./mailbox-store.ts";
import type { EmulatorState } from "./state.ts";
import { type SubscriptionRecord, watchesEvents } from "./subscriptions.ts";
import { graphInstant } from "./time-zones.ts";

/** Change and lifecycle notifications, built in Graph's JSON shape and queued for delivery. */

export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

/** Fans an event change out to every live subscription on that mailbox's events. */
export function notifyEventChange(
  state: EmulatorState,
  mailbox: Mailbox,
  event: StoredEvent,
  changeType: "created" | "updated" | "deleted",
): void {
  const nowMs = state.now().getTime();
  for (const s of state.subscriptions.values()) {
    if (s.mailbox !== mailbox.email || !watchesEvents(s.resource, mailbox)) continue;
    if (s.expirationMs <= nowMs || !s.changeType.split(",").includes(changeType)) continue;
    if (state.faults.dropNotifications > 0) {
      state.faults.dropNotifications -= 1;
      s.missedPending = true;
      if (state.faults.dropNotifications === 0) sendMissed(state);
      continue;
    }
    const path = `Users/${mailbox.id}/Events/${event.id}`;
    state.notifier.enqueue(s.notificationUrl, [
      {
        subscriptionId: s.id,
        subscriptionExpirationDateTime: graphInstant(s.expirationMs),
        changeType,
        resource: path,
        resourceData: {
          "@odata.type": "#Microsoft.Graph.Event",
          "@odata.id": path,
          "@odata.etag": `W/"${event.json.changeKey}"`,
          id: event.id,
        },
        clientState: s.clientState ?? null,
        tenantId: state.tenantId,
      },
    ]);
  }
}

function sendMissed(state: EmulatorState): void {
  for (const s of state.subscriptions.values()) {
    if (!s.missedPending) continue;
    s.missedPending = false;
    queueLifecycle(state, s, "missed");
  }
}

function queueLifecycle(state: EmulatorState, s: SubscriptionRecord, event: LifecycleEvent): void {
  if (!s.lifecycleNotificationUrl) return;
  state.notifier.enqueue(s.lifecycleNotificationUrl, [
    {
      subscriptionId: s.id,
      subscriptionExpirationDateTime: graphInstant(s.expirationMs),
      tenantId: state.tenantId,
      clientState: s.clientState ?? null,
      lifecycleEvent: event,
    },
  ]);
}

/** Sends a lifecycle event to every subscription of the mailbox; `subscriptionRemoved` also removes them. */
export function sendLifecycle(
  state: EmulatorState,
  email: string,
  event: LifecycleEvent,
  subscriptionId?: string,
): number {
  let count = 0;
  for (const s of [...state.subscriptions.values()]) {
    if (s.mailbox !== email.toLowerCase() || (subscriptionId && s.id !== subscriptionId)) continue;
    queueLifecycle(state, s, event);
    if (event === "subscriptionRemoved") state.subscriptions.delete(s.id);
    count += 1;
  }
  return count;
}
