import type { Store } from "@rapport/store";
import { beforeEach, describe, expect, it } from "vitest";
import { runBriefings } from "../src/index.ts";
import {
  aContact,
  aMeeting,
  aSuggestion,
  aUser,
  daysBefore,
  MORGAN,
  minutesAfter,
  putAll,
} from "./fixture.ts";
import { freshStore, links, recordingSender } from "./harness.ts";

// Tuesday 24 November 2026, 13:00 in London (GMT).
const NOW = new Date("2026-11-24T13:00:00.000Z");
const U = "usr_morgan";
const ANA = "ana.lopez@contoso.example";
const MEI = "mei.tanaka@contoso.example";

let store: Store;

async function seed(userSettings: Parameters<typeof aUser>[1] = {}) {
  store = await freshStore("briefing");
  await store.users.create(aUser(U, userSettings));
  const review = aMeeting(U, "evt-review", {
    subject: "Contoso quarterly review",
    start: minutesAfter(NOW, 45),
    end: minutesAfter(NOW, 105),
    attendees: [
      { email: MORGAN, type: "required", response: "accepted" },
      { email: ANA, name: "Ana López", type: "required", response: "accepted" },
      { email: "carlos.ruiz@contoso.example", name: "Carlos Ruiz", type: "optional", response: "tentative" },
      { email: MEI, name: "Mei Tanaka", type: "required", response: "needsAction" },
      { email: "room.thames@northwind.example", name: "Thames Room", type: "resource", response: "accepted" },
    ],
  });
  const internal = aMeeting(U, "evt-team", {
    subject: "Team sync",
    start: minutesAfter(NOW, 30),
    end: minutesAfter(NOW, 60),
    attendees: [{ email: "sam.patel@northwind.example", type: "required", response: "accepted" }],
  });
  const cancelled = aMeeting(U, "evt-cancelled", {
    subject: "Fabrikam call",
    start: minutesAfter(NOW, 20),
    end: minutesAfter(NOW, 50),
    isCancelled: true,
    attendees: [{ email: "dana.kim@fabrikam.example", type: "required", response: "accepted" }],
  });
  const later = aMeeting(U, "evt-later", {
    subject: "Adatum intro",
    start: minutesAfter(NOW, 120),
    end: minutesAfter(NOW, 150),
    attendees: [{ email: "helen.park@adatum.example", type: "required", response: "accepted" }],
  });
  await putAll(store, {
    meetings: [review, internal, cancelled, later],
    contacts: [
      aContact(U, ANA, "Ana López", {
        overrides: { level: "trusted", key: true },
        inferredLevel: "trusted",
        stats: {
          lastMetAt: daysBefore(NOW, 42),
          lastMailInAt: daysBefore(NOW, 5),
          meetingsHeld: 14,
          mailIn: 23,
          mailOut: 19,
          unansweredInbound: 2,
        },
      }),
      aContact(U, "carlos.ruiz@contoso.example", "Carlos Ruiz", {
        stats: { lastMetAt: daysBefore(NOW, 55), meetingsHeld: 5 },
      }),
    ],
    suggestions: [
      aSuggestion(U, {
        kind: "unannounced_attendee",
        title: "Let Ana know Mei is joining",
        explanation: "Mei was added after Ana accepted.",
        severity: "high",
        score: 90,
        contactEmail: MEI,
        meeting: { provider: "microsoft", eventId: "evt-review" },
        actions: [{ type: "draft_email", label: "Draft a note to Ana", to: [ANA], subject: "Mei joining" }],
      }),
      aSuggestion(U, {
        kind: "first_meeting",
        title: "First meeting with Mei",
        score: 40,
        contactEmail: MEI,
        meeting: { provider: "microsoft", eventId: "evt-review" },
      }),
      {
        ...aSuggestion(U, {
          kind: "reconnect",
          title: "Dismissed one",
          contactEmail: ANA,
          meeting: { provider: "microsoft", eventId: "evt-review" },
        }),
        state: "dismissed",
      },
    ],
  });
}

