import type { BriefingView, WeeklyReportView } from "../src/views.ts";

/** Sample views with the demo organization's people (Morgan Avery's mailbox). */

export const NOW = "2026-11-24T13:00:00.000Z";
const links = {
  sidebar: "https://rapport.example/addin/taskpane.html",
  settings: "https://rapport.example/settings",
  unsubscribe: "https://rapport.example/unsubscribe?u=usr_morgan&t=tok123",
};

export function sampleBriefing(): BriefingView {
  return {
    userName: "Morgan Avery",
    now: NOW,
    timeZone: "Europe/London",
    links,
    meeting: {
      subject: "Contoso quarterly review",
      start: "2026-11-24T14:00:00.000Z",
      end: "2026-11-24T15:00:00.000Z",
      isOrganizer: true,
      organizer: { email: "morgan@northwind.example", name: "Morgan Avery" },
      attendees: [
        {
          email: "ana.lopez@contoso.example",
          name: "Ana López",
          organization: "contoso.example",
          isInternal: false,
          response: "accepted",
          level: "trusted",
          levelChosen: true,
          key: true,
          known: true,
          lastMetAt: "2026-10-13T10:00:00.000Z",
          lastMailInAt: "2026-11-19T09:12:00.000Z",
          lastMailOutAt: "2026-11-02T16:40:00.000Z",
          meetingsHeld: 14,
          mailIn: 23,
          mailOut: 19,
          unansweredInbound: 2,
        },
        {
          email: "carlos.ruiz@contoso.example",
          name: "Carlos Ruiz",
          organization: "contoso.example",
          isInternal: false,
          response: "tentative",
          level: "transactional",
          levelChosen: false,
          key: false,
          known: true,
          lastMetAt: "2026-09-30T10:00:00.000Z",
          lastMailInAt: "2026-11-10T08:00:00.000Z",
          meetingsHeld: 5,
          mailIn: 9,
          mailOut: 3,
          unansweredInbound: 0,
        },
        {
          email: "mei.tanaka@contoso.example",
          name: "Mei Tanaka",
          organization: "contoso.example",
          isInternal: false,
          response: "needsAction",
          level: "tentative",
          levelChosen: false,
          key: false,
          known: false,
          meetingsHeld: 0,
          mailIn: 0,
          mailOut: 0,
          unansweredInbound: 0,
        },
      ],
      suggestions: [
        {
          title: "Let Ana know Mei is joining",
          explanation: "Mei was added two days after Ana accepted, and nobody has mentioned it yet.",
          severity: "high",
          actions: [
            {
              label: "Draft a note to Ana",
              href: "mailto:ana.lopez@contoso.example?subject=Mei%20joining%20on%20Tuesday",
            },
            { label: "Open in the sidebar", href: links.sidebar },
          ],
        },
        {
          title: "2 messages from Ana are waiting for a reply",
          explanation: "The oldest is from 19 November. A short answer before the meeting may help.",
          severity: "medium",
          actions: [{ label: "Open in the sidebar", href: links.sidebar }],
        },
      ],
      moreSuggestions: 1,
    },
  };
}

export function sampleWeeklyReport(): WeeklyReportView {
  const weeks = [
    "2026-09-28",
    "2026-10-05",
    "2026-10-12",
    "2026-10-19",
    "2026-10-26",
    "2026-11-02",
    "2026-11-09",
    "2026-11-16",
  ];
  const scores = [64, 66, 61, 63, 68, 70, 67, 72];
  const reached = [1, 0, 1, 1, 0, 0, 1, 0];
  return {
    userName: "Morgan Avery",
    now: "2026-11-23T08:00:00.000Z",
    timeZone: "Europe/London",
    links,
    week: { isoWeek: "2026-W47", start: "2026-11-16", end: "2026-11-22" },
    health: {
      score: 72,
      contactsCounted: 31,
      keyContactsCounted: 3,
      trend: weeks.map((weekStart, i) => ({ weekStart, score: scores[i] ?? null })),
    },
    overdue: {
      total: 3,
      items: [
        {
          email: "dana.kim@fabrikam.example",
          name: "Dana Kim",
          level: "trusted",
          key: true,
          daysSince: 58,
          cadenceDays: 30,
          daysOverdue: 28,
          nextStep: "Suggest a short catch-up call.",
        },
        {
          email: "ana.lopez@contoso.example",
          name: "Ana López",
          level: "trusted",
          key: true,
          daysSince: 41,
          cadenceDays: 30,
          daysOverdue: 11,
          nextStep: "Use Tuesday's review to catch up.",
          nextMeetingAt: "2026-11-24T14:00:00.000Z",
        },
      ],
    },
    levelChanges: {
      total: 1,
      items: [
        {
          email: "helen.park@adatum.example",
          name: "Helen Park",
          from: "tentative",
          to: "target",
          chosen: true,
        },
      ],
    },
    oneSided: {
      youStart: [{ email: "david.chen@adatum.example", name: "David Chen", byUser: 6, byContact: 0 }],
      theyStart: [{ email: "felix.wagner@fabrikam.example", name: "Felix Wagner", byUser: 0, byContact: 6 }],
    },
    unanswered: {
      total: 1,
      items: [
        {
          email: "ana.lopez@contoso.example",
          name: "Ana López",
          count: 2,
          oldestAt: "2026-11-19T09:12:00.000Z",
        },
      ],
    },
    targets: {
      goal: 1,
      reachedThisWeek: 0,
      targetCount: 2,
      weeks: weeks.map((weekStart, i) => ({ weekStart, reached: reached[i] ?? 0 })),
      next: {
        email: "helen.park@adatum.example",
        name: "Helen Park",
        lastContactAt: "2026-08-03T10:00:00.000Z",
      },
    },
    unannounced: {
      total: 1,
      items: [
        {
          meetingSubject: "Contoso quarterly review",
          meetingStart: "2026-11-24T14:00:00.000Z",
          person: { email: "mei.tanaka@contoso.example", name: "Mei Tanaka" },
          isOrganizer: true,
          tell: [{ email: "ana.lopez@contoso.example", name: "Ana López" }],
        },
      ],
    },
    secondHand: {
      total: 1,
      items: [
        {
          email: "carlos.ruiz@contoso.example",
          name: "Carlos Ruiz",
          keyContact: { email: "ana.lopez@contoso.example", name: "Ana López" },
          reason: "1 message waiting for a reply.",
        },
      ],
    },
  };
}
