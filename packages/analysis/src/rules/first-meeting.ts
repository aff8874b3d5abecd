import type { SuggestionDraft } from "@rapport/core";
import { openContact, scoreOf, setLevel, stateActions } from "../draft.ts";
import { type Facts, firstName, fullName, HORIZON_DAYS, hasMet, type MeetingView } from "../facts.ts";
import { isInternal } from "../identity.ts";
import { DAY_MS, localDate, ms } from "../time.ts";

/** Rule 3: the earliest upcoming meeting with an external person the user has never been in touch with. */
export function firstMeetings(facts: Facts): SuggestionDraft[] {
  const until = facts.nowMs + HORIZON_DAYS * DAY_MS;
  const seen = new Set<string>();
  const out: SuggestionDraft[] = [];
  for (const view of facts.views) {
    if (view.startMs <= facts.nowMs || view.startMs > until) continue;
    if (view.cancelled || view.large || view.userDeclined) continue;
    for (const [email, person] of view.people) {
      if (person.declined || seen.has(email) || isInternal(email, facts.user)) continue;
      if (everInTouch(facts, email)) continue;
      seen.add(email); // views are sorted by start: this is the earliest
      out.push(draftFor(facts, view, email));
    }
  }
  return out;
}

/** Any held meeting or mail either way before now, stored or in the input. */
export function everInTouch(facts: Facts, email: string): boolean {
  if (hasMet(facts, email)) return true;
  if ((facts.mailByContact.get(email) ?? []).length > 0) return true;
  const stats = facts.contacts.get(email)?.stats;
  if (!stats) return false;
  const before = (d: string | undefined) => d !== undefined && ms(d) <= facts.nowMs;
  return (
    before(stats.firstInteractionAt) ||
    before(stats.lastMailInAt) ||
    before(stats.lastMailOutAt) ||
    stats.mailIn + stats.mailOut > 0
  );
}

function draftFor(facts: Facts, view: MeetingView, email: string): SuggestionDraft {
  const name = fullName(facts, email);
  const zone = facts.user.settings.timeZone;
  const subject = view.meeting.subject ?? "the meeting";
  return {
    kind: "first_meeting",
    severity: "medium",
    title: `First meeting with ${name}`,
    explanation: `You have not met or written to ${firstName(facts, email)} before ${subject} on ${localDate(view.meeting.start, zone)}. A minute on who they are will help.`,
    evidence: {
      contact: email,
      meetingStart: view.meeting.start,
      organizer: view.meeting.isOrganizer ? "you" : view.organizer,
    },
    actions: [openContact, setLevel("target", "I want to know them better"), ...stateActions],
    meeting: view.ref,
    contactEmail: email,
    dedupeKey: `${view.ref.provider}:${view.ref.eventId}:${email}`,
    score: scoreOf("medium", view.meeting.start, facts),
    materialEvidence: `first|${email}`,
  };
}
