import { emailDomain, normalizeEmail, type SuggestionDraft } from "@rapport/core";
import { listNames, scoreOf, stateActions } from "../draft.ts";
import { type Facts, firstName, isHeldWith, isKey, type MeetingView } from "../facts.ts";
import { isInternal, isPerson, isPublicMailDomain } from "../identity.ts";
import { DAY_MS, localDate, ms } from "../time.ts";
import { unansweredFrom } from "../unanswered.ts";

const AROUND_DAYS = 180;
const NEGLECT_DAYS = 60;

/** Rule 6: people around a key contact (colleagues, frequent co-attendees) the user is neglecting. */
export function secondHand(facts: Facts): SuggestionDraft[] {
  const around = new Map<string, Set<string>>(); // person -> key contacts they are around
  const known = knownPeople(facts);
  for (const contact of facts.contacts.values()) {
    if (contact.overrides.key !== true) continue;
    const key = normalizeEmail(contact.email);
    for (const person of peopleAround(facts, key, known)) {
      const set = around.get(person) ?? new Set<string>();
      set.add(key);
      around.set(person, set);
    }
  }
  const out: SuggestionDraft[] = [];
  for (const [person, keys] of around) {
    if (person === undefined || keys.has(person) || isKey(facts, person)) continue;
    if (!isPerson(person) || facts.own.has(person)) continue;
    const waiting = unansweredFrom(facts, person);
    const turnedDown = turnedDownMeetings(facts, person);
    if (waiting.length === 0 && turnedDown.length === 0) continue;
    out.push(
      draftFor(
        facts,
        person,
        [...keys].sort(),
        waiting.map((w) => w.at),
        turnedDown,
      ),
    );
  }
  return out;
}

function knownPeople(facts: Facts): Set<string> {
  return new Set([...facts.contacts.keys(), ...facts.byPerson.keys(), ...facts.mailByContact.keys()]);
}

/** Same external organization (not a public mail domain), or two held meetings together in 180 days. */
function peopleAround(facts: Facts, key: string, known: Set<string>): Set<string> {
  const out = new Set<string>();
  const domain = emailDomain(key);
  if (domain !== "" && !isPublicMailDomain(domain) && !isInternal(key, facts.user)) {
    for (const person of known) if (person !== key && emailDomain(person) === domain) out.add(person);
  }
  const since = facts.nowMs - AROUND_DAYS * DAY_MS;
  const together = new Map<string, number>();
  for (const view of facts.byPerson.get(key) ?? []) {
    if (view.startMs < since || !isHeldWith(view, key, facts.nowMs)) continue;
    for (const person of view.people.keys()) {
      if (person === key || !isHeldWith(view, person, facts.nowMs)) continue;
      together.set(person, (together.get(person) ?? 0) + 1);
    }
  }
  for (const [person, count] of together) if (count >= 2) out.add(person);
  return out;
}

/** Meetings with the person that the user cancelled (as organizer) or declined, in the last 60 days. */
export function turnedDownMeetings(facts: Facts, person: string): MeetingView[] {
  const since = facts.nowMs - NEGLECT_DAYS * DAY_MS;
  return (facts.byPerson.get(person) ?? []).filter((view) => {
    const byUser = (view.cancelled && view.meeting.isOrganizer) || view.userDeclined;
    if (!byUser) return false;
    const changed = view.meeting.lastModifiedAt ?? view.meeting.updatedAt;
    const changedRecently = changed !== undefined && ms(changed) >= since && ms(changed) <= facts.nowMs;
    return view.startMs >= since || changedRecently;
  });
}

function draftFor(
  facts: Facts,
  person: string,
  keys: string[],
  waiting: string[],
  turnedDown: MeetingView[],
): SuggestionDraft {
  const name = firstName(facts, person);
  const keyNames = listNames(keys.map((k) => firstName(facts, k)));
  const zone = facts.user.settings.timeZone;
  const reasons: string[] = [];
  if (waiting.length > 0) {
    reasons.push(
      `${waiting.length === 1 ? "a message" : `${waiting.length} messages`} from ${name} since ${localDate(waiting[0] ?? facts.now, zone)} still wait for a reply`,
    );
  }
  if (turnedDown.length > 0) {
    reasons.push(
      `you cancelled or declined ${turnedDown.length === 1 ? "a meeting" : `${turnedDown.length} meetings`} with ${name} recently`,
    );
  }
  const title =
    waiting.length > 0
      ? `${name}, who works with ${keyNames}, is waiting for your reply`
      : `Make it up to ${name}, who works with ${keyNames}`;
  return {
    kind: "second_hand",
    severity: "medium",
    title,
    explanation: `${name} is close to ${keyNames}, a key contact: ${reasons.join(", and ")}. How you treat the people around a key contact shows.`,
    evidence: {
      keyContacts: keys,
      unanswered: waiting.length,
      oldestUnansweredAt: waiting[0],
      turnedDown: turnedDown.map((v) => ({ eventId: v.ref.eventId, start: v.meeting.start })),
    },
    actions: stateActions,
    contactEmail: person,
    dedupeKey: person,
    score: scoreOf("medium", waiting.at(-1) ?? turnedDown.at(-1)?.meeting.start, facts),
    materialEvidence: `${keys.join(",")}|${waiting.at(-1) ?? ""}|${turnedDown
      .map((v) => v.ref.eventId)
      .sort()
      .join(",")}`,
  };
}
