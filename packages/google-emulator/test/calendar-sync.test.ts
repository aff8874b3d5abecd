import type { MeetingSnapshot } from "@rapport/core";
import type { CalendarPage, ProviderSession } from "@rapport/providers/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoogleEmulator } from "../src/index.ts";
import { connect, emulatorWith, sessionFor } from "./connect.ts";

const EMAIL = "riley@northwind.example";
const NOW = new Date("2026-02-02T09:00:00Z");
const window = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") };
let emulator: GoogleEmulator;
let session: ProviderSession;

function meeting(id: string, day: number, attendees: string[] = ["ana@client.example"]) {
  const date = `2026-02-${String(day).padStart(2, "0")}`;
  return {
    id,
    summary: `Meeting ${id}`,
    organizer: { email: EMAIL },
    start: { dateTime: `${date}T10:00:00+01:00`, timeZone: "Europe/Berlin" },
    end: { dateTime: `${date}T11:00:00+01:00`, timeZone: "Europe/Berlin" },
    attendees: [
      { email: EMAIL, organizer: true, responseStatus: "accepted" },
      ...attendees.map((email) => ({ email })),
    ],
  };
}

async function collect(cursors: Record<string, string>, full: boolean) {
  const pages: CalendarPage[] = [];
  const next = await session.syncCalendar({
    cursors,
    window,
    full,
    onPage: async (page) => {
      pages.push(page);
    },
  });
  return {
    pages,
    next,
    upserts: pages.flatMap((p) => p.upserts),
    removed: pages.flatMap((p) => p.removedIds),
  };
}

beforeAll(async () => {
  emulator = await emulatorWith(EMAIL, NOW);
  for (let i = 1; i <= 23; i++) emulator.admin.upsertEvent(EMAIL, meeting(`m${i}`, i));
  emulator.admin.upsertEvent(EMAIL, {
    id: "weekly1",
    summary: "Weekly sync",
    organizer: { email: "dana@contoso.example" },
    start: { dateTime: "2026-03-23T09:00:00+01:00", timeZone: "Europe/Berlin" },
    end: { dateTime: "2026-03-23T09:30:00+01:00", timeZone: "Europe/Berlin" },
    recurrence: ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3"],
    attendees: [
      { email: "dana@contoso.example", organizer: true },
      { email: EMAIL, responseStatus: "accepted" },
    ],
  });
  session = await sessionFor(emulator, EMAIL, () => NOW);
});
afterAll(() => emulator.stop());

describe("Google Calendar sync against the emulator", () => {
  it("a full round pages through the window, expands series and returns a sync token only at the end", async () => {
    const { pages, next, upserts } = await collect({}, true);
    expect(pages.length).toBeGreaterThan(2);
    expect(next.calendarSyncToken).toBeTruthy();
    expect(next.windowStart).toBe(window.start.toISOString());
    expect(new Set(upserts.map((m) => m.eventId)).size).toBe(23 + 2); // the third weekly lies past the window
    const weekly = upserts.filter((m) => m.seriesId === "weekly1").map((m) => m.start);
    // 09:00 Berlin is 08:00 UTC before the DST change of 29 March and 07:00 UTC after it.
    expect(weekly).toEqual(["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
    expect(upserts.find((m) => m.eventId === "m1")?.attendees.map((a) => a.email)).toEqual([
      "ana@client.example",
    ]);
  });

  it("an incremental round brings only what changed, cancellations as removals", async () => {
    const first = await collect({}, true);
    emulator.admin.upsertEvent(EMAIL, meeting("m2", 2, ["ana@client.example", "sam@contoso.example"]));
    emulator.admin.deleteEvent(EMAIL, "m3");
    const second = await collect(first.next, false);
    expect(second.upserts.map((m: MeetingSnapshot) => m.eventId)).toEqual(["m2"]);
    expect(second.upserts[0]?.attendees.map((a) => a.email)).toContain("sam@contoso.example");
    expect(second.removed).toEqual(["m3"]);
    expect(second.next.calendarSyncToken).not.toBe(first.next.calendarSyncToken);
    const third = await collect(second.next, false);
    expect(third.upserts).toEqual([]);
    expect(third.removed).toEqual([]);
  });

  it("an expired sync token is cursor_expired, and a full round recovers", async () => {
    const first = await collect({}, true);
    emulator.admin.setFaults({ expireSyncTokens: true });
    await expect(collect(first.next, false)).rejects.toMatchObject({ code: "cursor_expired" });
    const again = await collect({}, true);
    await expect(collect(again.next, false)).resolves.toBeTruthy();
  });

  it("rate limiting by 429 and by 403 rateLimitExceeded both surface as rate_limited", async () => {
    emulator.admin.setFaults({ rateLimitNext: 2 });
    const first = await collect({}, true).catch((e: unknown) => e);
    const second = await collect({}, true).catch((e: unknown) => e);
    for (const error of [first, second]) {
      expect(error).toMatchObject({ code: "rate_limited" });
      expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    }
    await expect(collect({}, true)).resolves.toBeTruthy();
  });

  it("the emulator refuses a sync token combined with timeMin, as Google does", async () => {
    const { next } = await collect({}, true);
    const tokens = await connect(emulator, EMAIL);
    const url = new URL(`${emulator.rootUrl}calendar/v3/calendars/primary/events`);
    url.searchParams.set("syncToken", next.calendarSyncToken ?? "");
    url.searchParams.set("timeMin", window.start.toISOString());
    const response = await fetch(url, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(response.status).toBe(400);
  });

  it("the admin view of events is the stored truth, cancelled events included", () => {
    const events = emulator.admin.events(EMAIL);
    expect(events.find((e) => e.id === "m3")?.status).toBe("cancelled");
    expect(events.find((e) => e.id === "m1")?.etag).toBeTruthy();
  });
});
