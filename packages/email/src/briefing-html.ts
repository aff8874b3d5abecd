import { describeMeeting } from "./briefing-text.ts";
import { historyLine, lastMailPhrase, lastMetPhrase, levelPhrase, responsePhrase } from "./describe.ts";
import { displayName, escapeHtml, plural } from "./format.ts";
import { badge, COLORS, card, heading, mutedBlock, textBlock } from "./layout.ts";
import type { BriefingAttendee, BriefingSuggestion, MeetingBrief } from "./views.ts";

/** MJML sections for one meeting: suggestions first (what to do), then who is there. */
export function meetingSections(
  meeting: MeetingBrief,
  now: string,
  timeZone: string,
  titlePrefix: string,
  intro?: string,
): string[] {
  const title = heading(
    `${titlePrefix}${meeting.subject ?? "Untitled meeting"}`,
    describeMeeting(meeting, timeZone),
  );
  const sections = [
    intro ? card(textBlock(escapeHtml(intro), 'font-size="15px" padding="0 24px 6px"'), title) : card(title),
  ];
  if (meeting.suggestions.length > 0) sections.push(suggestionsCard(meeting));
  sections.push(
    card(
      heading(`Who you will see (${meeting.attendees.length})`),
      ...meeting.attendees.map((a) => attendeeBlock(a, now)),
    ),
  );
  return sections;
}

function suggestionsCard(meeting: MeetingBrief): string {
  const more =
    meeting.moreSuggestions > 0
      ? [mutedBlock(`${plural(meeting.moreSuggestions, "more suggestion")} in the sidebar.`)]
      : [];
  return card(
    heading("Worth a moment before you go in"),
    ...meeting.suggestions.map(suggestionBlock),
    ...more,
  );
}

function suggestionBlock(s: BriefingSuggestion): string {
  const marker = s.severity === "high" ? COLORS.warn : COLORS.accent;
  const actions = s.actions
    .map(
      (a) =>
        `<a href="${escapeHtml(a.href)}" style="color:${COLORS.accent};font-weight:600">${escapeHtml(a.label)}</a>`,
    )
    .join(" &nbsp;·&nbsp; ");
  return textBlock(
    `<div style="border-left:3px solid ${marker};padding-left:10px">
      <strong>${escapeHtml(s.title)}</strong><br />
      ${s.explanation ? `<span style="color:${COLORS.muted}">${escapeHtml(s.explanation)}</span><br />` : ""}
      ${actions}
    </div>`,
    'padding="6px 24px"',
  );
}

function attendeeBlock(a: BriefingAttendee, now: string): string {
  const response = responsePhrase(a);
  const key = a.key ? ` ${badge("Key contact", "#ffffff", COLORS.accent)}` : "";
  return textBlock(
    `<div style="padding:6px 0;border-top:1px solid ${COLORS.line}">
      <strong>${escapeHtml(displayName(a))}</strong>${key}${response ? ` <span style="color:${COLORS.muted};font-size:13px">(${escapeHtml(response)})</span>` : ""}<br />
      <span style="font-size:13px;color:${COLORS.muted}">${escapeHtml(levelPhrase(a))}</span><br />
      <span style="font-size:14px">${escapeHtml(lastMetPhrase(a, now))} · ${escapeHtml(lastMailPhrase(a, now))}</span><br />
      <span style="font-size:13px;color:${COLORS.muted}">${escapeHtml(historyLine(a))}</span>
    </div>`,
    'padding="2px 24px"',
  );
}
