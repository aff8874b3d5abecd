import { describe, expect, it } from "vitest";
import { GraphEvent } from "./graph-event.ts";
import { mapGraphEvent } from "./map-event.ts";

const ctx = { userEmails: ["Morgan@Northwind.example", "morgan.avery@northwind.example"] };
const person = (address: string, name?: string) => ({ emailAddress: { address, ...(name ? { name } : {}) } });
const attendee = (address: string, response: string, type = "required", time = "2026-03-10T09:15:00Z") => ({
  type,
  status: { response, time },
  ...person(address),
});

/** A Graph event as calendarView returns it (times in UTC unless a Prefer zone was sent). */
function graphEvent(overrides: Record<string, unknown> = {}) {
  return GraphEvent.parse({
    "@odata.etag": 'W/"DwAAABYAAAA"',
    id: "AAMkAGI2TG93AAA=",
    createdDateTime: "2026-03-01T10:00:00.1234567Z",
    lastModifiedDateTime: "2026-03-09T11:00:00.7654321Z",
    changeKey: "DwAAABYAAAA",
    originalStartTimeZone: "GMT Standard Time",
    originalEndTimeZone: "GMT Standard Time",
    iCalUId: "040000008200E00074C5B7101A82E008000000",
    subject: "Fabrikam renewal review",
    bodyPreview: "never read",
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    type: "singleInstance",
    seriesMasterId: null,
    responseStatus: { response: "organizer", time: "0001-01-01T00:00:00Z" },
    start: { dateTime: "2026-03-12T14:00:00.0000000", timeZone: "UTC" },
    end: { dateTime: "2026-03-12T15:00:00.0000000", timeZone: "UTC" },
    organizer: person("morgan@northwind.example", "Morgan Avery"),
    attendees: [
      attendee("Dana.Kim@fabrikam.example", "accepted"),
      attendee("sam.patel@northwind.example", "notResponded", "required", "0001-01-01T00:00:00Z"),
    ],
    ...overrides,
  });
}

