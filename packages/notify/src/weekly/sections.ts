import type { Suggestion } from "@rapport/core";
import type { WeeklyReportView } from "@rapport/email";
import type { ContactFacts } from "./facts.ts";

/** Each list of the weekly report, from contact facts and open suggestions. Pure. */

const DAY_MS = 86_400_000;
/** Longer lists say "and N more in the sidebar". */
export const LIST_CAP = 8;
const ONE_SIDED_CAP = 3;

type Facts = Map<string, ContactFacts>;
const ref = (f: Pick<ContactFacts, "email" | "name">) => ({ email: f.email, name: f.name });
const listed = <T>(items: T[]) => ({ items: items.slice(0, LIST_CAP), total: items.length });
const days = (from: string, now: Date) => Math.floor((now.getTime() - Date.parse(from)) / DAY_MS);

export function overdueKeyContacts(facts: Facts, open: Suggestion[], now: Date): WeeklyReportView["overdue"] {
  const reconnect = new Map(open.filter((s) => s.kind === "reconnect").map((s) => [s.contactEmail, s]));
  const overdue = [...facts.values()].flatMap((f) => {
    if (!f.key || !f.cadenceDays || !f.lastContactAt) return [];
    const since = days(f.lastContactAt, now);
    if (since < f.cadenceDays) return [];
    const draft = reconnect.get(f.email)?.actions.find((a) => a.type === "draft_email");
    const nextStep = f.nextMeetingAt
      ? "Your meeting is a natural moment to catch up."
      : draft
        ? `${draft.label}.`
        : "A short note or a call would do.";
    return [
      {
        ...ref(f),
        level: f.level,
        key: true,
        daysSince: since,
        cadenceDays: f.cadenceDays,
        daysOverdue: since - f.cadenceDays,
        nextStep,
        nextMeetingAt:
          f.nextMeetingAt && Date.parse(f.nextMeetingAt) > now.getTime() ? f.nextMeetingAt : undefined,
      },
    ];
  });
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.email.localeCompare(b.email));
  return listed(overdue);
}

/** Levels the user chose during the period (inferred changes leave no trace in the store). */
export function levelChanges(facts: Facts, start: number, end: number): WeeklyReportView["levelChanges"] {
  const changes = [...facts.values()].flatMap((f) => {
    if (!f.chosenLevel || !f.choiceAt) return [];
    const at = Date.parse(f.choiceAt);
    if (at < start || at >= end) return [];
    const from = f.inferredLevel !== f.chosenLevel ? f.inferredLevel : undefined;
    return [{ ...ref(f), from, to: f.chosenLevel, chosen: true }];
  });
  return listed(changes);
}

export function oneSided(facts: Facts, open: Suggestion[]): WeeklyReportView["oneSided"] {
  const flagged = open
    .filter((s) => s.kind === "reciprocity" && s.contactEmail)
    .flatMap((s) => {
      const f = facts.get(s.contactEmail ?? "");
      return f ? [{ ...ref(f), byUser: f.byUser, byContact: f.byContact }] : [];
    });
  const lean = (x: { byUser: number; byContact: number }) => x.byUser - x.byContact;
  return {
    youStart: flagged
      .filter((x) => lean(x) > 0)
      .sort((a, b) => lean(b) - lean(a))
      .slice(0, ONE_SIDED_CAP),
    theyStart: flagged
      .filter((x) => lean(x) < 0)
      .sort((a, b) => lean(a) - lean(b))
      .slice(0, ONE_SIDED_CAP),
  };
}

export function unansweredFromKeyContacts(facts: Facts): WeeklyReportView["unanswered"] {
  const waiting = [...facts.values()]
    .filter((f) => f.key && f.unansweredInbound > 0)
    .map((f) => ({ ...ref(f), count: f.unansweredInbound, oldestAt: f.oldestUnansweredAt }))
    .sort((a, b) => b.count - a.count || Date.parse(a.oldestAt ?? "") - Date.parse(b.oldestAt ?? ""));
  return listed(waiting);
}

/** The target to reach next: analysis's target_outreach pick, else the one silent the longest. */
export function nextTarget(facts: Facts, open: Suggestion[]) {
  const picked = open.find((s) => s.kind === "target_outreach" && s.contactEmail);
  const fromSuggestion = picked ? facts.get(picked.contactEmail ?? "") : undefined;
  const candidate =
    fromSuggestion ??
    [...facts.values()]
      .filter((f) => f.level === "target")
      .sort(
        (a, b) =>
          (a.lastContactAt ? Date.parse(a.lastContactAt) : 0) -
            (b.lastContactAt ? Date.parse(b.lastContactAt) : 0) || a.email.localeCompare(b.email),
      )[0];
  return candidate ? { ...ref(candidate), lastContactAt: candidate.lastContactAt } : undefined;
}

export function secondHand(facts: Facts, open: Suggestion[]): WeeklyReportView["secondHand"] {
  const items = open
    .filter((s) => s.kind === "second_hand" && s.contactEmail)
    .flatMap((s) => {
      const person = facts.get(s.contactEmail ?? "") ?? { email: s.contactEmail ?? "", name: undefined };
      // The evidence names the key contact; find it among the values rather than by field name.
      const keyEmail = Object.values(s.evidence).find((v) => typeof v === "string" && facts.get(v)?.key);
      const key = typeof keyEmail === "string" ? facts.get(keyEmail) : undefined;
      return key ? [{ ...ref(person), keyContact: ref(key), reason: s.explanation }] : [];
    });
  return listed(items);
}
