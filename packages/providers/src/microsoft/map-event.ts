import {
  type Attendee,
  type AttendeeResponse,
  type MeetingSnapshot,
  type MeetingType,
  normalizeEmail,
  sameEmail,
} from "@rapport/core";
import { DateTime } from "luxon";
import type { GraphAttendee, GraphEvent } from "./graph-event.ts";
import { graphInstant, toIanaZone, toUtcInstant } from "./time-zones.ts";

export interface EventMapContext {
  /** The connected user's addresses (primary and aliases). */
  userEmails: readonly string[];
}

const TYPES: Record<NonNullable<GraphEvent["type"]>, MeetingType> = {
  singleInstance: "single",
  occurrence: "occurrence",
  exception: "exception",
  seriesMaster: "seriesMaster",
};

/** Graph responseStatus.response -> the core's response. `organizer` counts as accepted. */
export function mapResponse(response: string | null | undefined): AttendeeResponse {
  switch (response) {
    case "accepted":
    case "organizer":
      return "accepted";
    case "tentativelyAccepted":
      return "tentative";
    case "declined":
      return "declined";
    default:
      return "needsAction"; // none, notResponded, or absent
  }
}

/**
 * Graph event JSON -> MeetingSnapshot. Pure. Times become UTC instants using the zone Graph
 * states on each value; all-day events are midnight-to-midnight in the organizer's zone.
 */
export function mapGraphEvent(event: GraphEvent, ctx: EventMapContext): MeetingSnapshot {
  const zone = toIanaZone(event.originalStartTimeZone);
  const [start, end] = event.isAllDay
    ? allDayBounds(event, zone)
    : [toUtcInstant(event.start), toUtcInstant(event.end)];
  const organizerEmail = event.organizer?.emailAddress?.address ?? "";
  const isUser = (email: string | null | undefined) =>
    ctx.userEmails.some((u) => sameEmail(u, email ?? undefined));
  const rooms = new Set(
    (event.locations ?? [])
      .filter((l) => l.locationType === "conferenceRoom")
      .flatMap((l) => [l.locationEmailAddress, l.uniqueId])
      .filter((e): e is string => !!e)
      .map(normalizeEmail),
  );
  const attendees = (event.attendees ?? []).flatMap((a) => mapAttendee(a, rooms));
  const snapshot: MeetingSnapshot = {
    provider: "microsoft",
    eventId: event.id,
    type: event.type ? TYPES[event.type] : "single",
    start,
    end,
    isAllDay: event.isAllDay ?? false,
    isCancelled: event.isCancelled ?? false,
    organizer: {
      email: organizerEmail ? normalizeEmail(organizerEmail) : "",
      ...nameOf(event.organizer?.emailAddress?.name),
    },
    isOrganizer: isUser(organizerEmail) || event.isOrganizer === true,
    attendees,
  };
  const own = attendees.find((a) => isUser(a.email));
  const userResponse = event.responseStatus?.response
    ? mapResponse(event.responseStatus.response)
    : own?.response;
  Object.assign(
    snapshot,
    defined({
      iCalUId: event.iCalUId,
      seriesId: event.seriesMasterId,
      originalStart: graphInstant(event.originalStart),
      subject: event.subject,
      timeZone: zone,
      isOnline: event.isOnlineMeeting,
      userResponse: snapshot.isOrganizer ? "accepted" : userResponse,
      createdAt: graphInstant(event.createdDateTime),
      lastModifiedAt: graphInstant(event.lastModifiedDateTime),
      version: event.changeKey,
    }),
  );
  return snapshot;
}

function mapAttendee(attendee: GraphAttendee, rooms: Set<string>): Attendee[] {
  const address = attendee.emailAddress?.address;
  if (!address) return [];
  const email = normalizeEmail(address);
  const type =
    attendee.type === "resource" || rooms.has(email)
      ? "resource"
      : attendee.type === "optional"
        ? "optional"
        : "required";
  return [
    {
      email,
      ...nameOf(attendee.emailAddress?.name),
      type,
      response: mapResponse(attendee.status?.response),
      ...defined({ respondedAt: graphInstant(attendee.status?.time) }),
    },
  ];
}

/** All-day values are floating dates: read the date part in the event's own zone. */
function allDayBounds(event: GraphEvent, zone: string | undefined): [string, string] {
  const at = (value: string) =>
    DateTime.fromISO(value.slice(0, 10), { zone: zone ?? "UTC" })
      .toUTC()
      .toISO() as string;
  return [at(event.start.dateTime), at(event.end.dateTime)];
}

function nameOf(name: string | null | undefined): { name?: string } {
  return name ? { name } : {};
}

function defined<T extends Record<string, unknown>>(
  values: T,
): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}
