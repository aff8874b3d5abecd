import { DateTime, type WeekdayNumbers } from "luxon";
import type { Json } from "./state.ts";

export interface Occurrence {
  /** Suffix Google appends to the series id: `20260210T150000Z`, or `20260210` when all-day. */
  idSuffix: string;
  start: Json;
  end: Json;
  originalStartTime: Json;
}

interface Rule {
  freq: "DAILY" | "WEEKLY";
  interval: number;
  byDay: number[];
  count?: number;
  until?: number;
}

const WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };
const MAX_OCCURRENCES = 1000;

/**
 * Expands a series master with a simple RRULE (DAILY or WEEKLY with INTERVAL, BYDAY, COUNT,
 * UNTIL) into the occurrences overlapping [fromMs, toMs). Wall-clock time is kept across DST
 * in the event's time zone, as Google does. Other rules yield no occurrences.
 */
export function expandSeries(master: Json, fallbackZone: string, fromMs: number, toMs: number): Occurrence[] {
  const rule = parseRule(master.recurrence);
  const start = master.start as { date?: string; dateTime?: string; timeZone?: string } | undefined;
  const end = master.end as { date?: string; dateTime?: string } | undefined;
  if (!rule || !start || !end) return [];
  const allDay = typeof start.date === "string";
  const zone = start.timeZone ?? fallbackZone;
  const first = allDay
    ? DateTime.fromISO(start.date as string, { zone: "UTC" })
    : DateTime.fromISO(String(start.dateTime), { setZone: true }).setZone(zone);
  const last = allDay
    ? DateTime.fromISO(String(end.date), { zone: "UTC" })
    : DateTime.fromISO(String(end.dateTime));
  if (!first.isValid || !last.isValid) return [];
  const durationMs = last.toMillis() - first.toMillis();
  // Without BYDAY a weekly series repeats on the weekday of its first start.
  const byDay = rule.byDay.length > 0 ? rule.byDay : [first.weekday];

  const out: Occurrence[] = [];
  let produced = 0;
  for (let period = 0; produced < MAX_OCCURRENCES; period += rule.interval) {
    const candidates =
      rule.freq === "DAILY"
        ? [first.plus({ days: period })]
        : byDay.map((day) =>
            first
              .startOf("week")
              .plus({ weeks: period })
              .set({ weekday: day as WeekdayNumbers })
              .set(timeOf(first)),
          );
    for (const at of candidates) {
      if (at < first) continue;
      produced++;
      const beyond =
        (rule.count !== undefined && produced > rule.count) ||
        (rule.until !== undefined && at.toMillis() > rule.until);
      if (beyond || at.toMillis() >= toMs) return out;
      if (at.toMillis() + durationMs > fromMs) out.push(occurrence(at, durationMs, allDay, zone));
    }
  }
  return out;
}

function occurrence(at: DateTime, durationMs: number, allDay: boolean, zone: string): Occurrence {
  const finish = at.plus({ milliseconds: durationMs });
  if (allDay) {
    const day = { date: at.toISODate() };
    return {
      idSuffix: at.toFormat("yyyyMMdd"),
      start: day,
      end: { date: finish.toISODate() },
      originalStartTime: day,
    };
  }
  const startJson = { dateTime: at.toISO({ suppressMilliseconds: true }), timeZone: zone };
  return {
    idSuffix: at.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'"),
    start: startJson,
    end: { dateTime: finish.toISO({ suppressMilliseconds: true }), timeZone: zone },
    originalStartTime: startJson,
  };
}

function timeOf(dt: DateTime) {
  return { hour: dt.hour, minute: dt.minute, second: dt.second, millisecond: 0 };
}

function parseRule(recurrence: unknown): Rule | undefined {
  if (!Array.isArray(recurrence)) return undefined;
  const line = recurrence.find((r): r is string => typeof r === "string" && r.startsWith("RRULE:"));
  if (!line) return undefined;
  const parts = new Map(
    line
      .slice(6)
      .split(";")
      .map((p) => p.split("=") as [string, string]),
  );
  const freq = parts.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY") return undefined;
  const byDay = (parts.get("BYDAY") ?? "")
    .split(",")
    .map((d) => WEEKDAYS[d.trim().toUpperCase()])
    .filter((d): d is number => d !== undefined)
    .sort();
  const rule: Rule = { freq, interval: Math.max(1, Number(parts.get("INTERVAL") ?? 1) || 1), byDay };
  const count = Number(parts.get("COUNT"));
  if (Number.isInteger(count) && count > 0) rule.count = count;
  const until = parts.get("UNTIL");
  if (until) {
    const parsed = DateTime.fromFormat(
      until.replace(/Z$/, ""),
      until.length > 8 ? "yyyyMMdd'T'HHmmss" : "yyyyMMdd",
      { zone: "UTC" },
    );
    if (parsed.isValid) rule.until = parsed.toMillis() + (until.length > 8 ? 0 : 86_399_999);
  }
  return rule;
}
