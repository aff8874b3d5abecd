import { DateTime } from "luxon";

/**
 * Places demo meetings at plausible local office hours relative to `now`, so the demo is
 * always current. Pure: the same `now` always gives the same instants.
 */
export interface DemoClock {
  /** `days` business days from today (negative: before), at local `hour:minute`. */
  businessDay(days: number, hour: number, minute?: number): string;
  /** Weekday (1 = Monday) of the week `weeks` from this one, at local `hour:minute`. */
  weekday(weeks: number, isoWeekday: number, hour: number, minute?: number): string;
  /** Local midnight of the weekday, for all-day events. */
  midnight(weeks: number, isoWeekday: number): string;
}

export function demoClock(now: Date, zone: string): DemoClock {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const monday = today.minus({ days: today.weekday - 1 });
  const toIso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) ?? "";
  return {
    businessDay(days, hour, minute = 0) {
      let day = today;
      const step = days < 0 ? -1 : 1;
      for (let left = Math.abs(days); left > 0; ) {
        day = day.plus({ days: step });
        if (day.weekday <= 5) left--;
      }
      return toIso(day.set({ hour, minute }));
    },
    weekday(weeks, isoWeekday, hour, minute = 0) {
      return toIso(monday.plus({ weeks, days: isoWeekday - 1 }).set({ hour, minute }));
    },
    midnight(weeks, isoWeekday) {
      return toIso(monday.plus({ weeks, days: isoWeekday - 1 }));
    },
  };
}

export function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(".000Z", "Z");
}

export function weekdayName(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale("en").toFormat("cccc").toLowerCase();
}
