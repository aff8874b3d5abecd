import { demoBuilders } from "./builders.ts";
import { demoContactSettings } from "./contact-settings.ts";
import { demoClock } from "./demo-clock.ts";
import { jordanEvents, jordanMessages } from "./jordan-mailbox.ts";
import { morganEvents } from "./morgan-calendar.ts";
import { morganMessages } from "./morgan-mail.ts";
import { DEMO_TIME_ZONE, demoPeople, findDemoPerson, JORDAN, MORGAN } from "./people.ts";
import type { DemoOrganization, DemoPerson } from "./types.ts";

function owner(email: string): DemoPerson {
  const person = findDemoPerson(email);
  if (!person) throw new Error(`demo mailbox owner ${email} is not a demo person`);
  return person;
}

/**
 * The demo organization around `now`: Morgan's six months of meetings and mail, and Jordan's
 * small mailbox. Deterministic: the same `now` gives the same organization.
 */
export function buildDemoOrganization(options: { now: Date }): DemoOrganization {
  const now = options.now.toISOString();
  const clock = demoClock(options.now, DEMO_TIME_ZONE);
  const builders = demoBuilders(now, DEMO_TIME_ZONE);
  return {
    now,
    people: demoPeople.map((p) => ({ ...p })),
    mailboxes: [
      {
        owner: owner(MORGAN),
        timeZone: DEMO_TIME_ZONE,
        events: morganEvents(clock, builders),
        messages: morganMessages(clock, builders),
      },
      {
        owner: owner(JORDAN),
        timeZone: DEMO_TIME_ZONE,
        events: jordanEvents(clock, builders),
        messages: jordanMessages(clock, builders),
      },
    ],
    contactSettings: demoContactSettings.map((s) => ({ ...s })),
  };
}

/** The ids of the meetings and people each demo pattern is built on, for tests and docs. */
export const demoShowcase = {
  user: MORGAN,
  secondUser: JORDAN,
  unannouncedAttendee: {
    eventId: "m-fabrikam-renewal",
    added: "sam.patel@northwind.example",
    told: ["dana.kim@fabrikam.example", "nina.petrova@fabrikam.example"],
  },
  reconnect: { contact: "ana.lopez@contoso.example" },
  unansweredMail: {
    contact: "david.chen@adatum.example",
    messageIds: ["t-david-5-1", "t-david-5-2", "t-david-6-1"],
  },
  reciprocity: { contact: "raj.mehta@tailspin.example" },
  targetOutreach: { contact: "helen.park@adatum.example" },
  recurringSeries: {
    eventId: "m-1on1-jordan",
    movedId: "m-1on1-jordan-x20",
    cancelledId: "m-1on1-jordan-x16",
  },
  cancelledMeeting: { eventId: "m-litware-checkin" },
  roomMeeting: { eventId: "m-pipeline-review", room: "room.thames@northwind.example" },
  allDay: { eventId: "m-strategy-offsite" },
  allHandsPrefix: "m-allhands-",
} as const;
