import type { Job } from "@rapport/platform";

/**
 * The scheduled jobs, one list for both worlds: stacks/cron.ts gives each an EventBridge rule
 * with `schedule`; the local scheduler runs them every `everyMs`.
 */
export interface JobBodies {
  renewSubscriptions(now: Date): Promise<void>;
  sendBriefings(now: Date): Promise<void>;
  sendWeeklyReports(now: Date): Promise<void>;
  reanalyzeAll(now: Date): Promise<void>;
  scheduledSync(now: Date): Promise<void>;
}

const MINUTE = 60_000;

export function scheduledJobs(bodies: JobBodies): Job[] {
  return [
    { name: "renew-subscriptions", schedule: "rate(1 hour)", everyMs: 60 * MINUTE, run: bodies.renewSubscriptions },
    { name: "briefings", schedule: "rate(5 minutes)", everyMs: 5 * MINUTE, run: bodies.sendBriefings },
    { name: "weekly-report", schedule: "rate(1 hour)", everyMs: 60 * MINUTE, run: bodies.sendWeeklyReports },
    { name: "reanalyze", schedule: "cron(30 3 * * ? *)", everyMs: 24 * 60 * MINUTE, run: bodies.reanalyzeAll },
    // Google says push is not fully reliable; a cheap incremental sync bounds any loss to minutes.
    { name: "scheduled-sync", schedule: "rate(15 minutes)", everyMs: 15 * MINUTE, run: bodies.scheduledSync },
  ];
}
