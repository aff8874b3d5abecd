import type { User } from "@rapport/core";
import { DateTime } from "luxon";

/**
 * When the weekly report is due, in the user's own zone with luxon, so daylight-saving weeks
 * (a 23 or 25 hour Sunday) still put it at the local hour the user chose.
 */

export function localNow(user: Pick<User, "settings">, now: Date): DateTime {
  const local = DateTime.fromJSDate(now, { zone: user.settings.timeZone });
  return local.isValid ? local : DateTime.fromJSDate(now, { zone: "UTC" });
}

/** ISO week of a local date-time, e.g. 2026-W45: one report per such week. */
export function isoWeekKey(local: DateTime): string {
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`;
}

/**
 * The delivery key of this week's report when the user's local time is at or after their report
 * day and hour in the current local ISO week; undefined before that, or when reports are off.
 */
export function weeklyReportDue(user: Pick<User, "settings">, now: Date): string | undefined {
  const { report } = user.settings;
  if (!report.enabled) return undefined;
  const local = localNow(user, now);
  const due = local
    .startOf("week")
    .plus({ days: report.day - 1 })
    .set({ hour: report.hour });
  return local >= due ? isoWeekKey(local) : undefined;
}

export interface ReportPeriod {
  /** Local midnight starting the seven days, and the midnight ending them (exclusive). */
  start: DateTime;
  end: DateTime;
}

/**
 * The seven local days a report covers: those ending at the most recent local midnight of the
 * user's report day. A Monday report covers Monday to Sunday just past.
 */
export function reportPeriod(user: Pick<User, "settings">, now: Date): ReportPeriod {
  const local = localNow(user, now);
  let end = local.startOf("week").plus({ days: user.settings.report.day - 1 });
  if (end > local) end = end.minus({ weeks: 1 });
  return { start: end.minus({ weeks: 1 }), end };
}
