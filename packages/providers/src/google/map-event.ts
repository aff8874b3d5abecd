import {
  type Attendee,
  type AttendeeResponse,
  type MeetingSnapshot,
  type MeetingType,
  normalizeEmail,
  type Person,
} from "@rapport/core";
import { type GoogleAttendee, GoogleEvent, type GoogleEventDateTime } from "./google-event.ts";
import { zonedMidnightToUtc } from "./zoned-time.ts";

export interface EventMapContext {
  /** The connected user's addresses; used where Google leaves out `self`. */
  userEmails: readonly string[];
  /** The calendar's zone (events.list `timeZone`): where an all-day date without a zone lies. */
  calendarTimeZone?: string;
}

/** What one Google event means for the store. */
export type GoogleEventChange =
  | { kind: "upsert"; meeting: MeetingSnapshot }
  /** Cancelled (Google's word for deleted), keyed on the event id, never on iCalUID. */
  | { kind: "removed"; eventId: string }
  | { kind: "skipped"; eventId?: string; reason: string };

/**
 * Google Calendar `Event` JSON -> normalized snapshot. Pure. A cancelled event may carry only
 * `id` (plus `recurringEventId`/`originalStartTime` for a cancelled occurrence), so cancellation
 * is decided before anything else is read.
 */
export function mapGoogleEvent(raw: unknown, ctx: EventMapContext): GoogleEventChange {
  const parsed = GoogleEvent.safeParse(raw);
  if (!parsed.success) {
    return { kind: "skipped", reason: `not a Google event: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  }
  const event = parsed.data;
  if (event.status === "cancelled") return { kind: "removed", eventId: event.id };

  const zone = event.start?.timeZone ?? event.end?.timeZone ?? ctx.calendarTimeZone ?? "UTC";
  const start = toInstant(event.start, zone);
  const end = toInstant(event.end, zone);
  if (!start || !end) return { kind: "skipped", eventId: event.id, reason: "event has no start or end" };
  const organizerEmail = event.organizer?.email ?? event.creator?.email;
  if (!organizerEmail) return { kind: "skipped", eventId: event.id, reason: "event has no organizer" };

  const mine = new Set(ctx.userEmails.map(normalizeEmail));
  const isMe = (p: { email?: string; self?: boolean }) =>
    p.self === true || (p.email !== undefined && mine.has(normalizeEmail(p.email)));

  const organizer = person(normalizeEmail(organizerEmail), event.organizer?.displayName);
  const isOrganizer = isMe({ email: organizerEmail, self: event.organizer?.self });
  const listed = event.attendees ?? [];
  // Google lists the organizer among the attendees; the snapshot keeps it in `organizer` only.
  const attendees = listed
    .filter((a) => a.email && !a.organizer && normalizeEmail(a.email) !== normalizeEmail(organizerEmail))
    .map(toAttendee);
  const selfEntry = listed.find(isMe);

  const meeting: MeetingSnapshot = {
    provider: "google",
    eventId: event.id,
    type: meetingType(event, zone),
    start,
    end,
    isAllDay: event.start?.date !== undefined,
    isCancelled: false,
    isOnline: event.hangoutLink !== undefined || event.conferenceData !== undefined,
    organizer,
    isOrganizer,
    attendees,
  };
  setIf(meeting, "iCalUId", event.iCalUID);
  setIf(meeting, "seriesId", event.recurringEventId);
  setIf(meeting, "originalStart", toInstant(event.originalStartTime, zone));
  setIf(meeting, "subject", event.summary);
  setIf(meeting, "timeZone", event.start?.timeZone ?? event.end?.timeZone);
  // The organizer has accepted their own meeting, whatever Google lists for them.
  setIf(
    meeting,
    "userResponse",
    isOrganizer ? "accepted" : selfEntry ? response(selfEntry.responseStatus) : undefined,
  );
  setIf(meeting, "createdAt", toInstant({ dateTime: event.created }));
  setIf(meeting, "lastModifiedAt", toInstant({ dateTime: event.updated }));
  setIf(meeting, "version", event.etag);
  return { kind: "upsert", meeting };
}

/**
 * `dateTime` is RFC 3339 with an offset, so it converts to UTC exactly. An all-day `date` is
 * midnight in the event's zone (else the calendar's), as the Graph mapper reads all-day events.
 */
export function toInstant(value: GoogleEventDateTime | undefined, zone = "UTC"): string | undefined {
  if (value?.dateTime) {
    const ms = Date.parse(value.dateTime);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  return value?.date ? zonedMidnightToUtc(value.date, zone) : undefined;
}

/**
 * Instances of a series carry `recurringEventId`; one moved from its original start is an
 * exception. (Google gives no flag for other edits to one instance.)
 */
function meetingType(event: GoogleEvent, zone: string): MeetingType {
  if (event.recurrence && event.recurrence.length > 0) return "seriesMaster";
  if (!event.recurringEventId) return "single";
  const original = toInstant(event.originalStartTime, zone);
  return original !== undefined && original !== toInstant(event.start, zone) ? "exception" : "occurrence";
}

function toAttendee(a: GoogleAttendee): Attendee {
  const type = a.resource ? "resource" : a.optional ? "optional" : "required";
  return {
    ...person(normalizeEmail(a.email ?? ""), a.displayName),
    type,
    response: response(a.responseStatus),
  };
}

function response(status: string | undefined): AttendeeResponse {
  return status === "accepted" || status === "declined" || status === "tentative" ? status : "needsAction";
}

function person(email: string, name: string | undefined): Person {
  return name ? { email, name } : { email };
}

function setIf<K extends keyof MeetingSnapshot>(
  target: MeetingSnapshot,
  key: K,
  value: MeetingSnapshot[K] | undefined,
) {
  if (value !== undefined) target[key] = value;
}
