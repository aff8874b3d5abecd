import type { DemoBuilders } from "./builders.ts";
import type { DemoClock } from "./demo-clock.ts";
import { JORDAN, MORGAN } from "./people.ts";
import type { DemoEvent } from "./types.ts";

/** Morgan's six months of client and internal meetings behind the showcase patterns. */

const ANA = "ana.lopez@contoso.example";
const DANA = "dana.kim@fabrikam.example";
const DAVID = "david.chen@adatum.example";
const RAJ = "raj.mehta@tailspin.example";
const TOM = "tom.baker@litware.example";
const SAM = "sam.patel@northwind.example";
const CLAIRE = "claire.north@northwind.example";

export function clientHistory(c: DemoClock, b: DemoBuilders): DemoEvent[] {
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

export function internalHistory(c: DemoClock, b: DemoBuilders): DemoEvent[] {
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
