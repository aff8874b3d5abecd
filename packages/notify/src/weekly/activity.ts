import type { Interaction } from "@rapport/core";
import type { Store } from "@rapport/store";
import type { DateTime } from "luxon";

/**
 * Interactions folded into weekly buckets per contact, read page by page: memory grows with
 * contacts x weeks, never with the number of interactions.
 */

/** 21 weeks: the 8 trend weeks plus the 13 weeks (91 days) of history each of them looks at. */
export const BUCKETS = 21;
export const WINDOW_WEEKS = 13;

export interface ContactActivity {
  /** Interactions per week (meetings held, mail either way). */
  count: Uint16Array;
  /** Latest interaction time in each week, epoch ms (0: none). */
  last: Float64Array;
  /** 1 when the user reached out that week (mail sent or meeting organized). */
  reached: Uint8Array;
}

export interface ActivityGrid {
  /** BUCKETS + 1 local week boundaries (epoch ms), oldest first; the last is the period end. */
  boundaries: number[];
  byContact: Map<string, ContactActivity>;
}

export function weekBoundaries(periodEnd: DateTime): number[] {
  return Array.from({ length: BUCKETS + 1 }, (_, i) => periodEnd.minus({ weeks: BUCKETS - i }).toMillis());
}

export function bucketOf(boundaries: number[], at: number): number {
  if (at < (boundaries[0] ?? 0) || at >= (boundaries[BUCKETS] ?? 0)) return -1;
  let i = 0;
  while (at >= (boundaries[i + 1] ?? Number.POSITIVE_INFINITY)) i++;
  return i;
}

function counts(i: Interaction): boolean {
  return i.kind === "mail" || i.status === "held" || i.status === undefined;
}

export function addInteraction(grid: ActivityGrid, i: Interaction): void {
  const at = Date.parse(i.at);
  const b = bucketOf(grid.boundaries, at);
  if (b < 0 || !counts(i)) return;
  let activity = grid.byContact.get(i.contactEmail);
  if (!activity) {
    activity = {
      count: new Uint16Array(BUCKETS),
      last: new Float64Array(BUCKETS),
      reached: new Uint8Array(BUCKETS),
    };
    grid.byContact.set(i.contactEmail, activity);
  }
  activity.count[b] = Math.min(65_535, (activity.count[b] ?? 0) + 1);
  if (at > (activity.last[b] ?? 0)) activity.last[b] = at;
  const userReached = i.kind === "mail" ? i.direction === "outbound" : i.initiatedBy === "user";
  if (userReached) activity.reached[b] = 1;
}

export async function readActivity(store: Store, userId: string, periodEnd: DateTime): Promise<ActivityGrid> {
  const grid: ActivityGrid = { boundaries: weekBoundaries(periodEnd), byContact: new Map() };
  const from = new Date(grid.boundaries[0] ?? 0).toISOString();
  const to = new Date(grid.boundaries[BUCKETS] ?? 0).toISOString();
  let cursor: string | undefined;
  do {
    const page = await store.interactions.listByTime(userId, from, to, { limit: 1000, cursor });
    for (const interaction of page.items) addInteraction(grid, interaction);
    cursor = page.cursor;
  } while (cursor);
  return grid;
}
