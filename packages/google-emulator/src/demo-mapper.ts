import { createHash } from "node:crypto";
import {
  type DemoEventState,
  type DemoMessage,
  type DemoOrganization,
  type DemoPerson,
  eventStates,
  MORGAN,
} from "@rapport/demo-data";
import { DateTime } from "luxon";
import type { Json } from "./state.ts";

/**
 * The Google demo user. The demo organization's primary mailbox (Morgan's, which the Microsoft
 * emulator serves) is re-homed to Riley: same meetings and mail, with Morgan's address replaced
 * by Riley's everywhere. So every showcase of the demo works on both providers, and the two demo
 * users are different people who never share a store record.
 */
export const GOOGLE_DEMO_USER = {
  email: "riley@northwind.example",
  name: "Riley Shaw",
  rehomedFrom: MORGAN,
} as const;

export type GoogleDemoOp =
  | { at: string; op: "event.upsert"; event: Json }
  | { at: string; op: "message"; message: Json };

/**
 * Pure: the demo organization as the Google user's timeline, in time order and up to `now`:
 * every version of every event as Google Calendar `Event` JSON, every message as a Gmail
 * `Message` in format=metadata.
 */
export function googleDemoTimeline(org: DemoOrganization): {
  user: typeof GOOGLE_DEMO_USER;
  timeZone: string;
  ops: GoogleDemoOp[];
} {
  const source =
    org.mailboxes.find((m) => m.owner.email === GOOGLE_DEMO_USER.rehomedFrom) ?? org.mailboxes[0];
  if (!source) throw new Error("the demo organization has no mailbox");
  const names = new Map(org.people.map((p: DemoPerson) => [p.email, p.name]));
  names.set(GOOGLE_DEMO_USER.email, GOOGLE_DEMO_USER.name);
  const rehome = (email: string) =>
    email.toLowerCase() === GOOGLE_DEMO_USER.rehomedFrom ? GOOGLE_DEMO_USER.email : email;
  const ops: GoogleDemoOp[] = [];
  for (const event of source.events) {
    for (const state of eventStates(event)) {
      ops.push({
        at: state.modifiedAt,
        op: "event.upsert",
        event: toGoogleEvent(state, names, rehome),
      });
    }
  }
  for (const message of source.messages) {
    ops.push({ at: message.sentAt, op: "message", message: toGmailMessage(message, names, rehome) });
  }
  const now = Date.parse(org.now);
  const inOrder = ops
    .filter((o) => Date.parse(o.at) <= now)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { user: GOOGLE_DEMO_USER, timeZone: source.timeZone, ops: inOrder };
}

/** Google event ids use base32hex characters; the demo id is encoded so it stays readable back. */
export function googleEventId(demoId: string): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuv";
  let bits = "";
  for (const byte of Buffer.from(demoId, "utf8")) bits += byte.toString(2).padStart(8, "0");
  let out = "";
  for (let i = 0; i < bits.length; i += 5)
    out += alphabet[Number.parseInt(bits.slice(i, i + 5).padEnd(5, "0"), 2)];
  return out;
}

/** The id Google gives an occurrence of a series: the series id and the original start in UTC. */
export function googleInstanceId(seriesDemoId: string, originalStart: string, allDay = false): string {
  const at = DateTime.fromISO(originalStart, { zone: "UTC" });
  return `${googleEventId(seriesDemoId)}_${at.toFormat(allDay ? "yyyyMMdd" : "yyyyMMdd'T'HHmmss'Z'")}`;
}

function toGoogleEvent(
  state: DemoEventState,
  names: Map<string, string>,
  rehome: (email: string) => string,
): Json {
  const allDay = state.isAllDay === true;
  const when = (iso: string) => {
    const local = DateTime.fromISO(iso, { zone: state.timeZone });
    return allDay
      ? { date: local.toISODate() }
      : { dateTime: local.toISO({ suppressMilliseconds: true }), timeZone: state.timeZone };
  };
  const person = (email: string) => {
    const name = names.get(email);
    return name ? { email, displayName: name } : { email };
  };
  const organizer = rehome(state.organizer);
  const event: Json = {
    id:
      state.seriesId && state.originalStart
        ? googleInstanceId(state.seriesId, state.originalStart, allDay)
        : googleEventId(state.id),
    status: state.isCancelled ? "cancelled" : "confirmed",
    summary: state.subject,
    created: state.createdAt,
    start: when(state.start),
    end: when(state.end),
    organizer: person(organizer),
    creator: person(organizer),
    attendees: [
      { ...person(organizer), organizer: true, responseStatus: "accepted" },
      ...state.attendees.map((a) => ({
        ...person(rehome(a.email)),
        responseStatus: a.response,
        ...(a.type === "optional" ? { optional: true } : {}),
        ...(a.type === "resource" ? { resource: true } : {}),
      })),
    ],
  };
  if (state.recurrence) {
    const days = state.recurrence.daysOfWeek.map((d) => d.slice(0, 2).toUpperCase()).join(",");
    event.recurrence = [
      `RRULE:FREQ=WEEKLY;INTERVAL=${state.recurrence.interval};COUNT=${state.recurrence.count};BYDAY=${days}`,
    ];
  }
  if (state.seriesId && state.originalStart) {
    event.recurringEventId = googleEventId(state.seriesId);
    event.originalStartTime = when(state.originalStart);
  }
  return event;
}

function toGmailMessage(
  message: DemoMessage,
  names: Map<string, string>,
  rehome: (email: string) => string,
): Json {
  const address = (email: string) => {
    const rehomed = rehome(email);
    const name = names.get(rehomed);
    return name ? `${encodeName(name)} <${rehomed}>` : rehomed;
  };
  const from = rehome(message.from);
  const headers = [
    { name: "From", value: address(message.from) },
    { name: "To", value: message.to.map(address).join(", ") },
    ...(message.cc.length > 0 ? [{ name: "Cc", value: message.cc.map(address).join(", ") }] : []),
    { name: "Subject", value: message.subject },
    { name: "Date", value: new Date(message.sentAt).toUTCString().replace("GMT", "+0000") },
    { name: "Message-ID", value: `<${message.id}@northwind.example>` },
  ];
  return {
    id: hexId(message.id),
    threadId: hexId(message.threadId),
    labelIds: from === GOOGLE_DEMO_USER.email ? ["SENT"] : ["INBOX", "CATEGORY_PERSONAL"],
    internalDate: String(Date.parse(message.sentAt)),
    payload: { mimeType: "multipart/alternative", headers },
  };
}

/** Non-ASCII display names travel as RFC 2047 encoded words, as mail clients send them. */
function encodeName(name: string): string {
  if (!/^[\x20-\x7e]*$/.test(name)) return `=?UTF-8?B?${Buffer.from(name, "utf8").toString("base64")}?=`;
  return /[",;<>@()]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : name;
}

/** Gmail ids are 16 hex digits. */
function hexId(demoId: string): string {
  return createHash("sha256").update(demoId).digest("hex").slice(0, 16);
}

/** The mailboxes `seedDemo` creates, demo user first. */
export function demoMailboxes(): string[] {
  return [GOOGLE_DEMO_USER.email];
}
