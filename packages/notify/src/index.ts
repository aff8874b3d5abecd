export { benchWeeklyReport } from "./bench/report-bench.ts";
export { runBriefings } from "./briefing/run.ts";
export { briefingKey, briefingWindow, deservesBriefing, meetingPeople } from "./briefing/select.ts";
export type { JobInput, JobSummary, LinksFor, MailKind, MailSender } from "./contracts.ts";
export { type BuildWeeklyReportInput, buildWeeklyReport, TARGET_GOAL } from "./weekly/build.ts";
export { KEY_WEIGHT, overallHealth } from "./weekly/health.ts";
export { runWeeklyReports } from "./weekly/run.ts";
export { isoWeekKey, reportPeriod, weeklyReportDue } from "./weekly/schedule.ts";
