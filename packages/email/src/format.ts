import type { RelationshipLevel } from "@rapport/core";

/** Small wording helpers shared by the HTML and plain-text parts. */

const DAY_MS = 86_400_000;

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function displayName(person: { email: string; name?: string | undefined }): string {
  return person.name?.trim() || person.email;
}

export function firstName(person: { email: string; name?: string | undefined }): string {
  const name = person.name?.trim();
  return name ? (name.split(/\s+/)[0] ?? name) : person.email;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Whole days from `then` to `now`, never negative. */
export function daysBetween(then: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(then)) / DAY_MS));
}

export function daysAgo(then: string | undefined, now: string): string | undefined {
  if (!then) return undefined;
  const days = daysBetween(then, now);
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

export function localDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(new Date(iso));
}

/** A calendar date (yyyy-mm-dd) as "3 Nov"; dates carry no zone. */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(
    new Date(`${date.slice(0, 10)}T12:00:00Z`),
  );
}

export function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(`${date.slice(0, 10)}T12:00:00Z`));
}

const LEVEL_NAMES: Record<RelationshipLevel, string> = {
  trusted: "Trusted",
  transactional: "Transactional",
  tentative: "Tentative",
  target: "Target",
};

export function levelName(level: RelationshipLevel): string {
  return LEVEL_NAMES[level];
}

export function latest(...dates: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && (!best || Date.parse(d) > Date.parse(best))) best = d;
  return best;
}
