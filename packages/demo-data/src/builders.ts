import { plusMinutes, weekdayName } from "./demo-clock.ts";
import { occurrenceStart } from "./recurrence.ts";
import type { DemoAttendee, DemoAttendeeType, DemoEvent, DemoMessage, DemoResponse } from "./types.ts";

/** An attendee as written in the demo scripts: an address, or [address, response, type]. */
export type AttendeeSpec = string | [string, DemoResponse?, DemoAttendeeType?];

export interface MeetingSpec {
  id: string;
  subject: string;
  start: string;
  minutes: number;
  organizer: string;
  attendees: AttendeeSpec[];
  createdAt?: string;
  timeZone?: string;
}

const HOUR = 60;
const DAY = 24 * HOUR;

function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Small builders shared by the demo mailboxes; `now` keeps every created/response time in the past. */
export function demoBuilders(now: string, defaultZone: string) {
  function attendeesOf(specs: AttendeeSpec[], createdAt: string): DemoAttendee[] {
    const respondedAt = earlier(plusMinutes(createdAt, 3 * HOUR), plusMinutes(now, -HOUR));
    return specs.map((spec) => {
      const [email, response = "accepted", type = "required"] = typeof spec === "string" ? [spec] : spec;
      const attendee: DemoAttendee = { email, type, response };
      if (response !== "needsAction") attendee.respondedAt = respondedAt;
      return attendee;
    });
  }

  function meeting(spec: MeetingSpec): DemoEvent {
    const createdAt =
      spec.createdAt ?? earlier(plusMinutes(spec.start, -7 * DAY), plusMinutes(now, -2 * DAY));
    return {
      id: spec.id,
      subject: spec.subject,
      start: spec.start,
      end: plusMinutes(spec.start, spec.minutes),
      timeZone: spec.timeZone ?? defaultZone,
      organizer: spec.organizer,
      attendees: attendeesOf(spec.attendees, createdAt),
      createdAt,
      isCancelled: false,
    };
  }

  function weeklySeries(spec: MeetingSpec & { count: number }): DemoEvent {
    const master = meeting(spec);
    master.recurrence = {
      frequency: "weekly",
      interval: 1,
      count: spec.count,
      daysOfWeek: [weekdayName(spec.start, master.timeZone)],
    };
    return master;
  }

  /** An occurrence of `master` moved to `start` (same length), edited at `at`. */
  function movedOccurrence(master: DemoEvent, index: number, start: string, at: string): DemoEvent {
    const originalStart = occurrenceStart(master, index);
    const minutes = (Date.parse(master.end) - Date.parse(master.start)) / 60_000;
    const { recurrence: _series, ...single } = master;
    return {
      ...single,
      id: `${master.id}-x${index}`,
      seriesId: master.id,
      originalStart,
      start,
      end: plusMinutes(start, minutes),
      createdAt: at,
    };
  }

  /** An occurrence of `master` cancelled at `at`. */
  function cancelledOccurrence(master: DemoEvent, index: number, at: string): DemoEvent {
    const originalStart = occurrenceStart(master, index);
    const minutes = (Date.parse(master.end) - Date.parse(master.start)) / 60_000;
    const { recurrence: _series, ...single } = master;
    return {
      ...single,
      id: `${master.id}-x${index}`,
      seriesId: master.id,
      originalStart,
      start: originalStart,
      end: plusMinutes(originalStart, minutes),
      createdAt: at,
      isCancelled: true,
    };
  }

  function message(
    id: string,
    threadId: string,
    subject: string,
    from: string,
    to: string[],
    sentAt: string,
    cc: string[] = [],
  ): DemoMessage {
    return { id, threadId, subject, from, to, cc, sentAt };
  }

  /** A thread: each entry is [from, to, sentAt, cc?]; replies get a "Re: " subject. */
  function thread(
    threadId: string,
    subject: string,
    entries: Array<[string, string[], string, string[]?]>,
  ): DemoMessage[] {
    return entries.map(([from, to, sentAt, cc], i) =>
      message(
        `${threadId}-${i + 1}`,
        threadId,
        i === 0 ? subject : `Re: ${subject}`,
        from,
        to,
        sentAt,
        cc ?? [],
      ),
    );
  }

  return { meeting, weeklySeries, movedOccurrence, cancelledOccurrence, message, thread };
}

export type DemoBuilders = ReturnType<typeof demoBuilders>;
