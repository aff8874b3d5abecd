import type { MailMessage, MeetingSnapshot, Provider } from "@rapport/core";
import { interactionsFromMeeting, interactionsFromMessage, type UserContext } from "@rapport/analysis";
import type { ChangeScope } from "./change-scope.ts";
import type { SyncDeps } from "./deps.ts";
import { mergeMeetingSnapshot, sameMeeting } from "./meeting-history.ts";

/** Stores one event version with its attendee history and re-derives its interactions. */
export async function applyMeetingSnapshot(
  deps: SyncDeps,
  user: UserContext,
  snapshot: MeetingSnapshot,
  scope: ChangeScope,
): Promise<void> {
  const { store, clock } = deps;
  const existing = await store.meetings.get(user.userId, snapshot.provider, snapshot.eventId);
  const merged = mergeMeetingSnapshot(existing, snapshot, { userId: user.userId, seenAt: clock.now().toISOString() });
  if (existing && (merged === existing || sameMeeting(existing, merged))) return;
  await store.meetings.put(merged);
  await store.interactions.deleteBySource(user.userId, merged.eventId);
  await store.interactions.putMany(interactionsFromMeeting(merged, user));
  scope.addMeeting({ provider: merged.provider, eventId: merged.eventId });
  for (const person of [...(existing?.attendees ?? []), ...merged.attendees, merged.organizer]) {
    scope.addPerson(person.email, person.name);
  }
}

/**
 * A deletion. The meeting is kept as cancelled rather than erased: an organizer's cancelled
 * meeting vanishes from their calendar, yet "you cancelled on them" is exactly what the
 * second-hand analysis needs to see. Its interactions turn into cancelled ones.
 */
export async function applyMeetingRemoval(
  deps: SyncDeps,
  user: UserContext,
  provider: Provider,
  eventId: string,
  scope: ChangeScope,
): Promise<void> {
  const existing = await deps.store.meetings.get(user.userId, provider, eventId);
  if (!existing || existing.isCancelled) return;
  const now = deps.clock.now().toISOString();
  const cancelled = { ...existing, isCancelled: true, lastModifiedAt: now, updatedAt: now };
  await deps.store.meetings.put(cancelled);
  await deps.store.interactions.deleteBySource(user.userId, eventId);
  await deps.store.interactions.putMany(interactionsFromMeeting(cancelled, user));
  scope.addMeeting({ provider, eventId });
  for (const person of [...existing.attendees, existing.organizer]) scope.addPerson(person.email, person.name);
}

/** Mail metadata becomes interactions only; the message itself is not kept. */
export async function applyMailMessages(
  deps: SyncDeps,
  user: UserContext,
  messages: MailMessage[],
  scope: ChangeScope,
): Promise<void> {
  const interactions = messages.flatMap((m) => interactionsFromMessage(m, user));
  if (interactions.length > 0) await deps.store.interactions.putMany(interactions);
  for (const message of messages) {
    for (const person of [message.from, ...message.to, ...message.cc]) scope.addPerson(person.email, person.name);
  }
}
