import type { DemoBuilders } from "./builders.ts";
import type { DemoClock } from "./demo-clock.ts";
import { clientHistory, internalHistory } from "./morgan-history.ts";
import { JORDAN, MORGAN, northwindColleagues } from "./people.ts";
import type { DemoEvent } from "./types.ts";

const DANA = "dana.kim@fabrikam.example";
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
