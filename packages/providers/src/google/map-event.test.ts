import { describe, expect, it } from "vitest";
import { mapGoogleEvent } from "./map-event.ts";

const ctx = { userEmails: ["riley@northwind.example"] };

/** An event as `events.list` documents it, seen from Riley's calendar. */
function event(overrides: Record<string, unknown> = {}) {
  return {
    kind: "calendar#event",
    etag: '"3400000000000000"',
    id: "evt123",
    status: "confirmed",
    summary: "Quarterly review",
    created: "2026-01-10T09:00:00.000Z",
    updated: "2026-01-12T10:30:00.000Z",
    iCalUID: "evt123@google.com",
    organizer: { email: "dana@contoso.example", displayName: "Dana Park" },
    creator: { email: "dana@contoso.example" },
    start: { dateTime: "2026-02-03T10:00:00-05:00", timeZone: "America/New_York" },
    end: { dateTime: "2026-02-03T11:00:00-05:00", timeZone: "America/New_York" },
    attendees: [
      {
        email: "dana@contoso.example",
        displayName: "Dana Park",
        organizer: true,
        responseStatus: "accepted",
      },
      { email: "riley@northwind.example", self: true, responseStatus: "tentative" },
      { email: "sam@contoso.example", optional: true, responseStatus: "needsAction" },
      {
        email: "c_room1@resource.calendar.google.com",
        displayName: "Room 1",
        resource: true,
        responseStatus: "accepted",
      },
    ],
    ...overrides,
  };
}

function upsert(raw: unknown) {
  const change = mapGoogleEvent(raw, ctx);
  if (change.kind !== "upsert") throw new Error(`expected upsert, got ${change.kind}`);
  return change.meeting;
}

describe("mapGoogleEvent", () => {
  it("a cancelled event carrying only its id is a removal keyed on that id", () => {
    expect(mapGoogleEvent({ id: "gone1", status: "cancelled" }, ctx)).toEqual({
      kind: "removed",
      eventId: "gone1",
    });
  });

  it("a cancelled occurrence with recurringEventId and originalStartTime is removed by its own id", () => {
    const change = mapGoogleEvent(
      {
        id: "series9_20260210T150000Z",
        status: "cancelled",
        recurringEventId: "series9",
        originalStartTime: { dateTime: "2026-02-10T15:00:00Z" },
      },
      ctx,
    );
    expect(change).toEqual({ kind: "removed", eventId: "series9_20260210T150000Z" });
  });

  it("converts times to UTC, keeps ids, subject, version and timestamps", () => {
    const meeting = upsert(event());
    expect(meeting).toMatchObject({
      provider: "google",
      eventId: "evt123",
      iCalUId: "evt123@google.com",
      subject: "Quarterly review",
      start: "2026-02-03T15:00:00.000Z",
      end: "2026-02-03T16:00:00.000Z",
      timeZone: "America/New_York",
      type: "single",
      isAllDay: false,
      isCancelled: false,
      version: '"3400000000000000"',
      createdAt: "2026-01-10T09:00:00.000Z",
      lastModifiedAt: "2026-01-12T10:30:00.000Z",
    });
  });

  it("keeps the organizer apart, types attendees and reads the user's own response", () => {
    const meeting = upsert(event());
    expect(meeting.organizer).toEqual({ email: "dana@contoso.example", name: "Dana Park" });
    expect(meeting.isOrganizer).toBe(false);
    expect(meeting.userResponse).toBe("tentative");
    expect(meeting.attendees).toEqual([
      { email: "riley@northwind.example", type: "required", response: "tentative" },
      { email: "sam@contoso.example", type: "optional", response: "needsAction" },
      {
        email: "c_room1@resource.calendar.google.com",
        name: "Room 1",
        type: "resource",
        response: "accepted",
      },
    ]);
  });

  it("recognizes the user as organizer from organizer.self", () => {
    const meeting = upsert(
      event({ organizer: { email: "riley@northwind.example", self: true }, attendees: [] }),
    );
    expect(meeting.isOrganizer).toBe(true);
    expect(meeting.attendees).toEqual([]);
  });

  it("an instance moved from its original start is an exception of its series", () => {
    const meeting = upsert(
      event({
        id: "series9_20260210T150000Z",
        recurringEventId: "series9",
        originalStartTime: { dateTime: "2026-02-10T10:00:00-05:00", timeZone: "America/New_York" },
        start: { dateTime: "2026-02-10T14:00:00-05:00", timeZone: "America/New_York" },
        end: { dateTime: "2026-02-10T15:00:00-05:00", timeZone: "America/New_York" },
      }),
    );
    expect(meeting).toMatchObject({
      type: "exception",
      seriesId: "series9",
      originalStart: "2026-02-10T15:00:00.000Z",
      start: "2026-02-10T19:00:00.000Z",
    });
  });

  it("an instance at its original start is a plain occurrence", () => {
    const meeting = upsert(
      event({
        recurringEventId: "series9",
        originalStartTime: { dateTime: "2026-02-03T10:00:00-05:00", timeZone: "America/New_York" },
      }),
    );
    expect(meeting.type).toBe("occurrence");
  });

  it("an all-day event is a floating date at midnight UTC", () => {
    const meeting = upsert(event({ start: { date: "2026-03-02" }, end: { date: "2026-03-03" } }));
    expect(meeting).toMatchObject({
      isAllDay: true,
      start: "2026-03-02T00:00:00.000Z",
      end: "2026-03-03T00:00:00.000Z",
    });
  });

  it("the same local hour before and after a DST change maps to different UTC instants", () => {
    const before = upsert(
      event({
        start: { dateTime: "2026-03-27T09:00:00+01:00", timeZone: "Europe/Berlin" },
        end: { dateTime: "2026-03-27T10:00:00+01:00", timeZone: "Europe/Berlin" },
      }),
    );
    const after = upsert(
      event({
        start: { dateTime: "2026-03-30T09:00:00+02:00", timeZone: "Europe/Berlin" },
        end: { dateTime: "2026-03-30T10:00:00+02:00", timeZone: "Europe/Berlin" },
      }),
    );
    expect(before.start).toBe("2026-03-27T08:00:00.000Z");
    expect(after.start).toBe("2026-03-30T07:00:00.000Z");
  });

  it("a meeting with a Meet link is online", () => {
    expect(upsert(event({ hangoutLink: "https://meet.example/abc" })).isOnline).toBe(true);
    expect(upsert(event()).isOnline).toBe(false);
  });

  it("skips input that is not an event, with a reason", () => {
    const change = mapGoogleEvent({ summary: "no id" }, ctx);
    expect(change.kind).toBe("skipped");
    const noTimes = mapGoogleEvent(
      { id: "x", status: "confirmed", organizer: { email: "a@b.example" } },
      ctx,
    );
    expect(noTimes).toMatchObject({ kind: "skipped", eventId: "x" });
  });
});
