import { expandSeries } from "./recurrence.ts";
import type { Json, Mailbox, StoredEvent } from "./state.ts";

/**
 * The calendar of one mailbox: versions of Google `Event` JSON with a change sequence, and
 * the views `events.list` gives of them (full window, or changes since a sequence).
 */

interface Person {
  email?: unknown;
  self?: unknown;
}

/** Stores a new version: Google's bookkeeping fields are set as the server would set them. */
export function upsertEvent(mailbox: Mailbox, input: Json, now: Date): Json {
  const id = String(input.id);
  const previous = mailbox.events.get(id);
  mailbox.seq += 1;
  const event: Json = {
    ...input,
    kind: "calendar#event",
    id,
    etag: `"${now.getTime()}${String(mailbox.seq).padStart(4, "0")}"`,
    status: input.status ?? "confirmed",
    created: previous?.event.created ?? input.created ?? now.toISOString(),
    updated: now.toISOString(),
    iCalUID: input.iCalUID ?? previous?.event.iCalUID ?? `${id.split("_")[0]}@google.com`,
  };
  markSelf(event, mailbox.email);
  mailbox.events.set(id, { event, seq: mailbox.seq });
  return event;
}

/** Deleting keeps the event, cancelled, as Google does, so sync tokens can report it. */
export function cancelEvent(mailbox: Mailbox, id: string, now: Date): boolean {
  const stored = mailbox.events.get(id);
  if (!stored) return false;
  upsertEvent(mailbox, { ...stored.event, status: "cancelled" }, now);
  return true;
}

export interface FullQuery {
  fromMs: number;
  toMs: number;
  singleEvents: boolean;
  showDeleted: boolean;
}

/** Everything overlapping the window (end > timeMin, start < timeMax). */
export function listWindow(mailbox: Mailbox, q: FullQuery): Json[] {
  const items: Json[] = [];
  for (const stored of mailbox.events.values()) {
    const cancelled = stored.event.status === "cancelled";
    if (cancelled && !q.showDeleted) continue;
    if (q.singleEvents && isSeries(stored.event)) {
      items.push(...instances(mailbox, stored, q.fromMs, q.toMs));
      continue;
    }
    const range = rangeOf(stored.event);
    if (range && !(range.end > q.fromMs && range.start < q.toMs)) continue;
    items.push(present(stored.event));
  }
  return items.sort(byStart);
}

/** Changes after `sinceSeq`, anywhere in the calendar; series are expanded over the token's window. */
export function listChanges(mailbox: Mailbox, sinceSeq: number, q: Omit<FullQuery, "showDeleted">): Json[] {
  const items: Json[] = [];
  for (const stored of mailbox.events.values()) {
    if (stored.seq <= sinceSeq) continue;
    if (q.singleEvents && isSeries(stored.event)) items.push(...instances(mailbox, stored, q.fromMs, q.toMs));
    else items.push(present(stored.event));
  }
  return items.sort(byStart);
}

function instances(mailbox: Mailbox, master: StoredEvent, fromMs: number, toMs: number): Json[] {
  const { recurrence: _rule, ...base } = master.event;
  const masterId = String(master.event.id);
  return expandSeries(master.event, mailbox.timeZone, fromMs, toMs)
    .map((o) => ({ ...base, id: `${masterId}_${o.idSuffix}`, recurringEventId: masterId, ...o }))
    .filter((instance) => !mailbox.events.has(instance.id)) // a stored exception replaces its instance
    .map(({ idSuffix: _s, ...instance }) => present(instance));
}

/** A cancelled event is returned bare: id (and for an occurrence its series and original start). */
function present(event: Json): Json {
  if (event.status !== "cancelled") return event;
  const bare: Json = { kind: "calendar#event", etag: event.etag, id: event.id, status: "cancelled" };
  if (event.recurringEventId) {
    bare.recurringEventId = event.recurringEventId;
    bare.originalStartTime = event.originalStartTime ?? event.start;
  }
  return bare;
}

function isSeries(event: Json): boolean {
  return Array.isArray(event.recurrence) && event.recurrence.length > 0;
}

export function rangeOf(event: Json): { start: number; end: number } | undefined {
  const start = instant(event.start);
  const end = instant(event.end);
  return start === undefined || end === undefined ? undefined : { start, end };
}

function instant(value: unknown): number | undefined {
  const v = value as { dateTime?: string; date?: string } | undefined;
  const text = v?.dateTime ?? (v?.date ? `${v.date}T00:00:00Z` : undefined);
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function byStart(a: Json, b: Json): number {
  const sa = rangeOf(a)?.start ?? 0;
  const sb = rangeOf(b)?.start ?? 0;
  return sa - sb || String(a.id).localeCompare(String(b.id));
}

function markSelf(event: Json, email: string) {
  const mine = (p: Person) => typeof p.email === "string" && p.email.toLowerCase() === email.toLowerCase();
  for (const key of ["organizer", "creator"] as const) {
    const person = event[key] as Person | undefined;
    if (person && typeof person === "object") event[key] = mine(person) ? { ...person, self: true } : person;
  }
  if (Array.isArray(event.attendees)) {
    event.attendees = event.attendees.map((a: Person) => (mine(a) ? { ...a, self: true } : a));
  }
}
