import { createHash } from "node:crypto";
import { z } from "zod";
import { MeetingRef } from "./meeting.ts";

export const SuggestionKind = z.enum([
  "unannounced_attendee",
  "reconnect",
  "first_meeting",
  "unanswered_mail",
  "reciprocity",
  "second_hand",
  "target_outreach",
]);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

export const SuggestionState = z.enum(["open", "dismissed", "snoozed", "done", "closed"]);
export type SuggestionState = z.infer<typeof SuggestionState>;

export const Severity = z.enum(["low", "medium", "high"]);
export type Severity = z.infer<typeof Severity>;

export const SuggestionAction = z.object({
  /** What the client does: open a draft, change state, set a level, mark key contact. */
  type: z.enum(["draft_email", "dismiss", "snooze", "done", "set_level", "mark_key", "open_contact"]),
  label: z.string(),
  /** draft_email: who the draft goes to, and its subject and text. */
  to: z.array(z.string()).optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  level: z.string().optional(),
});
export type SuggestionAction = z.infer<typeof SuggestionAction>;

/** Facts that justify a suggestion, shown to the user and hashed to detect material change. */
export const Evidence = z.record(z.string(), z.unknown());
export type Evidence = z.infer<typeof Evidence>;

/** What analysis produces: a suggestion before it meets its stored state. */
export const SuggestionDraft = z.object({
  kind: SuggestionKind,
  severity: Severity,
  title: z.string(),
  explanation: z.string(),
  evidence: Evidence,
  actions: z.array(SuggestionAction),
  meeting: MeetingRef.optional(),
  contactEmail: z.string().optional(),
  /**
   * What makes two drafts the same suggestion: meeting-scoped kinds use meeting + contact,
   * contact-scoped kinds the contact only (the meeting is context that may move), and
   * target_outreach the ISO week. Hashed into the id.
   */
  dedupeKey: z.string(),
  /** Sort key within a meeting or a list; higher first. */
  score: z.number(),
  /** Part of the evidence whose change reopens a dismissed suggestion. */
  materialEvidence: z.string(),
});
export type SuggestionDraft = z.infer<typeof SuggestionDraft>;

export const Suggestion = SuggestionDraft.extend({
  id: z.string(),
  userId: z.string(),
  state: SuggestionState,
  snoozedUntil: z.string().optional(),
  /** Hash of materialEvidence when the user dismissed it. */
  dismissedEvidence: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

/**
 * Deterministic id: the same kind about the same meeting and contact is the same suggestion,
 * so re-analysis updates it instead of adding another.
 */
export function suggestionId(userId: string, draft: Pick<SuggestionDraft, "kind" | "dedupeKey">): string {
  const parts = [userId, draft.kind, draft.dedupeKey];
  return `sug_${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 22)}`;
}

export function evidenceHash(materialEvidence: string): string {
  return createHash("sha256").update(materialEvidence).digest("base64url").slice(0, 16);
}
