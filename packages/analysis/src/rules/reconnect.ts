import { type Contact, effectiveLevel, normalizeEmail, type SuggestionDraft } from "@rapport/core";
import { draftEmail, markKey, scoreOf, setLevel, stateActions } from "../draft.ts";
import { type Facts, firstName, lastContact, upcomingWith } from "../facts.ts";
import { isPerson } from "../identity.ts";
import { daysBetween, localDate } from "../time.ts";

/** The contact's own cadence, else the key cadence, else the level's; undefined means none. */
export function cadenceFor(contact: Contact, facts: Facts): number | undefined {
  if (contact.overrides.cadenceDays) return contact.overrides.cadenceDays;
  if (contact.overrides.key === true) return facts.user.settings.keyCadenceDays ?? 30;
  const level = effectiveLevel(contact);
  return facts.user.settings.cadenceDays?.[level];
}

/** Rule 2: a key or trusted contact not met or written to within their cadence. */
export function reconnects(facts: Facts): SuggestionDraft[] {
  const out: SuggestionDraft[] = [];
  for (const contact of facts.contacts.values()) {
    const email = normalizeEmail(contact.email);
    if (!isPerson(email) || facts.own.has(email)) continue;
    const key = contact.overrides.key === true;
    if (!key && effectiveLevel(contact) !== "trusted") continue;
    const cadence = cadenceFor(contact, facts);
    if (!cadence) continue;
    const last = lastContact(facts, email);
    if (!last) continue; // never in touch: first_meeting / target_outreach territory
    const days = daysBetween(last, facts.now);
    if (days < cadence) continue;
    out.push(draftFor(facts, email, key, cadence, last, days));
  }
  return out;
}

function draftFor(facts: Facts, email: string, key: boolean, cadence: number, last: string, days: number) {
  const overdue = days >= 1.5 * cadence;
  const severity = overdue ? "high" : "medium";
  const name = firstName(facts, email);
  const whole = Math.floor(days);
  const context = upcomingWith(facts, email)[0];
  const zone = facts.user.settings.timeZone;
  const why = key ? "a key contact" : "a trusted contact";
  const explanation = context
    ? `${name} is ${why} you aim to be in touch with every ${cadence} days; last contact was ${localDate(last, zone)}. You meet on ${localDate(context.meeting.start, zone)}: a good moment to catch up.`
    : `${name} is ${why} you aim to be in touch with every ${cadence} days; last contact was ${localDate(last, zone)}.`;
  const draft: SuggestionDraft = {
    kind: "reconnect",
    severity,
    title: `It has been ${whole} days since you were in touch with ${name}`,
    explanation,
    evidence: {
      lastContactAt: last,
      daysSince: whole,
      cadenceDays: cadence,
      bucket: overdue ? "overdue" : "due",
      key,
    },
    actions: [
      draftEmail(
        [email],
        "Catching up",
        `Hi ${name},\n\nIt has been a while. How are things on your side? Would you have time for a short call in the next couple of weeks?\n`,
      ),
      ...(key ? [] : [markKey]),
      setLevel("transactional", "Not a close contact"),
      ...stateActions,
    ],
    contactEmail: email,
    dedupeKey: email,
    score: scoreOf(severity, context?.meeting.start ?? last, facts),
    // A new bucket (due -> overdue) or a new silence (a later last contact) reopens a dismissal.
    materialEvidence: `${overdue ? "overdue" : "due"}|${last.slice(0, 10)}`,
  };
  if (context) draft.meeting = context.ref;
  return draft;
}
