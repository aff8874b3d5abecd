import { daysAgo, firstName, latest, levelName, plural } from "./format.ts";
import type { BriefingAttendee } from "./views.ts";

/**
 * Phrases about one attendee, shared by the HTML and the plain-text part so both say the same.
 * Worded as help: facts and what they suggest, never a reproach.
 */

export function levelPhrase(a: BriefingAttendee): string {
  const parts = [a.known ? levelName(a.level) : "New contact"];
  if (a.known && a.levelChosen) parts[0] = `${levelName(a.level)} (your choice)`;
  if (!a.known && a.level === "target") parts[0] = "Target, first meeting";
  if (a.key) parts.push("key contact");
  parts.push(a.isInternal ? "colleague" : a.organization);
  return parts.join(" · ");
}

export function lastMetPhrase(a: BriefingAttendee, now: string): string {
  const ago = daysAgo(a.lastMetAt, now);
  return ago ? `Last met ${ago}` : "Not met before";
}

export function lastMailPhrase(a: BriefingAttendee, now: string): string {
  const last = latest(a.lastMailInAt, a.lastMailOutAt);
  if (!last) return "no mail yet";
  const from = last === a.lastMailInAt ? `from ${firstName(a)}` : "from you";
  return `last mail ${daysAgo(last, now)} (${from})`;
}

/** The history with this person in one line. */
export function historyLine(a: BriefingAttendee): string {
  if (!a.known) return "No history yet: a good moment for a warm first impression.";
  const parts: string[] = [];
  parts.push(plural(a.meetingsHeld, "meeting"));
  if (a.mailIn + a.mailOut > 0)
    parts.push(`${a.mailIn} messages from ${firstName(a)}, ${a.mailOut} from you`);
  if (a.unansweredInbound > 0) {
    parts.push(`${plural(a.unansweredInbound, "message")} from ${firstName(a)} still open`);
  }
  return parts.join(" · ");
}

export function responsePhrase(a: BriefingAttendee): string | undefined {
  if (a.isOrganizer) return "organizer";
  if (a.response === "declined") return "declined";
  if (a.response === "tentative") return "tentative";
  if (a.response === "needsAction") return "not answered yet";
  return undefined;
}
