import type { AttendeeChange } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { capMeetingHistory, MEETING_HISTORY_CAP, MEETING_ITEM_BUDGET_BYTES } from "../src/meeting-history.ts";
import { aMeeting, at } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("meetings");

function change(n: number, existing = 1): AttendeeChange {
  const existingAttendees = Array.from({ length: existing }, (_, i) => ({
    email: `person${i}@big-org.example`,
    name: `Person Number ${i}`,
    response: "accepted" as const,
  }));
  return { email: `added${n}@client.example`, change: "added", at: at(n), existingAttendees };
}

describe("meetings", () => {
  it("are read back by provider and event id, and deleted", async () => {
    await store.meetings.put(aMeeting("usr_ana", "evt#1", { subject: "Kickoff" }));
    expect((await store.meetings.get("usr_ana", "google", "evt#1"))?.subject).toBe("Kickoff");
    expect(await store.meetings.get("usr_ana", "microsoft", "evt#1")).toBeUndefined();
    await store.meetings.delete("usr_ana", "google", "evt#1");
    expect(await store.meetings.get("usr_ana", "google", "evt#1")).toBeUndefined();
  });

  it("are found by iCalUId, across providers", async () => {
    await store.meetings.put(aMeeting("usr_bo", "g-1", { iCalUId: "ical-42" }));
    await store.meetings.put(aMeeting("usr_bo", "m-1", { iCalUId: "ical-42", provider: "microsoft" }));
    await store.meetings.put(aMeeting("usr_bo", "g-2", { iCalUId: "ical-43" }));
    const found = await store.meetings.getByICalUId("usr_bo", "ical-42");
    expect(found.map((m) => m.eventId).sort()).toEqual(["g-1", "m-1"]);
    expect(await store.meetings.getByICalUId("usr_bo", "ical-none")).toEqual([]);
  });

  it("starting in [from, to) are listed by start time", async () => {
    for (const minutes of [0, 30, 60, 90, 120]) {
      await store.meetings.put(
        aMeeting("usr_cy", `evt-${minutes}`, { start: at(minutes), end: at(minutes + 30) }),
      );
    }
    const page = await store.meetings.listByStart("usr_cy", at(30), at(120));
    expect(page.items.map((m) => m.eventId)).toEqual(["evt-30", "evt-60", "evt-90"]);
    // Bounds in another ISO precision select the same meetings.
    const loose = await store.meetings.listByStart(
      "usr_cy",
      at(30).replace(".000Z", "Z"),
      at(120).replace(".000Z", "Z"),
    );
    expect(loose.items.map((m) => m.eventId)).toEqual(["evt-30", "evt-60", "evt-90"]);
  });

  it("of one series are listed by start, occurrences and exceptions alike", async () => {
    await store.meetings.put(
      aMeeting("usr_di", "occ-2", { seriesId: "ser-1", type: "occurrence", start: at(2000) }),
    );
    await store.meetings.put(
      aMeeting("usr_di", "occ-1", { seriesId: "ser-1", type: "exception", start: at(1000) }),
    );
    await store.meetings.put(aMeeting("usr_di", "other", { seriesId: "ser-2", type: "occurrence" }));
    const series = await store.meetings.listBySeries("usr_di", "ser-1");
    expect(series.map((m) => m.eventId)).toEqual(["occ-1", "occ-2"]);
  });

  it("are all listed for their user, page by page", async () => {
    for (let i = 0; i < 25; i++) await store.meetings.put(aMeeting("usr_ed", `evt-${i}`));
    const pages = await allPages((cursor) => store.meetings.listForUser("usr_ed", { limit: 10, cursor }));
    const ids = pages.flat().map((m) => m.eventId);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(new Set(ids).size).toBe(25);
  });

  it("keep only the newest changes of a long attendee history", async () => {
    const history = Array.from({ length: 250 }, (_, n) => change(n));
    await store.meetings.put(aMeeting("usr_fay", "long", { history }));
    const stored = await store.meetings.get("usr_fay", "google", "long");
    expect(stored?.history).toHaveLength(MEETING_HISTORY_CAP);
    expect(stored?.history[0]?.email).toBe("added50@client.example");
    expect(stored?.history.at(-1)?.email).toBe("added249@client.example");
  });

  it("with a heavy history still fit one item, dropping the oldest changes first", async () => {
    // 150 changes, each naming 60 existing attendees: well over 400 KB uncapped.
    const history = Array.from({ length: 150 }, (_, n) => change(n, 60));
    expect(Buffer.byteLength(JSON.stringify(history))).toBeGreaterThan(400_000);
    await store.meetings.put(aMeeting("usr_fay", "heavy", { history }));
    const stored = await store.meetings.get("usr_fay", "google", "heavy");
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(MEETING_ITEM_BUDGET_BYTES);
    expect(stored?.history.length).toBeLessThan(150);
    expect(stored?.history.at(-1)?.email).toBe("added149@client.example");
  });

  it("with a short history are left untouched by the cap", () => {
    const meeting = aMeeting("usr_fay", "short", { history: [change(1), change(2)] });
    expect(capMeetingHistory(meeting)).toBe(meeting);
  });
});
