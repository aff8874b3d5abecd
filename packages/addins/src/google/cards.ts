import type { MeetingInsights, RelationshipCard, Suggestion } from "@rapport/core";
import type { Button, Card, Section, Widget } from "./card-types.ts";

/**
 * Pure Cards v2 builders for the Calendar add-on: the same content as the Outlook pane, within
 * Google's limits (a card renders at most 100 widgets, extra ones are dropped; we stay well below
 * by capping attendees and suggestions, see docs/addins.md). Card text is HTML-interpreted by
 * Google, so every value from data is escaped.
 */

export const MAX_WIDGETS = 100;
const MAX_ATTENDEES = 25;
const MAX_SUGGESTIONS = 10;
const DAY = 24 * 60 * 60 * 1000;

export interface EventCardOptions {
  now: Date;
  /** URL of the action endpoint; without it the card has no state buttons (dev preview). */
  actionUrl?: string;
  /** IANA zone for times shown (commonEventObject.timeZone.id); UTC when absent. */
  timeZone?: string;
}

export function eventCard(insights: MeetingInsights, options: EventCardOptions): Card {
  const { meeting } = insights;
  const all = [...insights.suggestions, ...insights.more].slice(0, MAX_SUGGESTIONS);
  const suggestionWidgets = all.flatMap((s, i) => [
    ...(i > 0 ? [divider()] : []),
    ...suggestionWidgetsFor(s, meeting, options),
  ]);
  const sections: Section[] = [
    all.length > 0
      ? {
          header: `Suggestions (${insights.suggestions.length + insights.more.length})`,
          // The top suggestions stay open; the rest fold under "more", like the Outlook pane.
          ...(insights.more.length > 0
            ? { collapsible: true, uncollapsibleWidgetsCount: countTop(insights, meeting, options) }
            : {}),
          widgets: suggestionWidgets,
        }
      : {
          header: "Suggestions",
          widgets: [{ textParagraph: { text: "You're all set: nothing to act on before this meeting." } }],
        },
    {
      header: `Attendees (${insights.attendees.filter((a) => a.type !== "resource").length})`,
      widgets: insights.attendees
        .filter((a) => a.type !== "resource")
        .slice(0, MAX_ATTENDEES)
        .map((a) => attendeeWidget(a, options.now)),
    },
  ];
  return capWidgets({
    header: {
      title: escapeHtml(meeting.subject || "(no subject)"),
      subtitle: `${formatDate(meeting.start, options.timeZone)} · ${meeting.isOrganizer ? "You organize" : "You attend"}`,
    },
    sections,
  });
}

function countTop(
  insights: MeetingInsights,
  meeting: MeetingInsights["meeting"],
  options: EventCardOptions,
): number {
  return insights.suggestions.reduce(
    (n, s, i) => n + (i > 0 ? 1 : 0) + suggestionWidgetsFor(s, meeting, options).length,
    0,
  );
}

function suggestionWidgetsFor(
  s: Suggestion,
  meeting: MeetingInsights["meeting"],
  options: EventCardOptions,
): Widget[] {
  const buttons: Button[] = [];
  const draft = s.actions.find((a) => a.type === "draft_email");
  if (draft?.to?.length)
    buttons.push({
      text: draft.label || "Let them know",
      type: "FILLED",
      onClick: { openLink: { url: mailto(draft.to, draft.subject, draft.body) } },
    });
  if (options.actionUrl) {
    const act = (action: string, text: string): Button => ({
      text,
      type: "BORDERLESS",
      onClick: {
        action: {
          function: options.actionUrl as string,
          loadIndicator: "SPINNER",
          parameters: [
            { key: "suggestionId", value: s.id },
            { key: "action", value: action },
            { key: "eventId", value: meeting.eventId },
          ],
        },
      },
    });
    buttons.push(act("done", "Done"), act("snooze", "Snooze 1 week"), act("dismiss", "Dismiss"));
  }
  return [
    {
      decoratedText: {
        topLabel: severityLabel(s.severity),
        text: `<b>${escapeHtml(s.title)}</b>`,
        wrapText: true,
      },
    },
    { textParagraph: { text: escapeHtml(s.explanation) } },
    ...(buttons.length > 0 ? [{ buttonList: { buttons } }] : []),
  ];
}

