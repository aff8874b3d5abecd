import type { BarRow } from "./charts.ts";
import {
  daysAgo,
  daysBetween,
  displayName,
  firstName,
  levelName,
  localDay,
  plural,
  shortDate,
} from "./format.ts";
import type { WeeklyReportView } from "./views.ts";

/**
 * The weekly report as neutral sections (title, items, optional chart), so the HTML and the
 * plain-text part are two layouts of the same words.
 */

export interface ReportItem {
  /** Shown in bold: usually the person. */
  lead: string;
  text: string;
  detail?: string;
}

export interface ReportSection {
  title: string;
  note?: string;
  headline?: string;
  /** Beside the headline: how it moved. */
  subline?: string;
  chart?: { rows: BarRow[]; max: number };
  items: ReportItem[];
  /** Items left out of the email; the sidebar has them. */
  more: number;
  /** Said when there is nothing to list, so silence never reads as an error. */
  empty: string;
}

type View = WeeklyReportView & { now: string };

export function healthSection(view: View): ReportSection {
  const { health } = view;
  const previous = health.trend.at(-2)?.score ?? null;
  const change = health.score !== null && previous !== null ? Math.round(health.score - previous) : null;
  const changeText =
    change === null
      ? undefined
      : change === 0
        ? "Steady since last week."
        : `${change > 0 ? "Up" : "Down"} ${Math.abs(change)} since last week.`;
  return {
    title: "Overall relationship health",
    headline: health.score === null ? "No data yet" : `${Math.round(health.score)} / 100`,
    subline: changeText,
    note: `Across the ${plural(health.contactsCounted, "person", "people")} you were in touch with in the last 90 days (${health.keyContactsCounted} key); key contacts weigh three times.`,
    chart: {
      max: 100,
      rows: health.trend.map((point) => ({
        label: shortDate(point.weekStart),
        value: point.score,
        valueLabel: point.score === null ? "–" : String(Math.round(point.score)),
      })),
    },
    items: [],
    more: 0,
    empty: "",
  };
}

export function overdueSection(view: View): ReportSection {
  return {
    title: "Key contacts to reconnect with",
    note: "Most overdue first.",
    items: view.overdue.items.map((c) => ({
      lead: displayName(c),
      text: `${c.daysSince} days since you last spoke, ${c.daysOverdue} days past your ${c.cadenceDays}-day rhythm.`,
      detail: c.nextMeetingAt
        ? `You meet on ${localDay(c.nextMeetingAt, view.timeZone)}. ${c.nextStep}`
        : `Next step: ${c.nextStep}`,
    })),
    more: view.overdue.total - view.overdue.items.length,
    empty: "Every key contact is within their rhythm. Nicely done.",
  };
}

export function levelSection(view: View): ReportSection {
  return {
    title: "Level changes this week",
    items: view.levelChanges.items.map((c) => ({
      lead: displayName(c),
      text: c.from ? `${levelName(c.from)} → ${levelName(c.to)}` : `now ${levelName(c.to)}`,
      detail: c.chosen ? "Your choice." : "From how the two of you have been in touch.",
    })),
    more: view.levelChanges.total - view.levelChanges.items.length,
    empty: "No level changed this week.",
  };
}

export function balanceSections(view: View): ReportSection[] {
  const describe = (c: { byUser: number; byContact: number; email: string; name?: string | undefined }) =>
    `You started ${c.byUser}, ${firstName(c)} started ${c.byContact} of your recent meetings and threads.`;
  return [
    {
      title: "Where you always go first",
      note: "Leaving room for them to reach out can help balance things.",
      items: view.oneSided.youStart.map((c) => ({ lead: displayName(c), text: describe(c) })),
      more: 0,
      empty: "No relationship leans only on you.",
    },
    {
      title: "Where they always go first",
      note: "Reaching out first now and then shows it matters to you too.",
      items: view.oneSided.theyStart.map((c) => ({ lead: displayName(c), text: describe(c) })),
      more: 0,
      empty: "No relationship leans only on them.",
    },
  ];
}

export function unansweredSection(view: View): ReportSection {
  return {
    title: "Mail from key contacts waiting for you",
    items: view.unanswered.items.map((c) => ({
      lead: displayName(c),
      text: `${plural(c.count, "message")} waiting${c.oldestAt ? `, the oldest from ${daysAgo(c.oldestAt, view.now)}` : ""}.`,
    })),
    more: view.unanswered.total - view.unanswered.items.length,
    empty: "Nothing from your key contacts is waiting for a reply.",
  };
}

export function targetSection(view: View): ReportSection {
  const { targets } = view;
  const next = targets.next;
  const items: ReportItem[] = [];
  if (next && targets.reachedThisWeek < targets.goal) {
    const last = next.lastContactAt
      ? `last contact ${daysBetween(next.lastContactAt, view.now)} days ago`
      : "not contacted yet";
    items.push({ lead: displayName(next), text: `could be this week's one (${last}).` });
  }
  return {
    title: "Targets reached",
    headline: `${targets.reachedThisWeek} of ${targets.goal} this week`,
    note: `Goal: reach out to ${plural(targets.goal, "target")} a week. You have ${plural(targets.targetCount, "target")}.`,
    chart: {
      max: Math.max(targets.goal, ...targets.weeks.map((w) => w.reached)),
      rows: targets.weeks.map((w) => ({
        label: shortDate(w.weekStart),
        value: w.reached,
        valueLabel: String(w.reached),
        color: w.reached >= targets.goal ? "#15803d" : "#2563eb",
      })),
    },
    items,
    more: 0,
    empty: targets.targetCount === 0 ? "Mark someone you would like to know as a Target to start." : "",
  };
}

export function unannouncedSection(view: View): ReportSection {
  return {
    title: "Attendees added without a word",
    note: "People like to know who else is coming.",
    items: view.unannounced.items.map((u) => ({
      lead: displayName(u.person),
      text: `joined "${u.meetingSubject ?? "a meeting"}" (${localDay(u.meetingStart, view.timeZone)}).`,
      detail:
        u.isOrganizer && u.tell.length > 0
          ? `A line to ${u.tell.map(firstName).join(", ")} would let them know.`
          : "Added after you accepted; the sidebar has the details.",
    })),
    more: view.unannounced.total - view.unannounced.items.length,
    empty: "Nobody was added unannounced to your upcoming meetings.",
  };
}

export function secondHandSection(view: View): ReportSection {
  return {
    title: "People close to your key contacts",
    note: "How their colleagues are treated is visible to them.",
    items: view.secondHand.items.map((s) => ({
      lead: displayName(s),
      text: `(with ${displayName(s.keyContact)}): ${s.reason}`,
    })),
    more: view.secondHand.total - view.secondHand.items.length,
    empty: "Nobody around your key contacts is waiting on you.",
  };
}

export function reportSections(view: View): ReportSection[] {
  return [
    healthSection(view),
    overdueSection(view),
    unansweredSection(view),
    levelSection(view),
    ...balanceSections(view),
    targetSection(view),
    unannouncedSection(view),
    secondHandSection(view),
  ];
}
