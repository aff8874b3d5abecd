import { meetingSections } from "./briefing-html.ts";
import { footerText, meetingText } from "./briefing-text.ts";
import { firstName, localDay, localTime, plural } from "./format.ts";
import { button, card, renderDocument, textBlock } from "./layout.ts";
import { BriefingView, DigestView, type RenderedEmail } from "./views.ts";

const BRIEFING_REASON = "You get a short briefing before meetings with guests or key contacts.";

/** One meeting's briefing: who is coming, how things stand with each, and what might help. */
export async function renderBriefing(input: BriefingView): Promise<RenderedEmail> {
  const view = BriefingView.parse(input);
  const { meeting, now, timeZone, links } = view;
  const title = meeting.subject ?? "your next meeting";
  const count = meeting.suggestions.length + meeting.moreSuggestions;
  const subject = `Briefing: ${title} at ${localTime(meeting.start, timeZone)}${count > 0 ? ` · ${plural(count, "suggestion")}` : ""}`;
  const greeting = view.userName ? `Hi ${firstName({ email: "", name: view.userName })}, here` : "Here";
  const intro = `${greeting} is who you will see and where things stand with each of them.`;

  const html = await renderDocument({
    title: subject,
    preview: intro,
    sections: [
      ...meetingSections(meeting, now, timeZone, "", intro),
      card(button("Open in the sidebar", links.sidebar)),
    ],
    links,
    reason: BRIEFING_REASON,
  });
  const text = [intro, "", meetingText(meeting, now, timeZone), "", footerText(links, BRIEFING_REASON)].join(
    "\n",
  );
  return { subject, html, text };
}

/** The morning digest: every meeting of the day that merits a briefing, in one email. */
export async function renderDigest(input: DigestView): Promise<RenderedEmail> {
  const view = DigestView.parse(input);
  const { meetings, now, timeZone, links } = view;
  const day = meetings[0] ? localDay(meetings[0].start, timeZone) : view.date;
  const subject = `Today: ${plural(meetings.length, "meeting")} to prepare for`;
  const intro =
    meetings.length === 0
      ? "Nothing on today's calendar needs preparing. Enjoy the day."
      : `${day}: ${plural(meetings.length, "meeting")} with guests or key contacts. Here is where things stand.`;
  const reason = "You chose one morning digest instead of a briefing before each meeting.";

  const html = await renderDocument({
    title: subject,
    preview: intro,
    sections: [
      card(textBlock(intro, 'font-size="16px" padding="8px 24px"')),
      ...meetings.flatMap((m) => meetingSections(m, now, timeZone, `${localTime(m.start, timeZone)} · `)),
      card(button("Open in the sidebar", links.sidebar)),
    ],
    links,
    reason,
  });
  const text = [
    intro,
    ...meetings.map((m) => `\n${meetingText(m, now, timeZone)}`),
    "",
    footerText(links, reason),
  ].join("\n");
  return { subject, html, text };
}
