import { normalizeEmail, type SuggestionKind } from "@rapport/core";
import type { Expectation } from "./scenario.ts";

/**
 * Scoring exactly as shared/scenario-format.md says. Pure: the replay produces the observed
 * suggestions, this compares them with the scenario's ground truth.
 */

/** An open suggestion as the API returned it, reduced to what matching looks at. */
export interface ObservedSuggestion {
  kind: SuggestionKind;
  eventId?: string;
  contactEmail?: string;
}

export interface ScenarioOutcome {
  name: string;
  expect: Expectation[];
  expectAbsent: Expectation[];
  observed: ObservedSuggestion[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface KindScore extends Counts {
  precision: number;
  recall: number;
}

export interface ScenarioScore {
  name: string;
  byKind: Partial<Record<SuggestionKind, Counts>>;
  /** Expectations no suggestion matched (false negatives). */
  missing: Expectation[];
  /** Suggestions counted as false positives. */
  extra: ObservedSuggestion[];
}

export interface EvalReport {
  scenarios: number;
  failed: string[];
  byKind: Partial<Record<SuggestionKind, KindScore>>;
  overall: KindScore;
}

/** Same kind, same meeting when the expectation names one, same contact (any case) when named. */
export function matches(expectation: Expectation, suggestion: ObservedSuggestion): boolean {
  if (expectation.kind !== suggestion.kind) return false;
  if (expectation.eventId !== undefined && expectation.eventId !== suggestion.eventId) return false;
  if (expectation.contact === undefined) return true;
  return (
    suggestion.contactEmail !== undefined &&
    normalizeEmail(expectation.contact) === normalizeEmail(suggestion.contactEmail)
  );
}

/** Each suggestion counts once: a false positive when it matches no `expect` entry or any `expectAbsent` entry. */
export function scoreScenario(outcome: ScenarioOutcome): ScenarioScore {
  const listed = new Set<SuggestionKind>(
    [...outcome.expect, ...outcome.expectAbsent].map((entry) => entry.kind),
  );
  const byKind: Partial<Record<SuggestionKind, Counts>> = {};
  for (const kind of listed) byKind[kind] = { tp: 0, fp: 0, fn: 0 };
  const count = (kind: SuggestionKind) => byKind[kind] as Counts;

  const missing: Expectation[] = [];
  for (const expectation of outcome.expect) {
    if (outcome.observed.some((suggestion) => matches(expectation, suggestion)))
      count(expectation.kind).tp += 1;
    else {
      count(expectation.kind).fn += 1;
      missing.push(expectation);
    }
  }

  const extra: ObservedSuggestion[] = [];
  for (const suggestion of outcome.observed) {
    if (!listed.has(suggestion.kind)) continue;
    const expected = outcome.expect.some((entry) => matches(entry, suggestion));
    const forbidden = outcome.expectAbsent.some((entry) => matches(entry, suggestion));
    if (expected && !forbidden) continue;
    count(suggestion.kind).fp += 1;
    extra.push(suggestion);
  }
  return { name: outcome.name, byKind, missing, extra };
}

/** Precision and recall are 1.0 when their denominator is 0 (nothing claimed, nothing expected). */
export function withRates(counts: Counts): KindScore {
  const claimed = counts.tp + counts.fp;
  const expected = counts.tp + counts.fn;
  return {
    ...counts,
    precision: claimed === 0 ? 1 : counts.tp / claimed,
    recall: expected === 0 ? 1 : counts.tp / expected,
  };
}

export function isFailed(score: ScenarioScore): boolean {
  return score.missing.length > 0 || score.extra.length > 0;
}

function add(into: Counts, counts: Counts): Counts {
  into.tp += counts.tp;
  into.fp += counts.fp;
  into.fn += counts.fn;
  return into;
}

/** Sums the scenarios per kind and overall; only kinds some scenario lists appear. */
export function summarize(scores: ScenarioScore[]): EvalReport {
  const totals: Partial<Record<SuggestionKind, Counts>> = {};
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const score of scores) {
    for (const [kind, counts] of Object.entries(score.byKind) as [SuggestionKind, Counts][]) {
      totals[kind] = add(totals[kind] ?? { tp: 0, fp: 0, fn: 0 }, counts);
      add(overall, counts);
    }
  }
  const byKind: Partial<Record<SuggestionKind, KindScore>> = {};
  for (const kind of Object.keys(totals).sort() as SuggestionKind[])
    byKind[kind] = withRates(totals[kind] as Counts);
  return {
    scenarios: scores.length,
    failed: scores.filter(isFailed).map((score) => score.name),
    byKind,
    overall: withRates(overall),
  };
}

/** The bar of `pnpm eval`: overall precision and recall >= 0.95, and every kind >= 0.9. */
export function meetsBar(report: EvalReport): boolean {
  const kindsOk = Object.values(report.byKind).every(
    (score) => score.precision >= 0.9 && score.recall >= 0.9,
  );
  return kindsOk && report.overall.precision >= 0.95 && report.overall.recall >= 0.95;
}
