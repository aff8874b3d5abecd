import { evidenceHash, type Suggestion, type SuggestionDraft, suggestionId } from "@rapport/core";
import { type AnalysisScope, inScope } from "./input.ts";
import { type Instant, ms, toInstant } from "./time.ts";

export interface ReconcileInput {
  userId: string;
  now: Instant;
  /** The stored suggestions this run concerns (others are ignored). */
  existing: Suggestion[];
  drafts: SuggestionDraft[];
  scope?: AnalysisScope;
}

/**
 * Meets fresh drafts with stored suggestions and returns only the records that must be written:
 * new ones open, changed ones updated, vanished ones closed. The user's decisions hold: dismissed
 * and done stay so until the material evidence changes; snoozed wait until their time.
 */
export function reconcileSuggestions(input: ReconcileInput): Suggestion[] {
  const { userId, scope } = input;
  const now = toInstant("now", input.now);
  const stored = new Map(input.existing.filter((s) => inScope(s, scope)).map((s) => [s.id, s]));
  const writes: Suggestion[] = [];
  const drafted = new Set<string>();
  for (const draft of input.drafts) {
    if (!inScope(draft, scope)) continue;
    const id = suggestionId(userId, draft);
    if (drafted.has(id)) continue;
    drafted.add(id);
    const before = stored.get(id);
    const after = before ? evolve(before, draft, now) : fresh(userId, id, draft, now);
    if (!before || changed(before, after)) writes.push({ ...after, updatedAt: now });
  }
  for (const before of stored.values()) {
    if (drafted.has(before.id) || before.state === "closed" || before.state === "done") continue;
    // Closing keeps the dismissal's evidence, so the same cause coming back stays dismissed.
    const closed: Suggestion = { ...without(before, "snoozedUntil"), state: "closed", updatedAt: now };
    if (before.state === "dismissed") closed.dismissedEvidence = baseline(before);
    writes.push(closed);
  }
  return writes;
}

function fresh(userId: string, id: string, draft: SuggestionDraft, now: string): Suggestion {
  return { ...draft, id, userId, state: "open", createdAt: now, updatedAt: now };
}

/** The evidence hash a dismissal (or completion) was made against. */
function baseline(s: Suggestion): string {
  return s.dismissedEvidence ?? evidenceHash(s.materialEvidence);
}

function evolve(before: Suggestion, draft: SuggestionDraft, now: string): Suggestion {
  const content: Suggestion = { ...without(before, "snoozedUntil", "dismissedEvidence"), ...draft };
  const hash = evidenceHash(draft.materialEvidence);
  switch (before.state) {
    case "open":
      return content;
    case "snoozed":
      if (before.snoozedUntil && ms(before.snoozedUntil) > ms(now)) {
        return { ...content, snoozedUntil: before.snoozedUntil };
      }
      return { ...content, state: "open" };
    case "dismissed":
    case "done":
      if (hash !== baseline(before)) return { ...content, state: "open" };
      // Same material evidence: the stored hash (if any) still holds the decision.
      return before.dismissedEvidence ? { ...content, dismissedEvidence: before.dismissedEvidence } : content;
    case "closed":
      if (before.dismissedEvidence === hash)
        return { ...content, state: "dismissed", dismissedEvidence: hash };
      return { ...content, state: "open" };
  }
}

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

const compared: (keyof Suggestion)[] = [
  "state",
  "snoozedUntil",
  "dismissedEvidence",
  "kind",
  "severity",
  "title",
  "explanation",
  "evidence",
  "actions",
  "meeting",
  "contactEmail",
  "dedupeKey",
  "score",
  "materialEvidence",
];

function changed(a: Suggestion, b: Suggestion): boolean {
  return compared.some((key) => stable(a[key]) !== stable(b[key]));
}

/** JSON with sorted keys and without undefined, so a stored copy compares equal to a fresh one. */
function stable(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
          )
        : v,
    ) ?? ""
  );
}
