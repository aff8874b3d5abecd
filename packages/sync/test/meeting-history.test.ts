import type { Attendee, MeetingSnapshot } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { mergeMeetingSnapshot } from "../src/meeting-history.ts";

const person = (email: string, response: Attendee["response"] = "needsAction", respondedAt?: string): Attendee => ({
  email,
  type: "required",
  response,
  respondedAt,
});

function snapshot(attendees: Attendee[], lastModifiedAt: string): MeetingSnapshot {
  return {
    provider: "google",
    eventId: "evt1",
    type: "single",
    start: "2026-03-10T10:00:00.000Z",
    end: "2026-03-10T11:00:00.000Z",
    isAllDay: false,
    isCancelled: false,
    organizer: { email: "morgan@northwind.example" },
    isOrganizer: true,
    attendees,
    createdAt: "2026-03-01T09:00:00.000Z",
    lastModifiedAt,
  };
}

const ctx = { userId: "usr_1", seenAt: "2026-03-01T09:00:05.000Z" };

describe("attendee history", () => {
  it("a first sighting records no changes and dates everyone from creation", () => {
    const m = mergeMeetingSnapshot(undefined, snapshot([person("ana@contoso.example")], "2026-03-01T09:00:00.000Z"), ctx);
    expect(m.history).toEqual([]);
    expect(m.attendeeFirstSeen["ana@contoso.example"]).toBe("2026-03-01T09:00:00.000Z");
  });

  it("an addition is recorded with its time and the attendees already there, with their responses then", () => {
    const v1 = mergeMeetingSnapshot(undefined, snapshot([person("ana@contoso.example")], "2026-03-01T09:00:00.000Z"), ctx);
    const v2 = mergeMeetingSnapshot(v1, snapshot([person("ana@contoso.example", "accepted")], "2026-03-02T08:00:00.000Z"), ctx);
    const v3 = mergeMeetingSnapshot(
      v2,
      snapshot([person("ana@contoso.example", "accepted"), person("Sam@Northwind.example")], "2026-03-04T12:00:00.000Z"),
      ctx,
    );
    expect(v3.history).toHaveLength(1);
    expect(v3.history[0]).toMatchObject({
      email: "Sam@Northwind.example",
      change: "added",
      at: "2026-03-04T12:00:00.000Z",
      existingAttendees: [{ email: "ana@contoso.example", response: "accepted" }],
    });
    expect(v3.attendeeFirstSeen["sam@northwind.example"]).toBe("2026-03-04T12:00:00.000Z");
  });

  it("a response seen for the first time is dated by the version that showed it", () => {
    const v1 = mergeMeetingSnapshot(undefined, snapshot([person("ana@contoso.example")], "2026-03-01T09:00:00.000Z"), ctx);
    const v2 = mergeMeetingSnapshot(v1, snapshot([person("ana@contoso.example", "accepted")], "2026-03-02T08:00:00.000Z"), ctx);
    expect(v2.attendees[0]?.respondedAt).toBe("2026-03-02T08:00:00.000Z");
    const v3 = mergeMeetingSnapshot(v2, snapshot([person("ana@contoso.example", "accepted")], "2026-03-03T08:00:00.000Z"), ctx);
    expect(v3.attendees[0]?.respondedAt).toBe("2026-03-02T08:00:00.000Z");
  });

  it("a removal is recorded, and a re-addition gets a new first-seen time", () => {
    const base = [person("ana@contoso.example"), person("sam@northwind.example")];
    const v1 = mergeMeetingSnapshot(undefined, snapshot(base, "2026-03-01T09:00:00.000Z"), ctx);
    const v2 = mergeMeetingSnapshot(v1, snapshot([person("ana@contoso.example")], "2026-03-02T09:00:00.000Z"), ctx);
    const v3 = mergeMeetingSnapshot(v2, snapshot(base, "2026-03-05T09:00:00.000Z"), ctx);
    expect(v3.history.map((h) => `${h.change}:${h.email}`)).toEqual([
      "removed:sam@northwind.example",
      "added:sam@northwind.example",
    ]);
    expect(v3.attendeeFirstSeen["sam@northwind.example"]).toBe("2026-03-05T09:00:00.000Z");
  });

  it("an older version arriving after a newer one changes nothing", () => {
    const v1 = mergeMeetingSnapshot(undefined, snapshot([person("ana@contoso.example")], "2026-03-03T09:00:00.000Z"), ctx);
    const stale = mergeMeetingSnapshot(v1, snapshot([], "2026-03-02T09:00:00.000Z"), ctx);
    expect(stale).toBe(v1);
  });
});
