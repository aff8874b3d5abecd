import type { SuggestionDraft } from "@rapport/core";
import { buildFacts } from "./facts.ts";
import { type AnalysisInput, inScope } from "./input.ts";
import { firstMeetings } from "./rules/first-meeting.ts";
import { reciprocity } from "./rules/reciprocity.ts";
import { reconnects } from "./rules/reconnect.ts";
import { secondHand } from "./rules/second-hand.ts";
import { targetOutreach } from "./rules/target-outreach.ts";
import { unannouncedAttendees } from "./rules/unannounced-attendee.ts";
import { unansweredMail } from "./rules/unanswered-mail.ts";
import { toInstant } from "./time.ts";

/** Every rule of RULES.md over the input, keeping the drafts the scope concerns. */
export function analyze(input: AnalysisInput): SuggestionDraft[] {
  const facts = buildFacts({ ...input, now: toInstant("now", input.now) });
  const drafts = [
    ...unannouncedAttendees(facts),
    ...reconnects(facts),
    ...firstMeetings(facts),
    ...unansweredMail(facts),
    ...reciprocity(facts),
    ...secondHand(facts),
    ...targetOutreach(facts),
  ];
  return drafts
    .filter((d) => inScope(d, input.scope))
    .map((d) => ({ ...d, evidence: withoutUndefined(d.evidence) }));
}

/** Stores refuse undefined attribute values: evidence keeps only what is known. */
function withoutUndefined(evidence: SuggestionDraft["evidence"]): SuggestionDraft["evidence"] {
  return Object.fromEntries(Object.entries(evidence).filter(([, value]) => value !== undefined));
}
