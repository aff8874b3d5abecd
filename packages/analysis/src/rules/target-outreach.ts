import { effectiveLevel, normalizeEmail, type SuggestionDraft } from "@rapport/core";
import { draftEmail, scoreOf, stateActions } from "../draft.ts";
import { type Facts, firstName, lastContact } from "../facts.ts";
import { isoWeek, ms } from "../time.ts";

/**
 * Rule 7: one target a week. When no target was contacted by the user this ISO week (user's
 * time zone, weeks start Monday), suggest the target with the oldest last contact.
 */
export function targetOutreach(facts: Facts): SuggestionDraft[] {
  const targets = [...facts.contacts.values()]
    .filter((c) => effectiveLevel(c) === "target")
    .map((c) => normalizeEmail(c.email))
    .filter((email) => !facts.own.has(email));
  if (targets.length === 0) return [];
  const week = isoWeek(facts.now, facts.user.settings.timeZone);
  const from = ms(week.start);
  const inWeek = (at: string | undefined) => at !== undefined && ms(at) >= from && ms(at) <= facts.nowMs;
  const targetSet = new Set(targets);
  for (const email of targets) {
    if ((facts.mailByContact.get(email) ?? []).some((m) => m.direction === "outbound" && inWeek(m.at)))
      return [];
  }
  for (const view of facts.views) {
    if (!view.meeting.isOrganizer || !inWeek(view.meeting.createdAt ?? view.meeting.firstSeenAt)) continue;
    if ([...view.people.keys()].some((p) => targetSet.has(p))) return [];
  }
  const ranked = targets
    .map((email) => ({ email, last: lastContact(facts, email) }))
    .sort((a, b) => {
      if (!a.last !== !b.last) return a.last ? 1 : -1; // never contacted first
      const byDate = a.last && b.last ? ms(a.last) - ms(b.last) : 0;
      return byDate !== 0 ? byDate : a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
    });
  const pick = ranked[0];
  if (!pick) return [];
  const name = firstName(facts, pick.email);
  return [
    {
      kind: "target_outreach",
      severity: "low",
      title: `Reach out to ${name} this week`,
      explanation: pick.last
        ? `One target a week: ${name} is the target you have been out of touch with longest.`
        : `One target a week: you have not been in touch with ${name} yet.`,
      evidence: { week: week.key, target: pick.email, lastContactAt: pick.last, targets: targets.length },
      actions: [
        draftEmail(
          [pick.email],
          "Hello",
          `Hi ${name},\n\nI have been meaning to get in touch. `,
          "Write to them",
        ),
        ...stateActions,
      ],
      contactEmail: pick.email,
      dedupeKey: week.key,
      score: scoreOf("low", undefined, facts),
      materialEvidence: `week|${week.key}`,
    },
  ];
}
