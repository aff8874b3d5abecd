import type { Store } from "@rapport/store";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWeeklyReport, runWeeklyReports } from "../src/index.ts";
import { aContact, aMeeting, aSuggestion, aUser, daysBefore, MORGAN, mail, putAll } from "./fixture.ts";
import { freshStore, links, recordingSender } from "./harness.ts";

// Monday 23 November 2026, 08:00 in London: Morgan's report day and hour.
const NOW = new Date("2026-11-23T08:00:00.000Z");
const U = "usr_morgan";
const ANA = "ana.lopez@contoso.example";
const TOM = "tom.baker@litware.example";
let store: Store;

beforeAll(async () => {
  store = await freshStore("weekly");
  await store.users.create(aUser(U));
  const key = { key: true };
  await putAll(store, {
    contacts: [
      aContact(U, ANA, "Ana López", {
        overrides: { ...key, level: "trusted", updatedAt: "2026-09-01T10:00:00.000Z" },
        inferredLevel: "trusted",
        health: 80,
        stats: {
          lastMetAt: daysBefore(NOW, 60),
          lastMailInAt: daysBefore(NOW, 41),
          unansweredInbound: 2,
          oldestUnansweredAt: daysBefore(NOW, 45),
        },
      }),
      aContact(U, "dana.kim@fabrikam.example", "Dana Kim", {
        overrides: key,
        health: 50,
        stats: { lastMetAt: daysBefore(NOW, 58) },
      }),
      aContact(U, "claire.north@northwind.example", "Claire North", {
        overrides: key,
        health: 90,
        stats: { lastMailOutAt: daysBefore(NOW, 3) },
      }),
      aContact(U, "helen.park@adatum.example", "Helen Park", {
        overrides: { level: "target", updatedAt: "2026-11-18T15:00:00.000Z" },
        inferredLevel: "tentative",
        health: 20,
        stats: { lastMetAt: daysBefore(NOW, 111) },
      }),
      aContact(U, TOM, "Tom Baker", {
        inferredLevel: "target",
        health: 10,
        stats: { lastMailOutAt: "2026-11-04T10:00:00.000Z" },
      }),
      aContact(U, "david.chen@adatum.example", "David Chen", {
        health: 55,
        stats: { lastMetAt: daysBefore(NOW, 10), meetingsInitiatedByUser: 4, threadsStartedByUser: 2 },
      }),
      aContact(U, "felix.wagner@fabrikam.example", "Felix Wagner", {
        health: 65,
        stats: {
          lastMailInAt: daysBefore(NOW, 3),
          meetingsInitiatedByContact: 3,
          threadsStartedByContact: 3,
        },
      }),
      aContact(U, "carlos.ruiz@contoso.example", "Carlos Ruiz", {
        health: 60,
        stats: { lastMailInAt: daysBefore(NOW, 20) },
      }),
    ],
    meetings: [
      aMeeting(U, "evt-review", {
        subject: "Contoso quarterly review",
        start: "2026-11-24T14:00:00.000Z",
        end: "2026-11-24T15:00:00.000Z",
        attendees: [
          { email: ANA, name: "Ana López", type: "required", response: "accepted" },
          {
            email: "mei.tanaka@contoso.example",
            name: "Mei Tanaka",
            type: "required",
            response: "needsAction",
          },
        ],
      }),
    ],
    suggestions: [
      aSuggestion(U, {
        kind: "reciprocity",
        title: "You initiated the last six with David",
        contactEmail: "david.chen@adatum.example",
      }),
      aSuggestion(U, {
        kind: "reciprocity",
        title: "Felix initiated the last six",
        contactEmail: "felix.wagner@fabrikam.example",
      }),
      aSuggestion(U, {
        kind: "second_hand",
        title: "Carlos is waiting",
        explanation: "1 message waiting for a reply.",
        contactEmail: "carlos.ruiz@contoso.example",
        evidence: { keyContact: ANA, unanswered: 1 },
      }),
      aSuggestion(U, {
        kind: "unannounced_attendee",
        title: "Let Ana know Mei is joining",
        contactEmail: "mei.tanaka@contoso.example",
        meeting: { provider: "microsoft", eventId: "evt-review" },
        actions: [{ type: "draft_email", label: "Draft a note to Ana", to: [ANA] }],
      }),
      aSuggestion(U, {
        kind: "target_outreach",
        title: "Reach out to Helen",
        contactEmail: "helen.park@adatum.example",
      }),
    ],
  });
  await store.interactions.putMany([
    mail(U, TOM, "2026-11-04T10:00:00.000Z", "outbound", "m-tom"),
    mail(U, ANA, daysBefore(NOW, 41), "inbound", "m-ana"),
    mail(U, "claire.north@northwind.example", daysBefore(NOW, 3), "outbound", "m-claire"),
    mail(U, "felix.wagner@fabrikam.example", daysBefore(NOW, 3), "inbound", "m-felix"),
    mail(U, "carlos.ruiz@contoso.example", daysBefore(NOW, 20), "inbound", "m-carlos"),
  ]);
});

