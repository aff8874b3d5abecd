import type { Suggestion } from "@rapport/core";

const severityOrder = { high: 3, medium: 2, low: 1 } as const;

/**
 * Open suggestions best first (severity, then the score's recency, then newest), the first `cap`
 * shown and the rest one click away.
 */
export function rankSuggestions(
  suggestions: Suggestion[],
  cap = 3,
): { top: Suggestion[]; more: Suggestion[] } {
  const ranked = suggestions
    .filter((s) => s.state === "open")
    .sort(
      (a, b) =>
        severityOrder[b.severity] - severityOrder[a.severity] ||
        b.score - a.score ||
        (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
  return { top: ranked.slice(0, cap), more: ranked.slice(cap) };
}
