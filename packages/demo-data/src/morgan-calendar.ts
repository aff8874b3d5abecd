import type { DemoBuilders } from "./builders.ts";
import type { DemoClock } from "./demo-clock.ts";
import { JORDAN, MORGAN, northwindColleagues } from "./people.ts";
import type { DemoEvent } from "./types.ts";

const ANA = "ana.lopez@contoso.example";
const DANA = "dana.kim@fabrikam.example";
const DAVID = "david.chen@adatum.example";
const RAJ = "raj.mehta@tailspin.example";
const TOM = "tom.baker@litware.example";
const SAM = "sam.patel@northwind.example";
const CLAIRE = "claire.north@northwind.example";

/** Weekly one-on-one with Jordan: one occurrence moved, one cancelled. */
export function oneOnOneSeries(c: DemoClock, b: DemoBuilders, id: string): DemoEvent[] {
  const master = b.weeklySeries({
    id,
    subject: "Morgan / Jordan 1:1",
    start: c.weekday(-25, 2, 10),
    minutes: 30,
    organizer: MORGAN,
    attendees: [JORDAN],
    count: 30,
    createdAt: c.weekday(-26, 4, 9),
  });
  const moved = b.movedOccurrence(master, 20, c.weekday(-5, 3, 11), c.weekday(-5, 1, 9));
  const cancelled = b.cancelledOccurrence(master, 16, c.weekday(-9, 1, 8));
  return [master, moved, cancelled];
}

export function clientTeamSeries(c: DemoClock, b: DemoBuilders, id: string): DemoEvent {
  return b.weeklySeries({
    id,
    subject: "Client team weekly",
    start: c.weekday(-24, 1, 9, 30),
    minutes: 30,
    organizer: MORGAN,
    attendees: [
      JORDAN,
      SAM,
      "leo.martin@northwind.example",
      "noah.evans@northwind.example",
      ["ellie.grant@northwind.example", "accepted", "optional"],
    ],
    count: 30,
    createdAt: c.weekday(-25, 3, 14),
  });
}

/** Monthly all-hands: the whole company, more than 15 attendees. */
export function allHands(c: DemoClock, b: DemoBuilders, prefix: string): DemoEvent[] {
  return [-22, -18, -13, -9, -4, 1].map((week) =>
    b.meeting({
      id: `${prefix}-allhands-w${week}`,
      subject: "Northwind all-hands",
      start: c.weekday(week, 4, 16),
      minutes: 60,
      organizer: CLAIRE,
      attendees: northwindColleagues([CLAIRE]),
      createdAt: c.weekday(week - 3, 1, 10),
    }),
  );
}

/** Room booked for an internal review later this week. */
export function pipelineReview(c: DemoClock, b: DemoBuilders, id: string): DemoEvent {
  return b.meeting({
    id,
    subject: "Quarterly pipeline review",
    start: c.businessDay(3, 13),
    minutes: 90,
    organizer: MORGAN,
    attendees: [
      "ben.osei@northwind.example",
      JORDAN,
      "noah.evans@northwind.example",
      ["room.thames@northwind.example", "accepted", "resource"],
    ],
    createdAt: c.businessDay(-6, 15),
  });
}

/** The showcase: Sam was added after Dana and Nina accepted, and nobody told them. */
function renewalReview(c: DemoClock, b: DemoBuilders): DemoEvent {
  const createdAt = c.businessDay(-10, 11);
  const acceptedAt = c.businessDay(-9, 16, 20);
  const accepted = (email: string) => ({
    email,
    type: "required" as const,
    response: "accepted" as const,
    respondedAt: acceptedAt,
  });
  const event = b.meeting({
    id: "m-fabrikam-renewal",
    subject: "Fabrikam renewal review",
    start: c.businessDay(2, 14),
    minutes: 60,
    organizer: MORGAN,
    attendees: [
      [DANA, "needsAction"],
      ["nina.petrova@fabrikam.example", "needsAction"],
    ],
    createdAt,
  });
  event.versions = [
    { at: acceptedAt, attendees: [accepted(DANA), accepted("nina.petrova@fabrikam.example")] },
    {
      at: c.businessDay(-2, 10, 5),
      attendees: [
        accepted(DANA),
        accepted("nina.petrova@fabrikam.example"),
        { email: SAM, type: "required", response: "needsAction" },
      ],
    },
  ];
  return event;
}

/** Litware cancelled their check-in: the attendee copy stays, marked cancelled. */
function cancelledCheckIn(c: DemoClock, b: DemoBuilders): DemoEvent {
  const event = b.meeting({
    id: "m-litware-checkin",
    subject: "Litware quarterly check-in",
    start: c.businessDay(4, 11),
    minutes: 45,
    organizer: TOM,
    attendees: [MORGAN, "rosa.diaz@litware.example"],
    createdAt: c.businessDay(-12, 9),
  });
  event.versions = [
    { at: c.businessDay(-1, 17), isCancelled: true, subject: "Canceled: Litware quarterly check-in" },
  ];
  return event;
}

