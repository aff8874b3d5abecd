import { describe, expect, it } from "vitest";
import {
  buildDemoOrganization,
  currentEventState,
  type DemoMailbox,
  demoContactSettings,
  demoPeople,
  demoShowcase,
  eventStates,
  seriesOccurrenceStarts,
} from "../src/index.ts";

const now = new Date("2026-03-25T10:00:00Z"); // a Wednesday, days before the UK clock change
const org = buildDemoOrganization({ now });
const [morgan, jordanMailbox] = org.mailboxes as [DemoMailbox, DemoMailbox];
const DAY = 86_400_000;

function eventById(id: string) {
  const event = morgan.events.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id}`);
  return event;
}

describe("demo organization", () => {
  it("is deterministic for a given now", () => {
    expect(buildDemoOrganization({ now })).toEqual(org);
  });

  it("has about forty contacts in six organizations besides the user", () => {
    const contacts = demoPeople.filter((p) => !p.isResource && p.email !== demoShowcase.user);
    expect(contacts.length).toBe(40);
    expect(new Set(contacts.map((p) => p.email.split("@")[1])).size).toBe(6);
  });

  it("keeps every created and response time in the past and every address a demo person", () => {
    const known = new Set(demoPeople.map((p) => p.email));
    for (const mailbox of org.mailboxes) {
      for (const event of mailbox.events) {
        for (const state of eventStates(event)) {
          expect(Date.parse(state.modifiedAt)).toBeLessThanOrEqual(now.getTime());
          expect(known.has(state.organizer)).toBe(true);
          for (const a of state.attendees) {
            expect(known.has(a.email)).toBe(true);
            if (a.respondedAt) expect(Date.parse(a.respondedAt)).toBeLessThanOrEqual(now.getTime());
          }
        }
      }
      for (const m of mailbox.messages) {
        expect(Date.parse(m.sentAt)).toBeLessThanOrEqual(now.getTime());
        for (const address of [m.from, ...m.to, ...m.cc]) expect(known.has(address)).toBe(true);
      }
    }
  });

  it("adds a colleague to the showcase meeting after the client accepted, and no mail follows", () => {
    const event = eventById(demoShowcase.unannouncedAttendee.eventId);
    const states = eventStates(event);
    const last = currentEventState(event);
    const added = last.attendees.find((a) => a.email === demoShowcase.unannouncedAttendee.added);
    expect(added).toBeDefined();
    const addedAt = Date.parse(states.at(-1)?.modifiedAt ?? "");
    const dana = last.attendees.find((a) => a.email === "dana.kim@fabrikam.example");
    expect(Date.parse(dana?.respondedAt ?? "")).toBeLessThan(addedAt);
    expect(Date.parse(last.start)).toBeGreaterThan(now.getTime());
    expect(Date.parse(last.start) - now.getTime()).toBeLessThan(7 * DAY);
    const toDana = morgan.messages.filter(
      (m) => m.to.includes("dana.kim@fabrikam.example") && Date.parse(m.sentAt) > addedAt,
    );
    expect(toDana).toEqual([]);
  });

  it("has not met or written to the key client for about seven weeks", () => {
    const ana = demoShowcase.reconnect.contact;
    const met = morgan.events
      .filter((e) => e.organizer === ana || e.attendees.some((a) => a.email === ana))
      .map((e) => Date.parse(e.start));
    expect(now.getTime() - Math.max(...met)).toBeGreaterThan(45 * DAY);
    const mailed = morgan.messages
      .filter((m) => m.from === ana || m.to.includes(ana))
      .map((m) => Date.parse(m.sentAt));
    expect(now.getTime() - Math.max(...mailed)).toBeGreaterThan(45 * DAY);
    expect(demoContactSettings.some((s) => s.email === ana && s.key && s.level === "trusted")).toBe(true);
  });

  it("leaves the last inbound messages from David unanswered", () => {
    const david = demoShowcase.unansweredMail.contact;
    const withDavid = morgan.messages
      .filter((m) => m.from === david || m.to.includes(david))
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    const lastThree = withDavid.slice(-3);
    expect(lastThree.every((m) => m.from === david)).toBe(true);
  });

  it("has Morgan organizing the last six meetings with Raj", () => {
    const raj = demoShowcase.reciprocity.contact;
    const withRaj = morgan.events
      .filter((e) => e.organizer === raj || e.attendees.some((a) => a.email === raj))
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(withRaj.slice(-6).every((e) => e.organizer === demoShowcase.user)).toBe(true);
    expect(withRaj.length).toBeGreaterThan(6);
  });

  it("keeps the weekly one-on-one at ten o'clock London time across the clock change", () => {
    const master = eventById(demoShowcase.recurringSeries.eventId);
    const starts = seriesOccurrenceStarts(master);
    expect(starts.length).toBe(30);
    const hours = new Set(
      starts.map((s) =>
        new Date(s).toLocaleString("en-GB", { timeZone: "Europe/London", hour: "2-digit", hour12: false }),
      ),
    );
    expect([...hours]).toEqual(["10"]);
    const moved = eventById(demoShowcase.recurringSeries.movedId);
    expect(moved.seriesId).toBe(master.id);
    expect(moved.originalStart).toBe(starts[20]);
    expect(moved.start).not.toBe(moved.originalStart);
    expect(eventById(demoShowcase.recurringSeries.cancelledId).isCancelled).toBe(true);
  });

  it("includes a room, a cancelled meeting, an all-day event and an all-hands of more than fifteen", () => {
    expect(eventById(demoShowcase.roomMeeting.eventId).attendees.some((a) => a.type === "resource")).toBe(
      true,
    );
    expect(currentEventState(eventById(demoShowcase.cancelledMeeting.eventId)).isCancelled).toBe(true);
    expect(eventById(demoShowcase.allDay.eventId).isAllDay).toBe(true);
    const allHands = morgan.events.filter((e) => e.id.startsWith(demoShowcase.allHandsPrefix));
    expect(allHands.every((e) => e.attendees.length > 15)).toBe(true);
  });

  it("never meets the target contact and gives the second user a mailbox of their own", () => {
    const target = demoShowcase.targetOutreach.contact;
    expect(
      morgan.events.some((e) => e.organizer === target || e.attendees.some((a) => a.email === target)),
    ).toBe(false);
    const jordan = jordanMailbox;
    expect(jordan.owner.email).toBe(demoShowcase.secondUser);
    expect(jordan.events.length).toBeGreaterThan(3);
    expect(jordan.messages.length).toBeGreaterThan(3);
  });
});
