import { type Attendee, type AttendeeChange, type Meeting, type MeetingSnapshot, normalizeEmail } from "@rapport/core";

/**
 * Merges the provider's latest view of an event into the stored meeting, recording who joined
 * or left the attendee list and when. Providers only ever return the current state, so this
 * history exists nowhere else: it is the evidence behind "added after you accepted".
 */
export function mergeMeetingSnapshot(
  existing: Meeting | undefined,
  snapshot: MeetingSnapshot,
  context: { userId: string; seenAt: string },
): Meeting {
  const changedAt = snapshot.lastModifiedAt ?? context.seenAt;
  if (!existing) {
    const firstSeen = snapshot.createdAt ?? changedAt;
    return {
      ...snapshot,
      userId: context.userId,
      firstSeenAt: context.seenAt,
      updatedAt: context.seenAt,
      history: [],
      attendeeFirstSeen: Object.fromEntries(snapshot.attendees.map((a) => [normalizeEmail(a.email), firstSeen])),
    };
  }
  if (isStale(existing, snapshot)) return existing;

  const before = new Map(existing.attendees.map((a) => [normalizeEmail(a.email), a]));
  const after = new Map(snapshot.attendees.map((a) => [normalizeEmail(a.email), a]));
  const existingAttendees = existing.attendees.map((a) => ({ email: a.email, name: a.name, response: a.response }));
  const changes: AttendeeChange[] = [];
  for (const [email, attendee] of after) {
    if (!before.has(email)) changes.push(change("added", attendee, changedAt, existingAttendees));
  }
  for (const [email, attendee] of before) {
    if (!after.has(email)) changes.push(change("removed", attendee, changedAt, existingAttendees));
  }

  const attendeeFirstSeen = { ...existing.attendeeFirstSeen };
  for (const c of changes) if (c.change === "added") attendeeFirstSeen[normalizeEmail(c.email)] = changedAt;

  return {
    ...snapshot,
    attendees: snapshot.attendees.map((a) => withResponseTime(a, before.get(normalizeEmail(a.email)), changedAt)),
    createdAt: snapshot.createdAt ?? existing.createdAt,
    userId: existing.userId,
    firstSeenAt: existing.firstSeenAt,
    updatedAt: context.seenAt,
    history: [...existing.history, ...changes],
    attendeeFirstSeen,
  };
}

/** True when nothing the system keeps differs, so the store need not be written. */
export function sameMeeting(a: Meeting, b: Meeting): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

// Delta rounds can replay an older version after a newer one; never let it rewrite history.
function isStale(existing: Meeting, snapshot: MeetingSnapshot): boolean {
  return (
    existing.lastModifiedAt !== undefined &&
    snapshot.lastModifiedAt !== undefined &&
    Date.parse(snapshot.lastModifiedAt) < Date.parse(existing.lastModifiedAt)
  );
}

function change(
  kind: AttendeeChange["change"],
  attendee: Attendee,
  at: string,
  existingAttendees: AttendeeChange["existingAttendees"],
): AttendeeChange {
  const others = existingAttendees.filter((e) => normalizeEmail(e.email) !== normalizeEmail(attendee.email));
  return { email: attendee.email, name: attendee.name, change: kind, at, existingAttendees: others };
}

// Google gives no response time: the version where a response first shows is our best clock.
function withResponseTime(current: Attendee, previous: Attendee | undefined, changedAt: string): Attendee {
  if (current.respondedAt) return current;
  if (previous && previous.response === current.response) {
    return previous.respondedAt ? { ...current, respondedAt: previous.respondedAt } : current;
  }
  if (previous && current.response !== "needsAction") return { ...current, respondedAt: changedAt };
  return current;
}
