import { appFunction } from "./lambda.ts";
import { syncQueue } from "./queue.ts";

/**
 * Scheduled jobs (EventBridge Scheduler through CronV2). Each has a twin in the local
 * in-process scheduler (platform/scheduler.ts) with the same schedule; keep them in step.
 * Every job is idempotent (Delivery records, deterministic suggestion ids), so a retry is safe.
 */
function job(
  name: string,
  schedule: sst.aws.CronV2Args["schedule"],
  handler: string,
  timeout: sst.aws.FunctionArgs["timeout"],
) {
  return new sst.aws.CronV2(name, {
    schedule,
    function: appFunction(handler, { syncQueue, timeout }),
    event: { job: name },
    retries: 1,
  });
}

/** Graph subscriptions last under 3 days for mail and calendar, Google channels up to a week. */
export const renewSubscriptions = job(
  "RenewSubscriptions",
  "rate(1 hour)",
  "functions/src/renew-subscriptions.handler",
  "5 minutes",
);
/** Looks for meetings starting within each user's briefing lead time. */
export const briefings = job("Briefings", "rate(5 minutes)", "functions/src/briefings.handler", "4 minutes");
/** Hourly, so each user's report goes out on their day in their own time zone. */
export const weeklyReport = job(
  "WeeklyReport",
  "rate(1 hour)",
  "functions/src/weekly-report.handler",
  "10 minutes",
);
/** Daily re-analysis: cadence warnings age even when nothing changes. 03:00 UTC. */
export const reanalyze = job(
  "Reanalyze",
  "cron(0 3 * * ? *)",
  "functions/src/reanalyze.handler",
  "15 minutes",
);
/** A safety net for missed notifications: enqueue an incremental sync for every connection. */
export const scheduledSync = job(
  "ScheduledSync",
  "rate(15 minutes)",
  "functions/src/scheduled-sync.handler",
  "2 minutes",
);
