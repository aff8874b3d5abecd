import type { DemoBuilders } from "./builders.ts";
import type { DemoClock } from "./demo-clock.ts";
import { JORDAN, MORGAN } from "./people.ts";
import type { DemoMessage } from "./types.ts";

const ANA = "ana.lopez@contoso.example";
const CARLOS = "carlos.ruiz@contoso.example";
const DANA = "dana.kim@fabrikam.example";
const DAVID = "david.chen@adatum.example";
const RAJ = "raj.mehta@tailspin.example";
const TOM = "tom.baker@litware.example";
const ELLIE = "ellie.grant@northwind.example";

/** Morgan's mail: six months of threads, Ana quiet for eight weeks, David unanswered. */
export function morganMessages(c: DemoClock, b: DemoBuilders): DemoMessage[] {
  const d = c.businessDay;
  return [
    // Key client Ana: regular until about eight weeks ago, then silence both ways.
    ...b.thread("t-ana-1", "Contoso rollout plan", [
      [ANA, [MORGAN], d(-128, 9, 12)],
      [MORGAN, [ANA], d(-127, 10, 3)],
    ]),
    ...b.thread("t-ana-2", "Next phase of the rollout", [
      [MORGAN, [ANA], d(-100, 14, 30)],
      [ANA, [MORGAN], d(-99, 8, 45)],
    ]),
    ...b.thread("t-ana-3", "Site visit", [
      [ANA, [MORGAN], d(-75, 11, 0)],
      [MORGAN, [ANA], d(-74, 9, 20)],
    ]),
    ...b.thread("t-ana-4", "Operations review follow-up", [
      [MORGAN, [ANA], d(-55, 17, 10), [CARLOS]],
      [CARLOS, [MORGAN], d(-54, 9, 5), [ANA]],
    ]),
    ...b.thread("t-ana-5", "Quarterly numbers", [
      [ANA, [MORGAN], d(-43, 16, 0)],
      [MORGAN, [ANA], d(-42, 8, 50)],
    ]),
    ...b.thread("t-carlos-1", "Scheduling: Contoso operations review", [
      [CARLOS, [MORGAN], d(-67, 10, 0), [ELLIE]],
      [ELLIE, [CARLOS], d(-67, 11, 30), [MORGAN]],
    ]),
    ...b.thread("t-mei-1", "Purchase order for phase two", [
      ["mei.tanaka@contoso.example", [MORGAN], d(-40, 13, 0)],
      [MORGAN, ["mei.tanaka@contoso.example"], d(-39, 9, 0)],
    ]),
    // Fabrikam: last exchange with Dana before the renewal invitation; nothing since.
    ...b.thread("t-dana-1", "Delivery milestones", [
      [DANA, [MORGAN], d(-115, 10, 0)],
      [MORGAN, [DANA], d(-114, 9, 30)],
    ]),
    ...b.thread("t-dana-2", "Change request", [
      [MORGAN, [DANA], d(-80, 15, 0)],
      [DANA, [MORGAN], d(-79, 12, 0)],
    ]),
    ...b.thread("t-dana-3", "Fabrikam team changes", [
      [DANA, [MORGAN], d(-45, 9, 0)],
      [MORGAN, [DANA], d(-44, 10, 15)],
    ]),
    ...b.thread("t-dana-4", "Renewal timing", [
      [DANA, [MORGAN], d(-12, 14, 0), ["nina.petrova@fabrikam.example"]],
      [MORGAN, [DANA], d(-11, 9, 40), ["nina.petrova@fabrikam.example"]],
    ]),
    // Adatum: answered until recently; the last three from David are unanswered.
    ...b.thread("t-david-1", "Support hours", [
      [DAVID, [MORGAN], d(-120, 9, 0)],
      [MORGAN, [DAVID], d(-119, 11, 0)],
    ]),
    ...b.thread("t-david-2", "Service review actions", [
      [MORGAN, [DAVID], d(-90, 16, 0)],
      [DAVID, [MORGAN], d(-88, 10, 0)],
    ]),
    ...b.thread("t-david-3", "Invoice query", [
      [DAVID, [MORGAN], d(-60, 9, 30)],
      [MORGAN, [DAVID], d(-59, 14, 0)],
    ]),
    ...b.thread("t-david-4", "Service review agenda", [
      [MORGAN, [DAVID], d(-30, 10, 0)],
      [DAVID, [MORGAN], d(-29, 8, 30)],
    ]),
    ...b.thread("t-david-5", "Question on the support escalation path", [
      [DAVID, [MORGAN], d(-8, 9, 14)],
      [DAVID, [MORGAN], d(-5, 16, 40)],
    ]),
    b.message("t-david-6-1", "t-david-6", "Contract amendment for review", DAVID, [MORGAN], d(-2, 11, 5), [
      "helen.park@adatum.example",
    ]),
    // Raj rarely writes back.
    ...b.thread("t-raj-1", "Thanks for today", [[MORGAN, [RAJ], d(-107, 9, 0)]]),
    ...b.thread("t-raj-2", "Partnership proposal", [
      [MORGAN, [RAJ], d(-89, 10, 0)],
      [RAJ, [MORGAN], d(-87, 15, 0)],
    ]),
    ...b.thread("t-raj-3", "Joint webinar idea", [[MORGAN, [RAJ], d(-71, 9, 30)]]),
    ...b.thread("t-raj-4", "Follow-up from our catch-up", [[MORGAN, [RAJ], d(-53, 11, 0)]]),
    ...b.thread("t-raj-5", "Referral programme", [
      [MORGAN, [RAJ], d(-35, 10, 0), ["emma.stone@tailspin.example"]],
      [RAJ, [MORGAN], d(-33, 17, 0)],
    ]),
    ...b.thread("t-raj-6", "Next steps", [[MORGAN, [RAJ], d(-17, 9, 0)]]),
    // Litware: Tom explains the cancellation; Morgan answers.
    ...b.thread("t-tom-1", "Workshop materials", [
      [TOM, [MORGAN], d(-99, 12, 0)],
      [MORGAN, [TOM], d(-98, 9, 0)],
    ]),
    ...b.thread("t-tom-2", "Workshop follow-up", [
      [MORGAN, [TOM], d(-59, 10, 0), ["rosa.diaz@litware.example"]],
      [TOM, [MORGAN], d(-58, 16, 0)],
    ]),
    ...b.thread("t-tom-3", "Need to move our check-in", [
      [TOM, [MORGAN], d(-1, 17, 5)],
      [MORGAN, [TOM], d(-1, 17, 40)],
    ]),
    // Internal.
    ...b.thread("t-jordan-1", "Account plans", [
      [JORDAN, [MORGAN], d(-20, 9, 0)],
      [MORGAN, [JORDAN], d(-20, 11, 0)],
    ]),
    ...b.thread("t-jordan-2", "Tailspin co-marketing", [
      [MORGAN, [JORDAN], d(-6, 15, 0)],
      [JORDAN, [MORGAN], d(-6, 16, 30)],
    ]),
    ...b.thread("t-ellie-1", "Travel next month", [
      [ELLIE, [MORGAN], d(-3, 9, 0)],
      [MORGAN, [ELLIE], d(-3, 9, 20)],
    ]),
    ...b.thread("t-ben-1", "Q3 forecast", [
      ["ben.osei@northwind.example", [MORGAN, JORDAN], d(-25, 8, 0)],
      [MORGAN, ["ben.osei@northwind.example"], d(-25, 12, 0), [JORDAN]],
    ]),
  ];
}
