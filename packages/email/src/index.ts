export { renderBriefing, renderDigest } from "./briefing.ts";
export {
  BriefingAttendee,
  BriefingSuggestion,
  BriefingView,
  DigestView,
  EmailLinks,
  MeetingBrief,
  OverdueContact,
  PersonRef,
  type RenderedEmail,
  WeeklyReportView,
} from "./views.ts";
export { renderWeeklyReport } from "./weekly-report.ts";
