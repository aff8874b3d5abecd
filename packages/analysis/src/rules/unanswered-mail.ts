import { effectiveLevel, type SuggestionDraft } from "@rapport/core";
import { draftEmail, scoreOf, stateActions } from "../draft.ts";
import { type Facts, firstName, hasMet, isKey, upcomingWith } from "../facts.ts";
import { isPerson } from "../identity.ts";
import { localDate, wholeDays } from "../time.ts";
import { unansweredFrom } from "../unanswered.ts";

/** Rule 4: personal messages from a known person still waiting for the user's reply. */
export function unansweredMail(facts: Facts): SuggestionDraft[] {
  const out: SuggestionDraft[] = [];
  for (const email of facts.mailByContact.keys()) {
    if (!isPerson(email) || facts.own.has(email)) continue;
    const waiting = unansweredFrom(facts, email);
    if (waiting.length === 0) continue;
    const context = upcomingWith(facts, email)[0];
    if (!context && !knownBeyondMail(facts, email)) continue;
    out.push(
      draftFor(
        facts,
        email,
        waiting.map((m) => m.at),
        context?.ref,
        context?.meeting.start,
      ),
    );
  }
  return out;
}

function knownBeyondMail(facts: Facts, email: string): boolean {
  if (hasMet(facts, email) || isKey(facts, email)) return true;
  const contact = facts.contacts.get(email);
  const level = contact ? effectiveLevel(contact) : undefined;
  return level === "trusted" || level === "transactional";
}

function draftFor(
  facts: Facts,
  email: string,
  sentAt: string[],
  meeting: SuggestionDraft["meeting"],
  meetingStart: string | undefined,
): SuggestionDraft {
  const name = firstName(facts, email);
  const count = sentAt.length;
  const oldest = sentAt[0] ?? facts.now;
  const newest = sentAt.at(-1) ?? oldest;
  const zone = facts.user.settings.timeZone;
  const severity = meeting || count >= 3 ? "high" : "medium";
  const title =
    count === 1
      ? `${name}'s message from ${localDate(oldest, zone)} is waiting for a reply`
      : `${count} messages from ${name} are waiting for a reply`;
  const explanation = `The oldest is ${wholeDays(oldest, facts.now)} days old${meetingStart ? `, and you meet ${name} on ${localDate(meetingStart, zone)}` : ""}.`;
  const draft: SuggestionDraft = {
    kind: "unanswered_mail",
    severity,
    title,
    explanation,
    evidence: { count, oldestAt: oldest, newestAt: newest },
    actions: [
      draftEmail([email], "Re: your message", `Hi ${name},\n\nThank you for your patience. `, "Reply"),
      ...stateActions,
    ],
    contactEmail: email,
    dedupeKey: email,
    score: scoreOf(severity, meetingStart ?? newest, facts),
    // A new message reopens a dismissal; an old one ageing out of the window does not.
    materialEvidence: `newest|${newest}`,
  };
  if (meeting) draft.meeting = meeting;
  return draft;
}
