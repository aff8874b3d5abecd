import { DateTime } from "luxon";
import type { DemoEvent } from "./types.ts";

/**
 * Start instants (UTC ISO) of every occurrence of a weekly series as first scheduled,
 * keeping the local wall-clock time across daylight-saving changes.
 */
export function seriesOccurrenceStarts(master: DemoEvent): string[] {
  const rule = master.recurrence;
  if (!rule) return [master.start];
  const first = DateTime.fromISO(master.start, { zone: master.timeZone });
  const starts: string[] = [];
  for (let i = 0; i < rule.count; i++) {
    const local = first.plus({ weeks: i * rule.interval });
    starts.push(local.toUTC().toISO({ suppressMilliseconds: true }) ?? "");
  }
  return starts;
}

/** Duration of an event in milliseconds. */
export function eventDurationMs(event: Pick<DemoEvent, "start" | "end">): number {
  return Date.parse(event.end) - Date.parse(event.start);
}

/** The n-th occurrence start of a series (0-based), as first scheduled. */
export function occurrenceStart(master: DemoEvent, index: number): string {
  const starts = seriesOccurrenceStarts(master);
  const start = starts[index];
  if (start === undefined) throw new Error(`series ${master.id} has no occurrence ${index}`);
  return start;
}
