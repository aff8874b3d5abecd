import type { ActivityGrid, ContactActivity } from "./activity.ts";
import { BUCKETS, WINDOW_WEEKS } from "./activity.ts";

/**
 * The overall health figure and its trend (see docs/emails.md).
 *
 * Figure: mean of the stored per-contact health over the contacts with any interaction in the
 * last 90 days, key contacts weighing KEY_WEIGHT times.
 * Trend: the same mean recomputed at each of the last 8 week ends from interactions, with a
 * per-contact estimate (recency against cadence, frequency), then anchored so the last point
 * equals the stored figure: the shape comes from history, the level from today's health.
 */

export const KEY_WEIGHT = 3;
export const TREND_WEEKS = 8;
const DAY_MS = 86_400_000;

export interface HealthInput {
  health: number;
  key: boolean;
  /** Latest of last met, last mail in, last mail out. */
  lastContactAt?: string;
  cadenceDays: number;
}

export function overallHealth(contacts: Iterable<HealthInput>, now: Date) {
  const since = now.getTime() - 90 * DAY_MS;
  let sum = 0;
  let weight = 0;
  let counted = 0;
  let keyCounted = 0;
  for (const c of contacts) {
    if (!c.lastContactAt || Date.parse(c.lastContactAt) < since) continue;
    const w = c.key ? KEY_WEIGHT : 1;
    sum += c.health * w;
    weight += w;
    counted++;
    if (c.key) keyCounted++;
  }
  return {
    score: weight > 0 ? sum / weight : null,
    contactsCounted: counted,
    keyContactsCounted: keyCounted,
  };
}

/** Estimated health of one contact at the end of week `b` from its weekly buckets, or null if silent. */
export function estimateHealthAt(
  activity: ContactActivity,
  b: number,
  endMs: number,
  cadenceDays: number,
): number | null {
  let interactions = 0;
  let last = 0;
  for (let i = Math.max(0, b - WINDOW_WEEKS + 1); i <= b; i++) {
    interactions += activity.count[i] ?? 0;
    last = Math.max(last, activity.last[i] ?? 0);
  }
  if (interactions === 0) return null;
  const daysSince = (endMs - last) / DAY_MS;
  const recency =
    daysSince <= cadenceDays ? 1 : Math.max(0, 1 - (daysSince - cadenceDays) / (2 * cadenceDays));
  const expected = Math.max(1, (WINDOW_WEEKS * 7) / cadenceDays);
  const frequency = Math.min(1, interactions / expected);
  return 100 * (0.6 * recency + 0.4 * frequency);
}

/** Eight weekly points, oldest first; null for a week with nobody in touch. */
export function healthTrend(
  grid: ActivityGrid,
  contactInfo: (email: string) => { key: boolean; cadenceDays: number } | undefined,
  current: number | null,
): Array<number | null> {
  const raw: Array<number | null> = [];
  for (let b = BUCKETS - TREND_WEEKS; b < BUCKETS; b++) {
    const endMs = grid.boundaries[b + 1] ?? 0;
    let sum = 0;
    let weight = 0;
    for (const [email, activity] of grid.byContact) {
      const info = contactInfo(email);
      if (!info) continue;
      const h = estimateHealthAt(activity, b, endMs, info.cadenceDays);
      if (h === null) continue;
      const w = info.key ? KEY_WEIGHT : 1;
      sum += h * w;
      weight += w;
    }
    raw.push(weight > 0 ? sum / weight : null);
  }
  const lastRaw = raw.at(-1);
  if (current === null || lastRaw === null || lastRaw === undefined) return raw.map(round);
  const offset = current - lastRaw;
  return raw.map((v) => (v === null ? null : round(Math.min(100, Math.max(0, v + offset)))));
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10;
}
