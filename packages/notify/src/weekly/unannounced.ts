import type { Suggestion, User } from "@rapport/core";
import type { WeeklyReportView } from "@rapport/email";
import type { Store } from "@rapport/store";
import type { ContactFacts } from "./facts.ts";
import { LIST_CAP } from "./sections.ts";

/** Open unannounced-attendee suggestions on meetings still ahead, with who would like to know. */
export async function unannouncedAdditions(
  store: Store,
  user: User,
  open: Suggestion[],
  facts: Map<string, ContactFacts>,
  now: Date,
): Promise<WeeklyReportView["unannounced"]> {
  const found = open.filter((s) => s.kind === "unannounced_attendee" && s.meeting && s.contactEmail);
  const items: WeeklyReportView["unannounced"]["items"] = [];
  for (const s of found) {
    if (items.length >= LIST_CAP || !s.meeting) break;
    const meeting = await store.meetings.get(user.userId, s.meeting.provider, s.meeting.eventId);
    if (!meeting || meeting.isCancelled || Date.parse(meeting.start) <= now.getTime()) continue;
    const email = s.contactEmail ?? "";
    const attendee = meeting.attendees.find((a) => a.email.toLowerCase() === email);
    const tell = (s.actions.find((a) => a.type === "draft_email")?.to ?? []).map((to) => ({
      email: to,
      name: facts.get(to.toLowerCase())?.name,
    }));
    items.push({
      meetingSubject: meeting.subject,
      meetingStart: meeting.start,
      person: { email, name: facts.get(email)?.name ?? attendee?.name },
      isOrganizer: meeting.isOrganizer,
      tell,
    });
  }
  items.sort((a, b) => Date.parse(a.meetingStart) - Date.parse(b.meetingStart));
  return { items, total: Math.max(items.length, found.length) };
}
