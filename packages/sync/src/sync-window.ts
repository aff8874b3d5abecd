import type { SyncCursors } from "@rapport/core";

const DAY_MS = 24 * 60 * 60 * 1000;
export const BACKFILL_DAYS = 180;
export const LOOKAHEAD_DAYS = 90;
/** When the window's end comes this close, it moves forward (a new initial round). */
const MIN_LOOKAHEAD_DAYS = 60;

export interface Window {
  start: Date;
  end: Date;
}

/**
 * The calendar window a sync covers: 180 days back, 90 ahead. Graph deltaLinks are bound to
 * their window, so the stored window is kept until its end gets within 60 days of now.
 */
export function calendarWindow(cursors: SyncCursors, now: Date): { window: Window; moved: boolean } {
  if (cursors.windowStart && cursors.windowEnd) {
    const end = new Date(cursors.windowEnd);
    if (end.getTime() - now.getTime() >= MIN_LOOKAHEAD_DAYS * DAY_MS) {
      return { window: { start: new Date(cursors.windowStart), end }, moved: false };
    }
  }
  return {
    window: {
      start: new Date(now.getTime() - BACKFILL_DAYS * DAY_MS),
      end: new Date(now.getTime() + LOOKAHEAD_DAYS * DAY_MS),
    },
    moved: true,
  };
}
