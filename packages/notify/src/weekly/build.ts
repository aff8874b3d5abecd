import type { User } from "@rapport/core";
import type { EmailLinks, WeeklyReportView } from "@rapport/email";
import type { Store } from "@rapport/store";
import { DateTime } from "luxon";
import { BUCKETS, readActivity } from "./activity.ts";
import { readContactFacts, readOpenSuggestions } from "./facts.ts";
import { healthTrend, overallHealth, TREND_WEEKS } from "./health.ts";
import { reportPeriod } from "./schedule.ts";
import {
  levelChanges,
  nextTarget,
  oneSided,
  overdueKeyContacts,
  secondHand,
  unansweredFromKeyContacts,
} from "./sections.ts";
import { unannouncedAdditions } from "./unannounced.ts";

/** Goal of the Target level: reach out to one target a week. */
export const TARGET_GOAL = 1;
const DEFAULT_CADENCE = 30;

export interface BuildWeeklyReportInput {
  store: Store;
  user: User;
  now: Date;
  links: EmailLinks;
}

/**
 * The weekly report's view for one user: used by the weekly job, GET /api/v1/reports/weekly and
 * `pnpm report`. Reads contacts, open suggestions and 21 weeks of interactions, page by page.
 */
export async function buildWeeklyReport({
  store,
  user,
  now,
  links,
}: BuildWeeklyReportInput): Promise<WeeklyReportView> {
  const period = reportPeriod(user, now);
  const [facts, open, activity] = await Promise.all([
    readContactFacts(store, user),
    readOpenSuggestions(store, user.userId),
    readActivity(store, user.userId, period.end),
  ]);

  const health = overallHealth(
    [...facts.values()].map((f) => ({ ...f, cadenceDays: f.cadenceDays ?? DEFAULT_CADENCE })),
    now,
  );
  const trend = healthTrend(
    activity,
    (email) => {
      const f = facts.get(email);
      return f ? { key: f.key, cadenceDays: f.cadenceDays ?? DEFAULT_CADENCE } : undefined;
    },
    health.score,
  );
  const weekStarts = activity.boundaries.slice(BUCKETS - TREND_WEEKS, BUCKETS);
  const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: period.end.zone }).toISODate() ?? "";

  const targets = [...facts.values()].filter((f) => f.level === "target");
  const reachedPerWeek = weekStarts.map((_, i) => {
    const bucket = BUCKETS - TREND_WEEKS + i;
    return targets.filter((t) => activity.byContact.get(t.email)?.reached[bucket] === 1).length;
  });

  return {
    userName: user.name,
    now: now.toISOString(),
    timeZone: user.settings.timeZone,
    links,
    week: {
      isoWeek: `${period.start.weekYear}-W${String(period.start.weekNumber).padStart(2, "0")}`,
      start: period.start.toISODate() ?? "",
      end: period.end.minus({ days: 1 }).toISODate() ?? "",
    },
    health: {
      score: health.score === null ? null : Math.round(health.score * 10) / 10,
      contactsCounted: health.contactsCounted,
      keyContactsCounted: health.keyContactsCounted,
      trend: weekStarts.map((ms, i) => ({ weekStart: localDate(ms), score: trend[i] ?? null })),
    },
    overdue: overdueKeyContacts(facts, open, now),
    levelChanges: levelChanges(facts, period.start.toMillis(), period.end.toMillis()),
    oneSided: oneSided(facts, open),
    unanswered: unansweredFromKeyContacts(facts),
    targets: {
      goal: TARGET_GOAL,
      reachedThisWeek: reachedPerWeek.at(-1) ?? 0,
      targetCount: targets.length,
      weeks: weekStarts.map((ms, i) => ({ weekStart: localDate(ms), reached: reachedPerWeek[i] ?? 0 })),
      next: nextTarget(facts, open),
    },
    unannounced: await unannouncedAdditions(store, user, open, facts, now),
    secondHand: secondHand(facts, open),
  };
}