function clientHistory(c: DemoClock, b: DemoBuilders): DemoEvent[] {
  const events: DemoEvent[] = [];
  // Key client Ana: regular until seven weeks ago, initiations alternate.
  [-125, -110, -95, -80, -65, -50, -35].forEach((day, i) => {
    const guests =
      i % 3 === 0
        ? ["carlos.ruiz@contoso.example", "mei.tanaka@contoso.example"]
        : ["sara.holm@contoso.example"];
    events.push(
      b.meeting({
        id: `m-contoso-${i + 1}`,
        subject: i % 2 === 0 ? "Contoso operations review" : "Contoso rollout check-in",
        start: c.businessDay(day, 15),
        minutes: 45,
        organizer: i % 2 === 0 ? MORGAN : ANA,
        attendees: i % 2 === 0 ? [ANA, ...guests] : [MORGAN, ...guests],
      }),
    );
  });
  // Fabrikam delivery syncs every two weeks.
  [-120, -110, -100, -90, -80, -70, -60, -50, -40, -30, -20].forEach((day, i) => {
    events.push(
      b.meeting({
        id: `m-fabrikam-${i + 1}`,
        subject: "Fabrikam delivery sync",
        start: c.businessDay(day, 11),
        minutes: 30,
        organizer: i % 2 === 0 ? DANA : MORGAN,
        attendees:
          i % 2 === 0 ? [MORGAN, "felix.wagner@fabrikam.example"] : [DANA, "paula.costa@fabrikam.example"],
      }),
    );
  });
  // Adatum monthly service review.
  [-118, -98, -78, -58, -38, -18].forEach((day, i) => {
    events.push(
      b.meeting({
        id: `m-adatum-${i + 1}`,
        subject: "Adatum service review",
        start: c.businessDay(day, 14),
        minutes: 60,
        organizer: i % 2 === 0 ? DAVID : MORGAN,
        attendees:
          i % 2 === 0
            ? [MORGAN, "marcus.reed@adatum.example", "george.hill@adatum.example"]
            : [DAVID, "lucy.adams@adatum.example"],
      }),
    );
  });
  // Raj: he set up the first meeting; Morgan initiated the last six.
  events.push(
    b.meeting({
      id: "m-tailspin-intro",
      subject: "Tailspin introduction",
      start: c.businessDay(-125, 10),
      minutes: 30,
      organizer: RAJ,
      attendees: [MORGAN],
    }),
  );
  [-108, -90, -72, -54, -36, -18].forEach((day, i) => {
    events.push(
      b.meeting({
        id: `m-tailspin-${i + 1}`,
        subject: "Tailspin partnership catch-up",
        start: c.businessDay(day, 16),
        minutes: 30,
        organizer: MORGAN,
        attendees: i % 2 === 0 ? [RAJ] : [RAJ, "emma.stone@tailspin.example"],
      }),
    );
  });
  [-100, -60].forEach((day, i) => {
    events.push(
      b.meeting({
        id: `m-litware-${i + 1}`,
        subject: "Litware integration workshop",
        start: c.businessDay(day, 13),
        minutes: 120,
        organizer: TOM,
        attendees: [MORGAN, SAM, "rosa.diaz@litware.example", "kenji.sato@litware.example"],
      }),
    );
  });
  events.push(
    b.meeting({
      id: "m-contoso-it",
      subject: "Contoso IT onboarding",
      start: c.businessDay(-90, 10),
      minutes: 60,
      organizer: "james.oconnor@contoso.example",
      attendees: [MORGAN, SAM, "li.wei@contoso.example"],
    }),
  );
  return events;
}

function internalHistory(c: DemoClock, b: DemoBuilders): DemoEvent[] {
  const offsiteStart = c.midnight(-6, 3);
  const offsite: DemoEvent = {
    ...b.meeting({
      id: "m-strategy-offsite",
      subject: "Leadership strategy day",
      start: offsiteStart,
      minutes: 0,
      organizer: CLAIRE,
      attendees: [
        MORGAN,
        "ben.osei@northwind.example",
        "hannah.wright@northwind.example",
        "oliver.brooks@northwind.example",
        JORDAN,
      ],
    }),
    end: c.midnight(-6, 4),
    isAllDay: true,
  };
  return [
    offsite,
    b.meeting({
      id: "m-pricing",
      subject: "Pricing review",
      start: c.businessDay(-30, 10),
      minutes: 60,
      organizer: "ben.osei@northwind.example",
      attendees: [MORGAN, "freya.walsh@northwind.example"],
    }),
    b.meeting({
      id: "m-roadmap",
      subject: "Product roadmap preview",
      start: c.businessDay(-45, 15),
      minutes: 60,
      organizer: "hannah.wright@northwind.example",
      attendees: [MORGAN, "oliver.brooks@northwind.example", "amelia.hughes@northwind.example"],
    }),
    b.meeting({
      id: "m-legal-msa",
      subject: "Contoso MSA review",
      start: c.businessDay(-70, 12),
      minutes: 30,
      organizer: MORGAN,
      attendees: ["isla.murray@northwind.example"],
    }),
    b.meeting({
      id: "m-ellie-planning",
      subject: "Diary planning",
      start: c.businessDay(-1, 8, 30),
      minutes: 15,
      organizer: "ellie.grant@northwind.example",
      attendees: [MORGAN],
    }),
    b.meeting({
      id: "m-support-sync",
      subject: "Escalations sync",
      start: c.businessDay(1, 15, 30),
      minutes: 30,
      organizer: "lucas.green@northwind.example",
      attendees: [MORGAN, ["ethan.clarke@northwind.example", "tentative", "optional"]],
    }),
  ];
}

export function morganEvents(c: DemoClock, b: DemoBuilders): DemoEvent[] {
  return [
    ...oneOnOneSeries(c, b, "m-1on1-jordan"),
    clientTeamSeries(c, b, "m-client-team"),
    ...allHands(c, b, "m"),
    pipelineReview(c, b, "m-pipeline-review"),
    renewalReview(c, b),
    cancelledCheckIn(c, b),
    ...clientHistory(c, b),
    ...internalHistory(c, b),
  ];
}
