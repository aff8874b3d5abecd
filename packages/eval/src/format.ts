import type { Expectation } from "./scenario.ts";
import type { EvalReport, KindScore, ObservedSuggestion, ScenarioScore } from "./score.ts";
import { isFailed } from "./score.ts";

/** How `pnpm eval` prints its result: one JSON line, or a table for people. */

export function formatJson(report: EvalReport): string {
  return JSON.stringify(report);
}

const rate = (value: number) => value.toFixed(2);

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0)))
    .join("  ");
}

function describeExpectation(entry: Expectation): string {
  return [entry.kind, entry.contact, entry.eventId && `event ${entry.eventId}`].filter(Boolean).join(" ");
}

function describeSuggestion(entry: ObservedSuggestion): string {
  return [entry.kind, entry.contactEmail, entry.eventId && `event ${entry.eventId}`]
    .filter(Boolean)
    .join(" ");
}

export function formatTable(report: EvalReport, scores: ScenarioScore[]): string {
  const header = ["kind", "tp", "fp", "fn", "precision", "recall"];
  const line = (kind: string, score: KindScore) => [
    kind,
    String(score.tp),
    String(score.fp),
    String(score.fn),
    rate(score.precision),
    rate(score.recall),
  ];
  const body = Object.entries(report.byKind).map(([kind, score]) => line(kind, score as KindScore));
  const total = line("overall", report.overall);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body, total].map((cells) => (cells[column] ?? "").length)),
  );
  const lines = [row(header, widths), ...body.map((cells) => row(cells, widths)), row(total, widths)];
  lines.push("", `${report.scenarios} scenarios, ${report.failed.length} failed`);
  for (const score of scores.filter(isFailed)) {
    lines.push(`  ${score.name}`);
    for (const entry of score.missing) lines.push(`    missing: ${describeExpectation(entry)}`);
    for (const entry of score.extra) lines.push(`    extra:   ${describeSuggestion(entry)}`);
  }
  return lines.join("\n");
}
