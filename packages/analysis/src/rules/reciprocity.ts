import type { Interaction, SuggestionDraft } from "@rapport/core";
import { draftEmail, scoreOf, stateActions } from "../draft.ts";
import { type Facts, firstName, upcomingWith } from "../facts.ts";
import { isPerson } from "../identity.ts";
import { isGroupMail } from "../interactions.ts";
import { DAY_MS, iso, ms } from "../time.ts";

const WINDOW_DAYS = 180;
const RUN = 6;

export interface Initiation {
  at: number;
  by: "user" | "contact";
  what: "meeting" | "thread";
}

/** Meetings organized and threads started, by the user or by the contact, in the last 180 days. */
export function initiationsWith(facts: Facts, email: string): Initiation[] {
  const since = facts.nowMs - WINDOW_DAYS * DAY_MS;
  const out: Initiation[] = [];
  for (const view of facts.byPerson.get(email) ?? []) {
    const person = view.people.get(email);
    if (!person || person.declined || view.cancelled || view.large || view.userDeclined) continue;
    if (view.startMs < since) continue;
    const by = view.meeting.isOrganizer ? "user" : view.organizer === email ? "contact" : undefined;
    if (by) out.push({ at: view.startMs, by, what: "meeting" });
  }
  const threadsSeen = new Set<string>();
  for (const message of facts.mailByContact.get(email) ?? []) {
    const start = threadStart(facts, message);
    const key = message.threadId ?? message.sourceId;
    if (threadsSeen.has(key)) continue;
    threadsSeen.add(key);
    if (!start || isGroupMail(start) || ms(start.at) < since) continue;
    // Started by the user to this person, or by this person.
    if (
      start.direction === "outbound" &&
      start.contactEmail !== email &&
      !sentTo(facts, start.sourceId, email)
    )
      continue;
    if (start.direction === "inbound" && start.contactEmail !== email) continue;
    out.push({ at: ms(start.at), by: start.direction === "outbound" ? "user" : "contact", what: "thread" });
  }
  return out.sort((a, b) => a.at - b.at);
}

function threadStart(facts: Facts, message: Interaction): Interaction | undefined {
  if (!message.threadId) return message;
  return facts.threads.get(message.threadId)?.[0];
}

function sentTo(facts: Facts, sourceId: string, email: string): boolean {
  return (facts.mailBySource.get(sourceId) ?? []).some((i) => i.contactEmail === email);
}

/**
 * Rule 5: the last six initiations all came from one side, unless that is this tie's stable norm
 * (six or more earlier ones, under 10% from the other side).
 */
export function reciprocity(facts: Facts): SuggestionDraft[] {
  const people = new Set([...facts.byPerson.keys(), ...facts.mailByContact.keys()]);
  const out: SuggestionDraft[] = [];
  for (const email of people) {
    if (!isPerson(email) || facts.own.has(email)) continue;
    const all = initiationsWith(facts, email);
    if (all.length < RUN) continue;
    const recent = all.slice(-RUN);
    const side = recent[0]?.by;
    if (!side || !recent.every((i) => i.by === side)) continue;
    const earlier = all.slice(0, -RUN);
    const other = earlier.filter((i) => i.by !== side).length;
    if (earlier.length >= RUN && other < 0.1 * earlier.length) continue;
    out.push(draftFor(facts, email, side, all));
  }
  return out;
}

function draftFor(facts: Facts, email: string, side: "user" | "contact", all: Initiation[]): SuggestionDraft {
  const name = firstName(facts, email);
  const byUser = all.filter((i) => i.by === "user").length;
  const byContact = all.length - byUser;
  const context = upcomingWith(facts, email)[0];
  const severity = side === "contact" ? "medium" : "low";
  const title =
    side === "user"
      ? `You started the last ${RUN} meetings and threads with ${name}`
      : `${name} started the last ${RUN} meetings and threads: your turn to reach out`;
  const explanation =
    side === "user"
      ? `In the last ${WINDOW_DAYS} days you started ${byUser} and ${name} ${byContact}. It may be worth asking ${name} what would be useful to them.`
      : `In the last ${WINDOW_DAYS} days ${name} started ${byContact} and you ${byUser}. Going first now and then keeps the relationship two-way.`;
  const draft: SuggestionDraft = {
    kind: "reciprocity",
    severity,
    title,
    explanation,
    evidence: {
      side,
      initiatedByUser: byUser,
      initiatedByContact: byContact,
      windowDays: WINDOW_DAYS,
      run: RUN,
    },
    actions: [
      ...(side === "contact"
        ? [
            draftEmail(
              [email],
              "An idea",
              `Hi ${name},\n\nI was thinking of you and wanted to reach out. `,
              "Reach out first",
            ),
          ]
        : []),
      ...stateActions,
    ],
    contactEmail: email,
    dedupeKey: email,
    score: scoreOf(severity, context?.meeting.start ?? iso(all.at(-1)?.at ?? facts.nowMs), facts),
    materialEvidence: `side|${side}`,
  };
  if (context) draft.meeting = context.ref;
  return draft;
}
