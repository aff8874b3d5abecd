import { renderWeeklyReport } from "@rapport/email";
import { emptySummary, type JobInput, type JobSummary } from "../contracts.ts";
import { deliverOnce, errorReason } from "../deliver.ts";
import { eachUser, withUnsubscribeToken } from "../users.ts";
import { buildWeeklyReport } from "./build.ts";
import { weeklyReportDue } from "./schedule.ts";

/**
 * The hourly weekly-report job: each user whose local report day and hour have come this ISO
 * week and who has no delivery for it gets the report, once.
 */
export async function runWeeklyReports(input: JobInput): Promise<JobSummary> {
  const { store, sender, now } = input;
  const summary = emptySummary();
  for await (const candidate of eachUser(store)) {
    const week = weeklyReportDue(candidate, now);
    if (!week) continue;
    try {
      if (await store.deliveries.get(candidate.userId, "weekly_report", week)) continue;
      const user = await withUnsubscribeToken(store, candidate, now);
      const links = input.links(user);
      const email = await renderWeeklyReport(await buildWeeklyReport({ store, user, now, links }));
      const delivery = {
        userId: user.userId,
        kind: "weekly_report" as const,
        key: week,
        sentAt: now.toISOString(),
      };
      const outcome = await deliverOnce(store, sender, delivery, {
        to: user.email,
        ...email,
        unsubscribeUrl: links.unsubscribe,
      });
      if (outcome === "sent") summary.sent++;
      else summary.alreadySent++;
    } catch (error) {
      summary.failed.push({ userId: candidate.userId, reason: errorReason(error) });
    }
  }
  return summary;
}
