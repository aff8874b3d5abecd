import type { MeetingSnapshot, SyncCursors } from "@rapport/core";
import { buildDemoOrganization, demoShowcase } from "@rapport/demo-data";
import type { CalendarPage, ProviderSession } from "@rapport/providers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type GraphEmulator, startGraphEmulator } from "../src/index.ts";
import { graphEvent, sessionFor } from "./helpers.ts";

const NOW = new Date("2026-03-25T10:00:00Z"); // the UK clocks change on 29 March 2026
const DAY = 86_400_000;
const MORGAN = "morgan@northwind.example";
const window = { start: new Date(NOW.getTime() - 70 * DAY), end: new Date(NOW.getTime() + 30 * DAY) };

let emulator: GraphEmulator;
let session: ProviderSession;

beforeAll(async () => {
  emulator = await startGraphEmulator({ seedDemo: true, clock: () => NOW });
  session = await sessionFor(emulator, MORGAN, () => NOW);
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.admin.setFaults({ throttleNext: 0, unavailableNext: 0, latencyMs: 0 }));

async function round(cursors: SyncCursors, full = false) {
  const pages: CalendarPage[] = [];
  const next = await session.syncCalendar({
    cursors,
    window,
    full,
    onPage: async (page) => void pages.push(page),
  });
  return {
    pages,
    cursors: next,
    upserts: pages.flatMap((p) => p.upserts),
    removed: pages.flatMap((p) => p.removedIds),
  };
}

const londonHour = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { timeZone: "Europe/London", hour: "2-digit", hour12: false });