describe("weekly relationship health report", () => {
  it("is sent at the user's Monday 08:00 with the overall figure and the most overdue key contacts", async () => {
    const { sender, sent } = recordingSender();
    await runWeeklyReports({ store, sender, now: NOW, links });
    expect(sent).toHaveLength(1);
    const report = sent[0];
    expect(report?.kind).toBe("weekly_report");
    expect(report?.to).toBe(MORGAN);
    expect(report?.subject).toBe("Your relationship week: health 65, 2 key contacts to reconnect with");
    const text = report?.text ?? "";
    expect(text).toContain("week of 16 Nov – 22 November 2026");
    // (80x3 + 50x3 + 90x3 + 55 + 65 + 60 + 10) / 13 = 65.4 over seven people in touch within 90 days.
    expect(text).toContain("65 / 100");
    expect(text).toContain("Across the 7 people you were in touch with in the last 90 days (3 key)");
    expect(text).toContain("- Dana Kim 58 days since you last spoke, 28 days past your 30-day rhythm.");
    expect(text).toContain("- Ana López 41 days since you last spoke, 11 days past your 30-day rhythm.");
    expect(text.indexOf("Dana Kim 58")).toBeLessThan(text.indexOf("Ana López 41"));
    expect(text).not.toContain("Claire North 3 days");
  });

  it("lists level changes, one-sided ties, waiting mail, targets, unannounced additions and second-hand ties", async () => {
    const view = await buildWeeklyReport({ store, user: aUser(U), now: NOW, links: links(aUser(U)) });
    expect(view.levelChanges.items).toEqual([
      {
        email: "helen.park@adatum.example",
        name: "Helen Park",
        from: "tentative",
        to: "target",
        chosen: true,
      },
    ]);
    expect(view.oneSided.youStart.map((c) => [c.name, c.byUser, c.byContact])).toEqual([
      ["David Chen", 6, 0],
    ]);
    expect(view.oneSided.theyStart.map((c) => [c.name, c.byUser, c.byContact])).toEqual([
      ["Felix Wagner", 0, 6],
    ]);
    expect(view.unanswered).toEqual({
      total: 1,
      items: [{ email: ANA, name: "Ana López", count: 2, oldestAt: daysBefore(NOW, 45) }],
    });
    expect(view.targets).toMatchObject({
      goal: 1,
      reachedThisWeek: 0,
      targetCount: 2,
      next: { name: "Helen Park" },
    });
    expect(view.targets.weeks.map((w) => w.reached)).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
    expect(view.targets.weeks[5]?.weekStart).toBe("2026-11-02");
    expect(view.unannounced.items).toEqual([
      {
        meetingSubject: "Contoso quarterly review",
        meetingStart: "2026-11-24T14:00:00.000Z",
        person: { email: "mei.tanaka@contoso.example", name: "Mei Tanaka" },
        isOrganizer: true,
        tell: [{ email: ANA, name: "Ana López" }],
      },
    ]);
    expect(view.secondHand.items).toEqual([
      {
        email: "carlos.ruiz@contoso.example",
        name: "Carlos Ruiz",
        keyContact: { email: ANA, name: "Ana López" },
        reason: "1 message waiting for a reply.",
      },
    ]);
  });

  it("keeps an eight-week trend whose last week matches the overall figure", async () => {
    const view = await buildWeeklyReport({ store, user: aUser(U), now: NOW, links: links(aUser(U)) });
    expect(view.health.trend.map((p) => p.weekStart)).toEqual([
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
    ]);
    expect(view.health.score).toBe(65.4);
    expect(view.health.trend.at(-1)?.score).toBe(65.4);
    // The first stored interaction is from the week of 12 October: weeks before it have no figure.
    expect(view.health.trend.map((p) => p.score === null)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("is not sent twice in one week", async () => {
    const { sender, sent } = recordingSender();
    const later = new Date(NOW.getTime() + 3_600_000);
    await Promise.all([
      runWeeklyReports({ store, sender, now: later, links }),
      runWeeklyReports({ store, sender, now: later, links }),
    ]);
    await runWeeklyReports({ store, sender, now: new Date(NOW.getTime() + 2 * 86_400_000), links });
    expect(sent).toHaveLength(0); // the first test already delivered this week's report
  });
});
