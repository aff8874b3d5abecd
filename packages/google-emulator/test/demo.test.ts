import type { MailMessage, MeetingSnapshot } from "@rapport/core";
import { demoShowcase } from "@rapport/demo-data";
import { createGoogleSession } from "@rapport/providers/google/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOOGLE_DEMO_USER, type GoogleEmulator, googleEventId, startGoogleEmulator } from "../src/index.ts";
import { connect, endpointsOf } from "./connect.ts";

const NOW = new Date("2026-03-11T12:00:00Z");
let emulator: GoogleEmulator;
const meetings: MeetingSnapshot[] = [];
const messages: MailMessage[] = [];

beforeAll(async () => {
  emulator = await startGoogleEmulator({ clock: () => new Date(NOW), seedDemo: true });
  const tokens = await connect(emulator, GOOGLE_DEMO_USER.email);
  const session = createGoogleSession({
    endpoints: endpointsOf(emulator),
    getAccessToken: async () => tokens.accessToken,
    userEmails: [GOOGLE_DEMO_USER.email],
    clock: () => NOW,
  });
  const window = {
    start: new Date(NOW.getTime() - 180 * 86_400_000),
    end: new Date(NOW.getTime() + 60 * 86_400_000),
  };
  await session.syncCalendar({
    cursors: {},
    window,
    full: true,
    onPage: async (p) => void meetings.push(...p.upserts),
  });
  await session.syncMail({
    cursors: {},
    window,
    full: true,
    onPage: async (p) => void messages.push(...p.messages),
  });
}, 60_000);
afterAll(() => emulator.stop());

describe("the Google demo mailbox", () => {
  it("is the demo organization's primary mailbox re-homed to the Google user", () => {
    expect(emulator.admin.mailboxes().map((m) => m.email)).toEqual([GOOGLE_DEMO_USER.email]);
    expect(meetings.length).toBeGreaterThan(20);
    expect(messages.length).toBeGreaterThan(10);
    const everyone = JSON.stringify([meetings, messages]);
    expect(everyone).not.toContain(GOOGLE_DEMO_USER.rehomedFrom);
  });

  it("carries the showcase meeting in its latest version, with the added attendee", () => {
    const { eventId, added } = demoShowcase.unannouncedAttendee;
    const meeting = meetings.find((m) => m.eventId === googleEventId(eventId));
    expect(meeting?.attendees.map((a) => a.email)).toContain(added);
  });

  it("expands the weekly 1:1 into occurrences and moves its exception", () => {
    const { eventId } = demoShowcase.recurringSeries;
    const occurrences = meetings.filter((m) => m.seriesId === googleEventId(eventId));
    expect(occurrences.length).toBeGreaterThan(3);
    expect(occurrences.some((m) => m.type === "exception")).toBe(true);
  });

  it("keeps the demo names, non-ASCII ones included, through the mail headers", () => {
    const ana = messages
      .flatMap((m) => [m.from, ...m.to])
      .find((p) => p.email === demoShowcase.reconnect.contact);
    expect(ana?.name).toBe("Ana López");
    expect(messages.some((m) => m.direction === "outbound" && m.from.email === GOOGLE_DEMO_USER.email)).toBe(
      true,
    );
  });
});
