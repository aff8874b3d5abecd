import { historyLine, lastMailPhrase, lastMetPhrase, levelPhrase, responsePhrase } from "./describe.ts";
import { displayName, localDay, localTime, plural } from "./format.ts";
import type { EmailLinks, MeetingBrief } from "./views.ts";

/** "Tuesday 24 November, 14:00–15:00 · you organize" in the reader's zone. */
export function describeMeeting(meeting: MeetingBrief, timeZone: string): string {
  const when = `${localDay(meeting.start, timeZone)}, ${localTime(meeting.start, timeZone)}–${localTime(meeting.end, timeZone)}`;
  const who = meeting.isOrganizer ? "you organize" : `organized by ${displayName(meeting.organizer)}`;
  return `${when} · ${who}`;
}

export function meetingText(meeting: MeetingBrief, now: string, timeZone: string): string {
  const lines = [meeting.subject ?? "Untitled meeting", describeMeeting(meeting, timeZone), ""];
  if (meeting.suggestions.length > 0) {
    lines.push("WORTH A MOMENT BEFORE YOU GO IN");
    for (const s of meeting.suggestions) {
      lines.push(`- ${s.title}`);
      if (s.explanation) lines.push(`  ${s.explanation}`);
      for (const action of s.actions) lines.push(`  ${action.label}: ${action.href}`);
    }
    if (meeting.moreSuggestions > 0)
      lines.push(`  (${plural(meeting.moreSuggestions, "more suggestion")} in the sidebar)`);
    lines.push("");
  }
  lines.push(`WHO YOU WILL SEE (${meeting.attendees.length})`);
  for (const a of meeting.attendees) {
    const response = responsePhrase(a);
    lines.push(
      `* ${displayName(a)}${a.name ? ` <${a.email}>` : ""}${response ? ` (${response})` : ""}`,
      `  ${levelPhrase(a)}`,
      `  ${lastMetPhrase(a, now)} · ${lastMailPhrase(a, now)}`,
      `  ${historyLine(a)}`,
    );
  }
  return lines.join("\n");
}

export function footerText(links: EmailLinks, reason: string): string {
  return [
    "--",
    reason,
    `Open the sidebar: ${links.sidebar}`,
    `Email settings: ${links.settings}`,
    `Unsubscribe: ${links.unsubscribe}`,
  ].join("\n");
}