describe("calendar sync against the Graph emulator", () => {
  it("pages through a full round, expands the series and matches the emulator's truth", async () => {
    const { pages, cursors, upserts } = await round({});
    expect(pages.length).toBeGreaterThan(1);
    expect(cursors.calendarDeltaLink).toContain("$deltatoken=");
    expect(cursors.windowStart).toBe(window.start.toISOString());

    const utc = (value: unknown) => Date.parse(`${(value as { dateTime: string }).dateTime}Z`);
    const truth = emulator.admin
      .listEvents(MORGAN)
      .filter(
        (e) => !e.isAllDay && utc(e.end) > window.start.getTime() && utc(e.start) < window.end.getTime(),
      )
      .map((e) => e.id);
    const allDay = upserts.filter((u) => u.isAllDay).map((u) => u.eventId);
    expect(allDay).toEqual(["m-strategy-offsite"]);
    expect(
      upserts
        .filter((u) => !u.isAllDay)
        .map((u) => u.eventId)
        .sort(),
    ).toEqual([...truth].sort());

    const series = upserts.filter((u: MeetingSnapshot) => u.seriesId === "m-1on1-jordan");
    expect(series.some((u) => u.type === "occurrence")).toBe(true);
    const moved = series.find((u) => u.type === "exception");
    expect(moved?.originalStart).toBeDefined();
    expect(moved?.start).not.toBe(moved?.originalStart);
    // The cancelled occurrence is gone; the rest stay at ten o'clock London time across the DST change.
    const occurrences = series.filter((u) => u.type === "occurrence");
    expect(new Set(occurrences.map((o) => londonHour(o.start)))).toEqual(new Set(["10"]));
    const cancelled = buildDemoOrganization({ now: NOW }).mailboxes[0]?.events.find(
      (e) => e.id === demoShowcase.recurringSeries.cancelledId,
    );
    expect(Date.parse(cancelled?.originalStart ?? "")).toBeGreaterThan(window.start.getTime());
    expect(occurrences.map((o) => Date.parse(o.start))).not.toContain(
      Date.parse(cancelled?.originalStart ?? ""),
    );
  });

  it("returns only what changed in an incremental round, deletions in the window included", async () => {
    const first = await round({});
    emulator.admin.upsertEvent(
      MORGAN,
      "evt-new",
      graphEvent({
        subject: "New",
        start: "2026-03-27T11:00:00Z",
        minutes: 30,
        organizer: MORGAN,
        attendees: ["ana.lopez@contoso.example"],
      }),
    );
    const existing = first.upserts.find((u) => u.eventId === "m-pipeline-review");
    expect(existing).toBeDefined();
    emulator.admin.deleteEvent(MORGAN, "m-pipeline-review");
    const next = await round(first.cursors);
    expect(next.upserts.map((u) => u.eventId)).toEqual(["evt-new"]);
    expect(next.removed).toEqual(["m-pipeline-review"]);
    const quiet = await round(next.cursors);
    expect(quiet.upserts).toEqual([]);
    expect(quiet.removed).toEqual([]);
  });

  it("does not treat @removed items outside the window as deletions, and reads them as they stand", async () => {
    const first = await round({});
    emulator.admin.upsertEvent(
      MORGAN,
      "evt-far",
      graphEvent({ subject: "Far away", start: "2026-09-01T10:00:00Z", minutes: 30, organizer: MORGAN }),
    );
    const raw = await fetch(first.cursors.calendarDeltaLink as string, {
      headers: {
        authorization: `Bearer ${(await (await import("./helpers.ts")).signIn(emulator, MORGAN)).accessToken}`,
      },
    });
    const body = (await raw.json()) as { value: Array<Record<string, unknown>> };
    expect(body.value).toEqual([{ id: "evt-far", "@removed": { reason: "deleted" } }]);
    const next = await round(first.cursors);
    expect(next.removed).toEqual([]);
    expect(next.upserts.map((u) => [u.eventId, u.start])).toEqual([["evt-far", "2026-09-01T10:00:00.000Z"]]);
  });

  it("upserts a meeting moved out of the window with its new time instead of deleting it", async () => {
    const first = await round({});
    const before = first.upserts.find((u) => u.eventId === "m-support-sync");
    expect(before).toBeDefined();
    emulator.admin.upsertEvent(
      MORGAN,
      "m-support-sync",
      graphEvent({
        subject: "Escalations sync",
        start: "2026-06-01T14:30:00Z",
        minutes: 30,
        organizer: "lucas.green@northwind.example",
        attendees: [MORGAN],
      }),
    );
    const next = await round(first.cursors);
    expect(next.removed).toEqual([]);
    expect(next.upserts).toEqual([
      expect.objectContaining({ eventId: "m-support-sync", start: "2026-06-01T14:30:00.000Z" }),
    ]);
  });

  it("starts over when the window moved", async () => {
    const first = await round({});
    const moved = { ...first.cursors, windowStart: new Date(window.start.getTime() - DAY).toISOString() };
    const again = await round(moved);
    expect(again.upserts.length).toBe(first.upserts.length);
  });

  it("reports an expired delta token as cursor_expired", async () => {
    const first = await round({});
    emulator.admin.setFaults({ expireDeltaTokens: true, email: MORGAN });
    await expect(round(first.cursors)).rejects.toMatchObject({ code: "cursor_expired" });
    const full = await round(first.cursors, true);
    expect(full.upserts.length).toBeGreaterThan(0);
  });

  it("reports 429 with Retry-After as rate_limited with the wait in ms", async () => {
    emulator.admin.setFaults({ throttleNext: 1, retryAfterSeconds: 7 });
    await expect(round({})).rejects.toMatchObject({ code: "rate_limited", retryAfterMs: 7000 });
    emulator.admin.setFaults({ unavailableNext: 1, retryAfterSeconds: 2 });
    await expect(round({})).rejects.toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
  });

  it("asks for immutable ids on every call and never runs more than four at once per mailbox", async () => {
    emulator.admin.setFaults({ latencyMs: 15 });
    const before = emulator.admin.requests().length;
    const first = await round({});
    for (let i = 0; i < 8; i++)
      emulator.admin.upsertEvent(
        MORGAN,
        `evt-out-${i}`,
        graphEvent({ subject: "Out", start: "2027-01-01T10:00:00Z", minutes: 30, organizer: MORGAN }),
      );
    await Promise.all([
      round(first.cursors),
      round({}),
      round({}),
      session.syncMail({ cursors: {}, window, full: true, onPage: async () => {} }),
    ]);
    const max = emulator.admin.maxConcurrency(MORGAN);
    expect(max).toBeLessThanOrEqual(4);
    expect(max).toBeGreaterThanOrEqual(2);
    const calls = emulator.admin
      .requests()
      .slice(before)
      .filter((r) => r.mailbox === MORGAN);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.every((r) => r.immutableId)).toBe(true);
  });
});
