import type { DemoBuilders } from "./builders.ts";
import type { DemoClock } from "./demo-clock.ts";
import { allHands, clientTeamSeries, oneOnOneSeries, pipelineReview } from "./morgan-calendar.ts";
import { JORDAN, MORGAN } from "./people.ts";
import type { DemoEvent, DemoMessage } from "./types.ts";

const EMMA = "emma.stone@tailspin.example";

/** Jordan's own copies of the meetings shared with Morgan, plus a little of their own. */
export function jordanEvents(c: DemoClock, b: DemoBuilders): DemoEvent[] {
  return [
    ...oneOnOneSeries(c, b, "j-1on1-morgan"),
    clientTeamSeries(c, b, "j-client-team"),
    ...allHands(c, b, "j").slice(-2),
    pipelineReview(c, b, "j-pipeline-review"),
    b.meeting({
      id: "j-tailspin-comarketing",
      subject: "Tailspin co-marketing",
      start: c.businessDay(-5, 14),
      minutes: 45,
      organizer: JORDAN,
      attendees: [EMMA, "zoe.bell@tailspin.example"],
    }),
    b.meeting({
      id: "j-fabrikam-intro",
      subject: "Fabrikam platform intro",
      start: c.businessDay(5, 10),
      minutes: 30,
      organizer: JORDAN,
      attendees: ["omar.haddad@fabrikam.example", ["felix.wagner@fabrikam.example", "needsAction"]],
    }),
  ];
}

export function jordanMessages(c: DemoClock, b: DemoBuilders): DemoMessage[] {
  const d = c.businessDay;
  return [
    ...b.thread("j-t-jordan-1", "Account plans", [
      [JORDAN, [MORGAN], d(-20, 9, 0)],
      [MORGAN, [JORDAN], d(-20, 11, 0)],
    ]),
    ...b.thread("j-t-jordan-2", "Tailspin co-marketing", [
      [MORGAN, [JORDAN], d(-6, 15, 0)],
      [JORDAN, [MORGAN], d(-6, 16, 30)],
    ]),
    ...b.thread("j-t-emma-1", "Co-marketing brief", [
      [EMMA, [JORDAN], d(-7, 10, 0)],
      [JORDAN, [EMMA], d(-7, 12, 0), ["zoe.bell@tailspin.example"]],
    ]),
    b.message(
      "j-t-omar-1-1",
      "j-t-omar-1",
      "Platform questions",
      "omar.haddad@fabrikam.example",
      [JORDAN],
      d(-1, 15, 20),
    ),
  ];
}