describe("pre-meeting briefings", () => {
  beforeEach(async () => seed());

  it("brief the meeting with guests starting within the lead time, naming people and suggestions", async () => {
    const { sender, sent } = recordingSender();
    const summary = await runBriefings({ store, sender, now: NOW, links });
    expect(summary).toMatchObject({ sent: 1, failed: [] });
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail?.to).toBe(MORGAN);
    expect(mail?.kind).toBe("briefing");
    expect(mail?.subject).toBe("Briefing: Contoso quarterly review at 13:45 · 2 suggestions");
    expect(mail?.text).toContain("Ana López");
    expect(mail?.text).toContain("Trusted (your choice) · key contact · contoso.example");
    expect(mail?.text).toContain("Last met 42 days ago · last mail 5 days ago (from Ana)");
    expect(mail?.text).toContain("2 messages from Ana still open");
    expect(mail?.text).toContain("Mei Tanaka <mei.tanaka@contoso.example> (not answered yet)");
    expect(mail?.text).toContain(
      "Draft a note to Ana: mailto:ana.lopez@contoso.example?subject=Mei%20joining",
    );
    expect(mail?.text).not.toContain("Dismissed one");
    expect(mail?.text).not.toContain("Thames Room");
    expect(mail?.text).toContain("https://rapport.test/unsubscribe?u=usr_morgan&t=tok-usr_morgan");
    expect(mail?.unsubscribeUrl).toBe("https://rapport.test/unsubscribe?u=usr_morgan&t=tok-usr_morgan");
  });

  it("send one email when two job runs overlap", async () => {
    const { sender, sent } = recordingSender();
    const [a, b] = await Promise.all([
      runBriefings({ store, sender, now: NOW, links }),
      runBriefings({ store, sender, now: NOW, links }),
    ]);
    expect(sent).toHaveLength(1);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(1);
  });

  it("do not repeat a briefing on the next run, but brief a rescheduled meeting again", async () => {
    const { sender, sent } = recordingSender();
    await runBriefings({ store, sender, now: NOW, links });
    await runBriefings({ store, sender, now: new Date(NOW.getTime() + 5 * 60_000), links });
    expect(sent).toHaveLength(1);

    const meeting = await store.meetings.get(U, "microsoft", "evt-review");
    if (!meeting) throw new Error("fixture meeting missing");
    await store.meetings.put({ ...meeting, start: minutesAfter(NOW, 55), end: minutesAfter(NOW, 115) });
    await runBriefings({ store, sender, now: new Date(NOW.getTime() + 10 * 60_000), links });
    expect(sent).toHaveLength(2);
    expect(sent[1]?.subject).toContain("at 13:55");
  });

  it("send nothing for a cancelled meeting", async () => {
    const meeting = await store.meetings.get(U, "microsoft", "evt-review");
    if (!meeting) throw new Error("fixture meeting missing");
    await store.meetings.put({ ...meeting, isCancelled: true });
    const { sender, sent } = recordingSender();
    await runBriefings({ store, sender, now: NOW, links });
    expect(sent).toHaveLength(0);
  });

  it("try again on the next run when sending failed", async () => {
    const { sender, sent } = recordingSender({ failTimes: 1 });
    const first = await runBriefings({ store, sender, now: NOW, links });
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]?.reason).toContain("mailbox unavailable");
    await runBriefings({ store, sender, now: NOW, links });
    expect(sent).toHaveLength(1);
  });
});

describe("briefing settings", () => {
  it("stay silent on the user's quiet days (their local weekday)", async () => {
    await seed({
      briefing: { enabled: true, leadMinutes: 60, digest: false, digestHour: 7, quietDays: [2] },
    });
    const { sender, sent } = recordingSender();
    await runBriefings({ store, sender, now: NOW, links });
    expect(sent).toHaveLength(0);
  });

  it("stay silent when briefings are off", async () => {
    await seed({
      briefing: { enabled: false, leadMinutes: 60, digest: false, digestHour: 7, quietDays: [] },
    });
    const { sender, sent } = recordingSender();
    await runBriefings({ store, sender, now: NOW, links });
    expect(sent).toHaveLength(0);
  });

  it("honour a longer lead time", async () => {
    await seed({
      briefing: { enabled: true, leadMinutes: 180, digest: false, digestHour: 7, quietDays: [] },
    });
    const { sender, sent } = recordingSender();
    await runBriefings({ store, sender, now: NOW, links });
    expect(sent.map((m) => m.subject).sort()).toEqual([
      "Briefing: Adatum intro at 15:00",
      "Briefing: Contoso quarterly review at 13:45 · 2 suggestions",
    ]);
  });

  it("send one morning digest of the day's meetings at the digest hour instead", async () => {
    await seed({ briefing: { enabled: true, leadMinutes: 60, digest: true, digestHour: 7, quietDays: [] } });
    const { sender, sent } = recordingSender();
    const beforeHour = new Date("2026-11-24T06:55:00.000Z");
    await runBriefings({ store, sender, now: beforeHour, links });
    expect(sent).toHaveLength(0);
    const atHour = new Date("2026-11-24T07:05:00.000Z");
    await Promise.all([
      runBriefings({ store, sender, now: atHour, links }),
      runBriefings({ store, sender, now: atHour, links }),
    ]);
    await runBriefings({ store, sender, now: new Date("2026-11-24T07:35:00.000Z"), links });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.kind).toBe("digest");
    expect(sent[0]?.subject).toBe("Today: 2 meetings to prepare for");
    expect(sent[0]?.text).toContain("Contoso quarterly review");
    expect(sent[0]?.text).toContain("Adatum intro");
    expect(sent[0]?.text).not.toContain("Team sync");
  });
});