function attendeeWidget(a: RelationshipCard & { response?: string }, now: Date): Widget {
  const last = latest(a.lastMetAt, a.lastMailInAt, a.lastMailOutAt);
  const facts = [
    a.known ? `Last contact ${ago(last, now)}` : "Never met or written",
    a.isInternal ? "Internal" : "External",
    a.unansweredInbound > 0 ? `${a.unansweredInbound} unanswered` : "",
  ].filter(Boolean);
  return {
    decoratedText: {
      topLabel: `${capitalize(a.level)}${a.key ? " · ★ key contact" : ""}`,
      text: escapeHtml(a.name?.trim() || a.email),
      bottomLabel: facts.join(" · "),
      wrapText: true,
      startIcon: { knownIcon: "PERSON" },
    },
  };
}

export interface HomepageInput {
  overdue: RelationshipCard[];
  now: Date;
}

/** The add-on's homepage in Calendar: this week's overdue key contacts. */
export function homepageCard(input: HomepageInput): Card {
  const widgets: Widget[] =
    input.overdue.length === 0
      ? [
          {
            textParagraph: {
              text: "No key contacts are overdue this week. Open an event to see insights about its attendees.",
            },
          },
        ]
      : input.overdue.slice(0, MAX_WIDGETS - 1).map((c) => ({
          decoratedText: {
            topLabel: c.cadenceDays ? `Every ${c.cadenceDays} days` : capitalize(c.level),
            text: escapeHtml(c.name?.trim() || c.email),
            bottomLabel: `Last contact ${ago(latest(c.lastMetAt, c.lastMailInAt, c.lastMailOutAt), input.now)}`,
            wrapText: true,
            startIcon: { knownIcon: "PERSON" },
          },
        }));
  return capWidgets({
    header: { title: "Rapport", subtitle: "Key contacts to reconnect with this week" },
    sections: [{ header: `Overdue key contacts (${input.overdue.length})`, widgets }],
  });
}

export function errorCard(message: string): Card {
  return {
    header: { title: "Rapport" },
    sections: [{ widgets: [{ textParagraph: { text: escapeHtml(message) } }] }],
  };
}

/** Drops widgets past the card-wide limit, from the last section backwards. */
export function capWidgets(card: Card): Card {
  let budget = MAX_WIDGETS;
  const sections = card.sections.map((section) => {
    const widgets = section.widgets.slice(0, Math.max(budget, 0));
    budget -= widgets.length;
    return { ...section, widgets };
  });
  return { ...card, sections: sections.filter((s) => s.widgets.length > 0) };
}

function divider(): Widget {
  return { divider: {} };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function mailto(to: string[], subject?: string, body?: string): string {
  const query = new URLSearchParams();
  if (subject) query.set("subject", subject);
  if (body) query.set("body", body);
  const qs = query.toString().replace(/\+/g, "%20");
  return `mailto:${to.map((a) => encodeURIComponent(a).replace(/%40/g, "@")).join(",")}${qs ? `?${qs}` : ""}`;
}

function severityLabel(severity: string): string {
  return severity === "high" ? "Important" : severity === "medium" ? "Worth doing" : "FYI";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function latest(...isos: (string | undefined)[]): string | undefined {
  return isos.filter((x): x is string => Boolean(x)).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

function ago(iso: string | undefined, now: Date): string {
  if (!iso) return "never";
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

function formatDate(iso: string, timeZone = "UTC"): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  try {
    const text = d.toLocaleString("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    return timeZone === "UTC" ? `${text} UTC` : text;
  } catch {
    return formatDate(iso, "UTC"); // unknown zone name
  }
}
