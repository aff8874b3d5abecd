import type { Severity, SuggestionAction, SuggestionDraft } from "@rapport/core";
import type { Facts } from "./facts.ts";
import { DAY_MS, ms } from "./time.ts";

const severityWeight: Record<Severity, number> = { high: 3000, medium: 2000, low: 1000 };

/**
 * Severity first, then recency: how close the moment that matters is to now (a meeting's start,
 * the latest evidence), in whole days so that re-analysis within a day yields the same score.
 */
export function scoreOf(severity: Severity, moment: string | undefined, facts: Facts): number {
  if (!moment) return severityWeight[severity];
  const days = Math.floor(Math.abs(ms(moment) - facts.nowMs) / DAY_MS);
  return severityWeight[severity] + Math.max(0, 999 - days * 10);
}

export const stateActions: SuggestionAction[] = [
  { type: "done", label: "Done" },
  { type: "snooze", label: "Remind me later" },
  { type: "dismiss", label: "Dismiss" },
];

export function draftEmail(
  to: string[],
  subject: string,
  body: string,
  label = "Draft an email",
): SuggestionAction {
  return { type: "draft_email", label, to, subject, body };
}

export function setLevel(level: string, label: string): SuggestionAction {
  return { type: "set_level", label, level };
}

export const markKey: SuggestionAction = { type: "mark_key", label: "Mark as key contact" };
export const openContact: SuggestionAction = { type: "open_contact", label: "Open contact" };

/** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo and 3 others". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= 3) return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.slice(0, 2).join(", ")} and ${names.length - 2} others`;
}

export type Draft = SuggestionDraft;
