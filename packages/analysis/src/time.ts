import { DateTime } from "luxon";

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds since the epoch of an ISO instant; NaN-safe callers check with Number.isFinite. */
export function ms(iso: string): number {
  return DateTime.fromISO(iso, { zone: "utc" }).toMillis();
}

export function iso(millis: number): string {
  return DateTime.fromMillis(millis, { zone: "utc" }).toISO() ?? new Date(millis).toISOString();
}

/**
 * Elapsed days between two instants, as 24-hour days (RULES.md). Computed on UTC instants, so a
 * daylight-saving change in the user's zone never adds or removes an hour from the count.
 */
export function daysBetween(fromIso: string, toIso: string): number {
  return (ms(toIso) - ms(fromIso)) / DAY_MS;
}

/** Whole days for display ("52 days"). */
export function wholeDays(fromIso: string, toIso: string): number {
  return Math.floor(daysBetween(fromIso, toIso));
}

/** The ISO week of an instant in a time zone, e.g. "2026-W07", and when that week started. */
export function isoWeek(nowIso: string, timeZone: string): { key: string; start: string; end: string } {
  let local = DateTime.fromISO(nowIso, { zone: "utc" }).setZone(timeZone);
  if (!local.isValid) local = DateTime.fromISO(nowIso, { zone: "utc" });
  const start = local.startOf("week"); // luxon weeks are ISO weeks: Monday 00:00 local
  const end = start.plus({ weeks: 1 });
  const key = `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`;
  return { key, start: start.toUTC().toISO() ?? nowIso, end: end.toUTC().toISO() ?? nowIso };
}

/** A short local date for titles and explanations ("Mon 9 Feb"). */
export function localDate(instant: string, timeZone: string): string {
  const dt = DateTime.fromISO(instant, { zone: "utc" }).setZone(timeZone);
  return (dt.isValid ? dt : DateTime.fromISO(instant, { zone: "utc" })).toFormat("ccc d LLL");
}

/** A moment as callers hold it: an ISO 8601 string or a Date. */
export type Instant = string | Date;

/** The ISO string of an instant; bad input gets a clear error, never a silent NaN. */
export function toInstant(name: string, value: Instant | undefined): string {
  const text = value instanceof Date ? (Number.isFinite(value.getTime()) ? value.toISOString() : "") : value;
  if (typeof text !== "string" || !Number.isFinite(ms(text))) {
    throw new TypeError(`${name} must be an ISO 8601 instant, got ${JSON.stringify(value)}`);
  }
  return text;
}
