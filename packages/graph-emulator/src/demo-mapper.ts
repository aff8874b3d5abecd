import type {
  DemoAttendee,
  DemoEvent,
  DemoEventState,
  DemoMailbox,
  DemoMessage,
  DemoOrganization,
  DemoPerson,
} from "@rapport/demo-data";
import { eventStates, JORDAN, MORGAN } from "@rapport/demo-data";
import { occurrenceId } from "./event-view.ts";
import { dateTimeTimeZone, graphInstant, windowsZone } from "./time-zones.ts";

/** Pure conversion of the provider-neutral demo organization into Graph `event` and `message` JSON. */

const RESPONSES: Record<DemoAttendee["response"], string> = {
  needsAction: "notResponded",
  accepted: "accepted",
  tentative: "tentativelyAccepted",
  declined: "declined",
};
const NEVER = "0001-01-01T00:00:00Z";

type People = (email: string) => DemoPerson | undefined;

function recipient(email: string, people: People) {
  const name = people(email)?.name ?? email;
  return { emailAddress: { name, address: email } };
}

function localDate(ms: number, zone: string): string {
  return dateTimeTimeZone(ms, zone).dateTime.slice(0, 10);
}

/** One state of a demo event as the owner's Graph calendar returns it. */
export function graphEventFromDemo(
  state: DemoEventState,
  owner: string,
  people: People,
): Record<string, unknown> {
  const zone = windowsZone(state.timeZone);
  const startMs = Date.parse(state.start);
  const endMs = Date.parse(state.end);
  const isOrganizer = state.organizer === owner;
  const own = state.attendees.find((a) => a.email === owner);
  const room = state.attendees.find((a) => a.type === "resource");
  const event: Record<string, unknown> = {
    id: state.id,
    createdDateTime: graphInstant(Date.parse(state.createdAt)),
    lastModifiedDateTime: graphInstant(Date.parse(state.modifiedAt)),
    subject: state.subject,
    isAllDay: state.isAllDay ?? false,
    isCancelled: state.isCancelled,
    isOrganizer,
    type: state.recurrence ? "seriesMaster" : state.seriesId ? "exception" : "singleInstance",
    start: dateTimeTimeZone(startMs, zone),
    end: dateTimeTimeZone(endMs, zone),
    responseStatus: isOrganizer
      ? { response: "organizer", time: NEVER }
      : {
          response: own ? RESPONSES[own.response] : "none",
          time: own?.respondedAt ? graphInstant(Date.parse(own.respondedAt)) : NEVER,
        },
    organizer: recipient(state.organizer, people),
    attendees: state.attendees.map((a) => ({
      type: a.type,
      status: {
        response: RESPONSES[a.response],
        time: a.respondedAt ? graphInstant(Date.parse(a.respondedAt)) : NEVER,
      },
      ...recipient(a.email, people),
    })),
    location: room
      ? {
          displayName: people(room.email)?.name ?? room.email,
          locationType: "conferenceRoom",
          uniqueId: room.email,
        }
      : { displayName: "" },
  };
  if (state.seriesId && state.originalStart) {
    event.seriesMasterId = state.seriesId;
    event.originalStart = graphInstant(Date.parse(state.originalStart));
  }
  if (state.recurrence) {
    event.recurrence = {
      pattern: {
        type: "weekly",
        interval: state.recurrence.interval,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: state.recurrence.daysOfWeek,
        firstDayOfWeek: "sunday",
        index: "first",
      },
      range: {
        type: "numbered",
        startDate: localDate(startMs, zone),
        endDate: "0001-01-01",
        recurrenceTimeZone: zone,
        numberOfOccurrences: state.recurrence.count,
      },
    };
  }
  return event;
}

export function graphMessageFromDemo(
  message: DemoMessage,
  owner: string,
  people: People,
): Record<string, unknown> {
  const at = graphInstant(Date.parse(message.sentAt));
  return {
    id: message.id,
    subject: message.subject,
    from: recipient(message.from, people),
    sender: recipient(message.from, people),
    toRecipients: message.to.map((e) => recipient(e, people)),
    ccRecipients: message.cc.map((e) => recipient(e, people)),
    sentDateTime: at,
    receivedDateTime: at,
    conversationId: `conv-${message.threadId}`,
    internetMessageId: `<${message.id}@${owner.split("@")[1]}>`,
    isRead: true,
  };
}

/** An item in the emulator's seeding order: cancelled occurrences become deletions. */
export type GraphSeedOp =
  | { at: string; op: "event.upsert"; event: Record<string, unknown> }
  | { at: string; op: "event.delete"; eventId: string }
  | { at: string; op: "message"; message: Record<string, unknown> };

/**
 * A mailbox's demo history as a timeline in the scenario format: every event version and
 * message at the time it happened. Replaying it reproduces the history; seeding only applies
 * the final state of each.
 */
export function demoMailboxTimeline(
  mailbox: DemoMailbox,
  org: Pick<DemoOrganization, "people">,
): GraphSeedOp[] {
  const people: People = (email) => org.people.find((p) => p.email === email);
  const owner = mailbox.owner.email;
  const ops: GraphSeedOp[] = [];
  for (const event of mailbox.events) {
    for (const state of eventStates(event)) ops.push(eventOp(event, state, owner, people));
  }
  for (const message of mailbox.messages)
    ops.push({ at: message.sentAt, op: "message", message: graphMessageFromDemo(message, owner, people) });
  return ops.sort((a, b) => a.at.localeCompare(b.at));
}

function eventOp(event: DemoEvent, state: DemoEventState, owner: string, people: People): GraphSeedOp {
  // A cancelled occurrence of a series is gone from the calendar, as Graph shows it.
  if (event.seriesId && state.isCancelled && state.originalStart) {
    return {
      at: state.modifiedAt,
      op: "event.delete",
      eventId: occurrenceId(event.seriesId, Date.parse(state.originalStart)),
    };
  }
  const json = graphEventFromDemo(state, owner, people);
  if (event.seriesId && state.originalStart)
    json.id = occurrenceId(event.seriesId, Date.parse(state.originalStart));
  return { at: state.modifiedAt, op: "event.upsert", event: json };
}

/** The demo mailboxes seeding creates, the primary demo user first. */
export function demoMailboxes(): string[] {
  return [MORGAN, JORDAN];
}
