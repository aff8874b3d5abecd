import { type AttendeeChange, emailDomain, normalizeEmail, type SuggestionDraft } from "@rapport/core";
import { draftEmail, listNames, openContact, scoreOf, stateActions } from "../draft.ts";
import { type Facts, firstName, HORIZON_DAYS, isHeldWith, type MeetingView } from "../facts.ts";
import { isInternal, isPerson, isPublicMailDomain } from "../identity.ts";
import { DAY_MS, HOUR_MS, localDate, ms } from "../time.ts";

const AFTER_CREATION_MS = 30 * 60 * 1000;
const HAD_INVITATION_MS = 24 * HOUR_MS;
/** Stands for the user among the earlier attendees (attendee wording). */
export const USER = "\u0000user";

interface Earlier {
  email: string;
  hadInvitation: boolean;
  responded: boolean;
}

/** Rule 1: someone joined an upcoming meeting after the others had the invitation, unannounced. */
export function unannouncedAttendees(facts: Facts): SuggestionDraft[] {
  const until = facts.nowMs + HORIZON_DAYS * DAY_MS;
  // Every occurrence of a series within the horizon is its own meeting (dedupe: meeting + person).
  return facts.views
    .filter((v) => v.startMs > facts.nowMs && v.startMs <= until && !v.cancelled && !v.large)
    .flatMap((view) => forMeeting(facts, view));
}

function forMeeting(facts: Facts, view: MeetingView): SuggestionDraft[] {
  const m = view.meeting;
  const onList = new Map(m.attendees.map((a) => [normalizeEmail(a.email), a]));
  const lastAdded = new Map<string, AttendeeChange>();
  for (const change of m.history)
    if (change.change === "added") lastAdded.set(normalizeEmail(change.email), change);
  const created = ms(m.createdAt ?? m.firstSeenAt);
  const out: SuggestionDraft[] = [];
  for (const [person, change] of lastAdded) {
    const attendee = onList.get(person);
    if (!attendee || !isPerson(attendee) || facts.own.has(person)) continue;
    const tA = ms(change.at);
    if (!(tA - created > AFTER_CREATION_MS)) continue;
    const earlier = earlierAttendees(facts, view, change, person);
    const told = earlier.filter((e) => e.hadInvitation);
    if (told.length === 0) continue;
    if (told.every((e) => knows(facts, view, person, e.email))) continue;
    if (announced(facts, view, tA, told)) continue;
    out.push(draftFor(facts, view, person, change, earlier, told));
  }
  return out;
}

function earlierAttendees(
  facts: Facts,
  view: MeetingView,
  change: AttendeeChange,
  person: string,
): Earlier[] {
  const m = view.meeting;
  const tA = ms(change.at);
  const current = new Map(m.attendees.map((a) => [normalizeEmail(a.email), a]));
  const out = new Map<string, Earlier>();
  for (const e of change.existingAttendees) {
    const email = normalizeEmail(e.email);
    if (email === person || email === view.organizer) continue;
    const now = current.get(email);
    if (now?.type === "resource" || !isPerson(email)) continue;
    const own = facts.own.has(email);
    if (own && m.isOrganizer) continue;
    const respondedAt = now?.respondedAt ? ms(now.respondedAt) : Number.NaN;
    const responded = e.response !== "needsAction" || respondedAt < tA;
    const firstSeen = m.attendeeFirstSeen[email];
    const longEnough = firstSeen !== undefined && ms(firstSeen) <= tA - HAD_INVITATION_MS;
    const key = own ? USER : email;
    const previous = out.get(key);
    out.set(key, {
      email: key,
      responded: responded || (previous?.responded ?? false),
      hadInvitation: responded || longEnough || (previous?.hadInvitation ?? false),
    });
  }
  return [...out.values()];
}

/** P is known to one earlier attendee: a colleague by (non-public) domain, or met together before. */
function knows(facts: Facts, view: MeetingView, person: string, other: string): boolean {
  const heldWithPerson = (facts.byPerson.get(person) ?? []).filter(
    (v) => v !== view && isHeldWith(v, person, facts.nowMs),
  );
  if (other === USER) return isInternal(person, facts.user) || heldWithPerson.length > 0;
  const domain = emailDomain(person);
  if (domain !== "" && domain === emailDomain(other) && !isPublicMailDomain(domain)) return true;
  return heldWithPerson.some((v) => isHeldWith(v, other, facts.nowMs));
}

/** Someone told them after tA: the user wrote to all of them, or the organizer wrote to the user. */
function announced(facts: Facts, view: MeetingView, tA: number, told: Earlier[]): boolean {
  const after = (at: string) => ms(at) > tA && ms(at) <= facts.nowMs;
  if (view.meeting.isOrganizer) {
    const need = told.map((e) => e.email).filter((e) => e !== USER);
    if (need.length === 0) return false;
    for (const recipients of facts.mailBySource.values()) {
      const first = recipients[0];
      if (first?.direction !== "outbound" || !after(first.at)) continue;
      const to = new Set(recipients.map((r) => r.contactEmail));
      if (need.every((e) => to.has(e))) return true;
    }
    return false;
  }
  return (facts.mailByContact.get(view.organizer) ?? []).some(
    (i) => i.direction === "inbound" && after(i.at),
  );
}

function draftFor(
  facts: Facts,
  view: MeetingView,
  person: string,
  change: AttendeeChange,
  earlier: Earlier[],
  told: Earlier[],
): SuggestionDraft {
  const m = view.meeting;
  const zone = facts.user.settings.timeZone;
  const name = firstName(facts, person);
  const severity = view.startMs - facts.nowMs <= 2 * DAY_MS ? "high" : "medium";
  const subject = m.subject ?? "our meeting";
  const when = localDate(m.start, zone);
  const toldNames = told.map((e) => (e.email === USER ? "you" : firstName(facts, e.email)));
  let title: string;
  const actions = [];
  if (m.isOrganizer) {
    const recipients = earlier.map((e) => e.email).filter((e) => e !== USER);
    title = `Let ${listNames(toldNames)} know ${name} is joining`;
    actions.push(
      draftEmail(
        recipients,
        `${name} will join ${subject}`,
        `Hi ${listNames(recipients.map((e) => firstName(facts, e)))},\n\nA quick note before ${subject} on ${when}: I have invited ${name} to join us. I hope that works for you; do tell me if you would rather keep it to the original group.\n`,
        `Tell them ${name} is joining`,
      ),
    );
  } else {
    const user = told.find((e) => e.email === USER);
    title = `${name} was added after ${user ? (user.responded ? "you accepted" : "you were invited") : `${listNames(toldNames)} accepted`}`;
  }
  actions.push(openContact, ...stateActions);
  return {
    kind: "unannounced_attendee",
    severity,
    title,
    explanation: `${name} joined ${subject} (${when}) on ${localDate(change.at, zone)}, after ${listNames(toldNames)} already had the invitation, and nothing has been written about it since.`,
    evidence: {
      added: person,
      addedAt: change.at,
      meetingStart: m.start,
      hadInvitation: told.map((e) => (e.email === USER ? "you" : e.email)),
      organizer: m.isOrganizer ? "you" : view.organizer,
    },
    actions,
    meeting: view.ref,
    contactEmail: person,
    dedupeKey: `${view.ref.provider}:${view.ref.eventId}:${person}`,
    score: scoreOf(severity, m.start, facts),
    materialEvidence: `${person}|${told
      .map((e) => (e.email === USER ? "you" : e.email))
      .sort()
      .join(",")}`,
  };
}
