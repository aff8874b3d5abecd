import { z } from "zod";
import { Person } from "./person.ts";
import { Provider } from "./provider.ts";

export const AttendeeResponse = z.enum(["needsAction", "accepted", "tentative", "declined"]);
export type AttendeeResponse = z.infer<typeof AttendeeResponse>;

/** One attendee as the provider lists it now. Rooms and equipment are `resource`. */
export const Attendee = Person.extend({
  type: z.enum(["required", "optional", "resource"]),
  response: AttendeeResponse,
  /** When the attendee last responded, where the provider says (Graph `status.time`). */
  respondedAt: z.string().optional(),
});
export type Attendee = z.infer<typeof Attendee>;

export const MeetingType = z.enum(["single", "occurrence", "exception", "seriesMaster"]);
export type MeetingType = z.infer<typeof MeetingType>;

/**
 * A calendar event as one provider returns it at one moment, normalized. Provider mappers
 * produce these; the sync engine merges successive snapshots into a `Meeting` with history.
 */
export const MeetingSnapshot = z.object({
  provider: Provider,
  /** Provider event id (Graph immutable id, Google event id). The record key. */
  eventId: z.string().min(1),
  iCalUId: z.string().optional(),
  /** Graph `seriesMasterId` or Google `recurringEventId`. */
  seriesId: z.string().optional(),
  /** Start of this occurrence as first scheduled (Google `originalStartTime`). */
  originalStart: z.string().optional(),
  type: MeetingType,
  subject: z.string().optional(),
  /** ISO 8601 instants in UTC. */
  start: z.string(),
  end: z.string(),
  /** IANA zone the organizer scheduled in, when known. */
  timeZone: z.string().optional(),
  isAllDay: z.boolean(),
  isCancelled: z.boolean(),
  isOnline: z.boolean().optional(),
  organizer: Person,
  /** True when the connected user organizes this meeting. */
  isOrganizer: z.boolean(),
  /** The connected user's own response. */
  userResponse: AttendeeResponse.optional(),
  attendees: z.array(Attendee),
  createdAt: z.string().optional(),
  lastModifiedAt: z.string().optional(),
  /** Graph `changeKey` / Google `etag`: changes on every edit. */
  version: z.string().optional(),
});
export type MeetingSnapshot = z.infer<typeof MeetingSnapshot>;

/** Who joined or left the attendee list of a meeting, and when the change was first seen. */
export const AttendeeChange = Person.extend({
  change: z.enum(["added", "removed"]),
  /** When the change happened: the event's lastModified time of the version that showed it. */
  at: z.string(),
  /** The attendees already on the list at that moment, with their response then. */
  existingAttendees: z.array(Person.extend({ response: AttendeeResponse })),
});
export type AttendeeChange = z.infer<typeof AttendeeChange>;

/** A meeting as stored for one user: the latest snapshot plus its attendee history. */
export const Meeting = MeetingSnapshot.extend({
  userId: z.string(),
  /** When this system first saw the event. */
  firstSeenAt: z.string(),
  /** When this system last changed the record. */
  updatedAt: z.string(),
  history: z.array(AttendeeChange),
  /**
   * When each attendee (normalized address) was first seen on the list. Lets analysis tell
   * how long someone has had the invitation even without a response time.
   */
  attendeeFirstSeen: z.record(z.string(), z.string()),
});
export type Meeting = z.infer<typeof Meeting>;

/** The key of a meeting as the outside world names it. */
export const MeetingRef = z.object({ provider: Provider, eventId: z.string().min(1) });
export type MeetingRef = z.infer<typeof MeetingRef>;
