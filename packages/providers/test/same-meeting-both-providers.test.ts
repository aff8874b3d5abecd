import type { MeetingSnapshot } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { mapGoogleEvent } from "../src/google/map-event.ts";
import { mapGraphEvent } from "../src/microsoft/map-event.ts";

/**
 * One meeting told twice, as each provider's API returns it to the same invitee: Dana (external)
 * invites Riley, an optional colleague and a room, Riley answers tentatively, and the meeting
 * is online. The normalized snapshots must agree on every field analysis reads.
 */
const RILEY = "riley@northwind.example";
const ctx = { userEmails: [RILEY] };

const graphEvent = {
  id: "AAMkAGI2TGuLAAA=",
  iCalUId: "040000008200E00074C5B7101A82E008",
  subject: "Quarterly review",
  type: "singleInstance",
  isAllDay: false,
  isCancelled: false,
  isOrganizer: false,
  isOnlineMeeting: true,
  originalStartTimeZone: "Eastern Standard Time",
  originalEndTimeZone: "Eastern Standard Time",
  start: { dateTime: "2026-02-03T15:00:00.0000000", timeZone: "UTC" },
  end: { dateTime: "2026-02-03T16:00:00.0000000", timeZone: "UTC" },
  createdDateTime: "2026-01-10T09:00:00.1234567Z",
  lastModifiedDateTime: "2026-01-12T10:30:00.7654321Z",
  changeKey: "DwAAABYAAAB",
  responseStatus: { response: "tentativelyAccepted", time: "2026-01-11T08:00:00Z" },
  organizer: { emailAddress: { name: "Dana Park", address: "Dana@Contoso.example" } },
  attendees: [
    {
      type: "required",
      status: { response: "tentativelyAccepted", time: "2026-01-11T08:00:00Z" },
      emailAddress: { name: "Riley Shaw", address: RILEY },
    },
    {
      type: "optional",
      status: { response: "none", time: "0001-01-01T00:00:00Z" },
      emailAddress: { name: "Sam Patel", address: "sam@contoso.example" },
    },
    {
      type: "resource",
      status: { response: "accepted", time: "2026-01-10T09:01:00Z" },
      emailAddress: { name: "Room 1", address: "room1@contoso.example" },
    },
  ],
};

const googleEvent = {
  kind: "calendar#event",
  etag: '"3400000000000000"',
  id: "qr2026feb03",
  status: "confirmed",
  summary: "Quarterly review",
  iCalUID: "qr2026feb03@google.com",
  created: "2026-01-10T09:00:00.123Z",
  updated: "2026-01-12T10:30:00.765Z",
  hangoutLink: "https://meet.example/abc-defg-hij",
  organizer: { email: "dana@contoso.example", displayName: "Dana Park" },
  start: { dateTime: "2026-02-03T10:00:00-05:00", timeZone: "America/New_York" },
  end: { dateTime: "2026-02-03T11:00:00-05:00", timeZone: "America/New_York" },
  attendees: [
    { email: "dana@contoso.example", displayName: "Dana Park", organizer: true, responseStatus: "accepted" },
    { email: RILEY, displayName: "Riley Shaw", self: true, responseStatus: "tentative" },
    { email: "sam@contoso.example", displayName: "Sam Patel", optional: true, responseStatus: "needsAction" },
    { email: "room1@contoso.example", displayName: "Room 1", resource: true, responseStatus: "accepted" },
  ],
};

/** The fields that mean the same thing on both providers (ids, versions and response times differ by nature). */
function comparable(m: MeetingSnapshot) {
  return {
    subject: m.subject,
    type: m.type,
    start: m.start,
    end: m.end,
    timeZone: m.timeZone,
    isAllDay: m.isAllDay,
    isCancelled: m.isCancelled,
    isOnline: m.isOnline,
    organizer: m.organizer,
    isOrganizer: m.isOrganizer,
    userResponse: m.userResponse,
    attendees: m.attendees
      .map(({ email, name, type, response }) => ({ email, name, type, response }))
      .sort((a, b) => a.email.localeCompare(b.email)),
  };
}

function fromGoogle(raw: unknown, calendarTimeZone?: string): MeetingSnapshot {
  const change = mapGoogleEvent(raw, calendarTimeZone ? { ...ctx, calendarTimeZone } : ctx);
  if (change.kind !== "upsert") throw new Error(`expected an upsert, got ${change.kind}`);
  return change.meeting;
}

describe("the same meeting from Microsoft Graph and from Google Calendar", () => {
  it("normalizes to the same snapshot fields", () => {
    const graph = mapGraphEvent(graphEvent as never, ctx);
    const google = fromGoogle(googleEvent);
    expect(comparable(google)).toEqual(comparable(graph));
    expect(comparable(google).attendees).toHaveLength(3);
  });

  it("agrees after an attendee is added in a later version", () => {
    const added = { email: "ana@client.example", name: "Ana Silva" };
    const graph = mapGraphEvent(
      {
        ...graphEvent,
        attendees: [
          ...graphEvent.attendees,
          {
            type: "required",
            status: { response: "none" },
            emailAddress: { name: added.name, address: added.email },
          },
        ],
      } as never,
      ctx,
    );
    const google = fromGoogle({
      ...googleEvent,
      attendees: [
        ...googleEvent.attendees,
        { email: added.email, displayName: added.name, responseStatus: "needsAction" },
      ],
    });
    expect(comparable(google)).toEqual(comparable(graph));
    expect(google.attendees.map((a) => a.email)).toContain(added.email);
  });

  it("reads an all-day event as the same local day", () => {
    const graph = mapGraphEvent(
      {
        ...graphEvent,
        isAllDay: true,
        originalStartTimeZone: "GMT Standard Time",
        originalEndTimeZone: "GMT Standard Time",
        start: { dateTime: "2026-07-02T00:00:00.0000000", timeZone: "UTC" },
        end: { dateTime: "2026-07-03T00:00:00.0000000", timeZone: "UTC" },
      } as never,
      ctx,
    );
    const { start: _s, end: _e, ...rest } = googleEvent;
    const google = fromGoogle(
      { ...rest, start: { date: "2026-07-02" }, end: { date: "2026-07-03" } },
      "Europe/London",
    );
    expect([google.isAllDay, google.start, google.end]).toEqual([graph.isAllDay, graph.start, graph.end]);
  });

  it("agrees on a moved occurrence of a series", () => {
    const graph = mapGraphEvent(
      {
        ...graphEvent,
        type: "exception",
        seriesMasterId: "AAMkSeries=",
        originalStart: "2026-02-03T15:00:00Z",
        start: { dateTime: "2026-02-03T17:00:00.0000000", timeZone: "UTC" },
        end: { dateTime: "2026-02-03T18:00:00.0000000", timeZone: "UTC" },
      } as never,
      ctx,
    );
    const google = fromGoogle({
      ...googleEvent,
      id: "series9_20260203T150000Z",
      recurringEventId: "series9",
      originalStartTime: { dateTime: "2026-02-03T10:00:00-05:00", timeZone: "America/New_York" },
      start: { dateTime: "2026-02-03T12:00:00-05:00", timeZone: "America/New_York" },
      end: { dateTime: "2026-02-03T13:00:00-05:00", timeZone: "America/New_York" },
    });
    expect(comparable(google)).toEqual(comparable(graph));
    expect(google.originalStart).toBe(graph.originalStart);
  });
});