describe("mapGraphEvent", () => {
  it("maps a single meeting the user organizes, with responses and response times", () => {
    const m = mapGraphEvent(graphEvent(), ctx);
    expect(m).toMatchObject({
      provider: "microsoft",
      eventId: "AAMkAGI2TG93AAA=",
      type: "single",
      subject: "Fabrikam renewal review",
      start: "2026-03-12T14:00:00.000Z",
      end: "2026-03-12T15:00:00.000Z",
      timeZone: "Europe/London",
      isOrganizer: true,
      userResponse: "accepted",
      organizer: { email: "morgan@northwind.example", name: "Morgan Avery" },
      version: "DwAAABYAAAA",
      createdAt: "2026-03-01T10:00:00.123Z",
    });
    expect(m.attendees).toEqual([
      {
        email: "dana.kim@fabrikam.example",
        type: "required",
        response: "accepted",
        respondedAt: "2026-03-10T09:15:00.000Z",
      },
      { email: "sam.patel@northwind.example", type: "required", response: "needsAction" },
    ]);
    expect(JSON.stringify(m)).not.toContain("never read");
  });

  it("recognizes the organizer by the user's addresses, case-insensitively", () => {
    const m = mapGraphEvent(
      graphEvent({ isOrganizer: null, organizer: person("MORGAN.AVERY@northwind.example") }),
      ctx,
    );
    expect(m.isOrganizer).toBe(true);
    const other = mapGraphEvent(
      graphEvent({
        isOrganizer: false,
        organizer: person("tom.baker@litware.example"),
        responseStatus: { response: "tentativelyAccepted", time: "2026-03-02T08:00:00Z" },
      }),
      ctx,
    );
    expect(other.isOrganizer).toBe(false);
    expect(other.userResponse).toBe("tentative");
  });

  it("maps an occurrence of a series with its master and original start", () => {
    const m = mapGraphEvent(
      graphEvent({
        type: "occurrence",
        id: "occ-1",
        seriesMasterId: "master-1",
        originalStart: "2026-03-10T10:00:00Z",
      }),
      ctx,
    );
    expect(m).toMatchObject({
      type: "occurrence",
      seriesId: "master-1",
      originalStart: "2026-03-10T10:00:00.000Z",
    });
  });

  it("maps a moved exception: its own start, the original start kept", () => {
    const m = mapGraphEvent(
      graphEvent({
        type: "exception",
        seriesMasterId: "master-1",
        originalStart: "2026-03-10T10:00:00Z",
        start: { dateTime: "2026-03-11T11:00:00.0000000", timeZone: "UTC" },
        end: { dateTime: "2026-03-11T11:30:00.0000000", timeZone: "UTC" },
      }),
      ctx,
    );
    expect(m).toMatchObject({
      type: "exception",
      start: "2026-03-11T11:00:00.000Z",
      originalStart: "2026-03-10T10:00:00.000Z",
    });
  });

  it("keeps a cancelled meeting, marked cancelled", () => {
    const m = mapGraphEvent(
      graphEvent({
        isCancelled: true,
        subject: "Canceled: Litware quarterly check-in",
        isOrganizer: false,
        organizer: person("tom.baker@litware.example"),
      }),
      ctx,
    );
    expect(m.isCancelled).toBe(true);
    expect(m.isOrganizer).toBe(false);
  });

  it("types rooms as resources, by attendee type or by a conference-room location", () => {
    const m = mapGraphEvent(
      graphEvent({
        attendees: [
          attendee("room.thames@northwind.example", "accepted", "resource"),
          attendee("projector@northwind.example", "accepted", "required"),
        ],
        locations: [
          {
            displayName: "Projector",
            locationType: "conferenceRoom",
            locationEmailAddress: "projector@northwind.example",
          },
        ],
      }),
      ctx,
    );
    expect(m.attendees.map((a) => a.type)).toEqual(["resource", "resource"]);
  });

  it("maps an all-day event to midnight-to-midnight in the organizer's zone", () => {
    const m = mapGraphEvent(
      graphEvent({
        isAllDay: true,
        originalStartTimeZone: "Pacific Standard Time",
        start: { dateTime: "2026-07-01T00:00:00.0000000", timeZone: "UTC" },
        end: { dateTime: "2026-07-02T00:00:00.0000000", timeZone: "UTC" },
      }),
      ctx,
    );
    expect(m).toMatchObject({
      isAllDay: true,
      start: "2026-07-01T07:00:00.000Z",
      end: "2026-07-02T07:00:00.000Z",
      timeZone: "America/Los_Angeles",
    });
  });

  it("converts times given in a Windows zone across the spring DST change", () => {
    const before = mapGraphEvent(
      graphEvent({
        start: { dateTime: "2026-03-24T10:00:00.0000000", timeZone: "GMT Standard Time" },
        end: { dateTime: "2026-03-24T10:30:00.0000000", timeZone: "GMT Standard Time" },
      }),
      ctx,
    );
    const after = mapGraphEvent(
      graphEvent({
        start: { dateTime: "2026-03-31T10:00:00.0000000", timeZone: "GMT Standard Time" },
        end: { dateTime: "2026-03-31T10:30:00.0000000", timeZone: "GMT Standard Time" },
      }),
      ctx,
    );
    expect(before.start).toBe("2026-03-24T10:00:00.000Z");
    expect(after.start).toBe("2026-03-31T09:00:00.000Z");
    const iana = mapGraphEvent(
      graphEvent({
        start: { dateTime: "2026-11-02T09:00:00", timeZone: "America/New_York" },
        end: { dateTime: "2026-11-02T10:00:00", timeZone: "America/New_York" },
      }),
      ctx,
    );
    expect(iana.start).toBe("2026-11-02T14:00:00.000Z");
  });
});
