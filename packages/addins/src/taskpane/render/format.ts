import type { RelationshipLevel, Severity } from "@rapport/core";

const DAY = 24 * 60 * 60 * 1000;

/** "today", "yesterday", "12 days ago", "3 months ago"; "never" when absent. */
export function relativeDay(iso: string | undefined, now: Date): string {
  if (!iso) return "never";
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return "unknown";
  const days = Math.floor((now.getTime() - then) / DAY);
  if (days < 0) return days === -1 ? "tomorrow" : `in ${-days} days`;
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30)} months ago`;
  return `${Math.round(days / 365)} years ago`;
}

/** The latest of the given instants, or undefined. */
export function latest(...isos: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const iso of isos) if (iso && (!best || Date.parse(iso) > Date.parse(best))) best = iso;
  return best;
}

export const LEVELS: RelationshipLevel[] = ["trusted", "transactional", "tentative", "target"];

export function levelLabel(level: string): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

export function severityLabel(severity: Severity): string {
  return severity === "high" ? "Important" : severity === "medium" ? "Worth doing" : "FYI";
}

export function initials(name: string | undefined, email: string): string {
  const source = name?.trim() || email.split("@")[0] || "?";
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts[1]?.[0] ?? ""}` : source.slice(0, 2);
  return letters.toUpperCase();
}

/** Plain text to the HTML body of a draft: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("");
}
