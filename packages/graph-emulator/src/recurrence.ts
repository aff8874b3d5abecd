import { DateTime } from "luxon";
import type { PatternedRecurrence } from "./graph-shapes.ts";
import { ianaZone } from "./time-zones.ts";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/** Safety bound for `noEnd` series and bad input. */
const MAX_OCCURRENCES = 2000;

/**
 * Start instants (epoch ms) of a Graph recurring series, as first scheduled, up to `until`.
 * Occurrences keep the master's local wall-clock time in its recurrence zone (DST-safe).
 * Supports daily, weekly and absoluteMonthly patterns, the ones calendars use day to day.
 */
export function occurrenceStarts(input: {
  masterStartMs: number;
  zone: string;
  recurrence: PatternedRecurrence;
  until: number;
}): number[] {
  const { pattern, range } = input.recurrence;
  const zone = ianaZone(range.recurrenceTimeZone) ?? input.zone;
  const first = DateTime.fromMillis(input.masterStartMs, { zone });
  const lastDay =
    range.type === "endDate" && range.endDate
      ? DateTime.fromISO(range.endDate, { zone }).endOf("day")
      : undefined;
  const limit = range.type === "numbered" ? (range.numberOfOccurrences ?? 1) : MAX_OCCURRENCES;
  const starts: number[] = [];
  const accept = (local: DateTime): boolean => {
    if (starts.length >= limit || local.toMillis() > input.until) return false;
    if (lastDay && local > lastDay) return false;
    if (local >= first) starts.push(local.toMillis());
    return true;
  };
  const interval = pattern.interval;
  if (pattern.type === "daily") {
    for (let i = 0; accept(first.plus({ days: i * interval })); i++);
  } else if (pattern.type === "weekly") {
    const days = (pattern.daysOfWeek ?? [WEEKDAYS[first.weekday - 1] as string])
      .map((d) => WEEKDAYS.indexOf(d.toLowerCase()) + 1)
      .filter((d) => d > 0)
      .sort((a, b) => a - b);
    const weekStart = first.minus({ days: first.weekday - 1 });
    outer: for (let week = 0; week < MAX_OCCURRENCES; week += interval) {
      for (const day of days) {
        const local = weekStart.plus({ weeks: week, days: day - 1 });
        if (!accept(local)) break outer;
      }
    }
  } else if (pattern.type === "absoluteMonthly") {
    const dayOfMonth = pattern.dayOfMonth ?? first.day;
    for (let i = 0; i < MAX_OCCURRENCES; i++) {
      const month = first.plus({ months: i * interval });
      if (dayOfMonth > (month.daysInMonth ?? 31)) continue;
      if (!accept(month.set({ day: dayOfMonth }))) break;
    }
  } else {
    starts.push(input.masterStartMs);
  }
  return starts;
}
