import {
  type Contact,
  type Interaction,
  type Meeting,
  type MeetingRef,
  normalizeEmail,
  type SuggestionDraft,
} from "@rapport/core";
import type { UserContext } from "./identity.ts";

/**
 * What one analysis run concerns. No scope, or `full: true`, means everything. Incremental runs
 * name the meetings and people one change touched.
 */
export interface AnalysisScope {
  full?: boolean;
  meetings?: MeetingRef[];
  /** Addresses of people whose suggestions need a fresh look. */
  contacts?: string[];
  /** The user-level suggestion (target_outreach of this week). */
  userLevel?: boolean;
}

export const FULL_SCOPE: AnalysisScope = { full: true };

/**
 * Everything analysis reads. It is pure: the store loads these, analysis never asks for more.
 * docs/analysis.md says what a full and an incremental run must load.
 */
export interface AnalysisInput {
  user: UserContext;
  /** ISO instant (or Date); the only clock analysis knows. */
  now: string | Date;
  scope?: AnalysisScope;
  /**
   * Every stored meeting starting at or after now - 180 days (past and upcoming, cancelled ones
   * included), each with its attendee history.
   */
  meetings: Meeting[];
  /**
   * Contact records (stats + overrides) of every person in scope and on the scope's meetings, and
   * of every contact with a user override (key, level, cadence). A full run passes all contacts.
   */
  contacts: Contact[];
  /**
   * Mail interactions (kind "mail"; others are ignored) at or after now - 180 days. A full run
   * passes all of them; an incremental run those of the people named above.
   */
  mail: Interaction[];
}

export type ScopedItem = Pick<SuggestionDraft, "kind" | "meeting" | "contactEmail">;

/** True when a draft (or a stored suggestion) belongs to what this run re-analysed. */
export function inScope(item: ScopedItem, scope: AnalysisScope | undefined): boolean {
  if (!scope || scope.full === true) return true;
  if (item.kind === "target_outreach") return scope.userLevel === true;
  const meeting = item.meeting;
  if (
    meeting &&
    scope.meetings?.some((m) => m.provider === meeting.provider && m.eventId === meeting.eventId)
  ) {
    return true;
  }
  const contact = item.contactEmail;
  return (
    contact !== undefined && (scope.contacts ?? []).some((c) => normalizeEmail(c) === normalizeEmail(contact))
  );
}
