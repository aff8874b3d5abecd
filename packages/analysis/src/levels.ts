import type { ContactStats, RelationshipLevel } from "@rapport/core";
import { DAY_MS, type Instant, ms, toInstant } from "./time.ts";

export type InferredLevel = Exclude<RelationshipLevel, "target">;

export interface LevelInference {
  level: InferredLevel;
  /** Interaction health 0-100 (a behavioural proxy, not closeness). */
  health: number;
}

/** The latest real contact in the stats: a held meeting or mail either way. */
export function lastContactAt(stats: ContactStats): string | undefined {
  const dates = [stats.lastMetAt, stats.lastMailInAt, stats.lastMailOutAt].filter((d): d is string => !!d);
  return dates.sort((a, b) => ms(b) - ms(a))[0];
}

/**
 * Level from metadata alone (docs/analysis.md explains the thresholds and their sources).
 * Trusted = long, personal and reciprocal; transactional = repeated two-way business;
 * tentative = little history. Target is never inferred: only the user sets it.
 */
export function inferLevel(stats: ContactStats, now: Instant): LevelInference {
  const at = toInstant("now", now);
  return { level: levelOf(stats, at), health: healthOf(stats, at) };
}

function levelOf(stats: ContactStats, now: string): InferredLevel {
  const nowMs = ms(now);
  const tenureDays = stats.firstInteractionAt ? (nowMs - ms(stats.firstInteractionAt)) / DAY_MS : 0;
  const last = lastContactAt(stats);
  const silenceDays = last ? (nowMs - ms(last)) / DAY_MS : Number.POSITIVE_INFINITY;
  const byUser = stats.meetingsInitiatedByUser + stats.threadsStartedByUser;
  const byContact = stats.meetingsInitiatedByContact + stats.threadsStartedByContact;
  const twoWay = (byUser > 0 && byContact > 0) || (stats.mailIn > 0 && stats.mailOut > 0);
  const personal = stats.meetingsHeld + stats.mailIn + stats.mailOut;

  const trusted =
    tenureDays >= 180 &&
    silenceDays <= 365 &&
    stats.meetingsHeld >= 6 &&
    stats.oneOnOneMeetings >= 3 &&
    personal >= 12 &&
    twoWay;
  if (trusted) return "trusted";

  const transactional =
    stats.meetingsHeld >= 2 ||
    (stats.meetingsHeld >= 1 && twoWay) ||
    (stats.mailIn >= 3 && stats.mailOut >= 3);
  return transactional ? "transactional" : "tentative";
}

/**
 * Health: recency 35 (half-life 60 days), tenure 20 (a year fills it), frequency 20 (meetings in
 * the last 90 days plus personal mail per month of tenure), reciprocity 15 (min/max of
 * initiations), responsiveness 10 (lost as inbound mail waits unanswered).
 */
function healthOf(stats: ContactStats, now: string): number {
  const nowMs = ms(now);
  const last = lastContactAt(stats);
  if (!last) return 0;
  const silenceDays = Math.max(0, (nowMs - ms(last)) / DAY_MS);
  const recency = 35 * 2 ** (-silenceDays / 60);
  const tenureDays = stats.firstInteractionAt
    ? Math.max(0, (nowMs - ms(stats.firstInteractionAt)) / DAY_MS)
    : 0;
  const tenure = 20 * Math.min(1, tenureDays / 365);
  const months = Math.max(1, tenureDays / 30);
  const mailPerMonth = (stats.mailIn + stats.mailOut) / months;
  const frequency = 20 * Math.min(1, Math.log1p(stats.meetingsLast90Days + mailPerMonth) / Math.log1p(12));
  const byUser = stats.meetingsInitiatedByUser + stats.threadsStartedByUser;
  const byContact = stats.meetingsInitiatedByContact + stats.threadsStartedByContact;
  const most = Math.max(byUser, byContact);
  const reciprocity = most === 0 ? 0 : 15 * (Math.min(byUser, byContact) / most);
  const responsiveness = 10 * (1 - Math.min(1, stats.unansweredInbound / 3));
  return Math.round(recency + tenure + frequency + reciprocity + responsiveness);
}
