import {
  type Contact,
  effectiveLevel,
  isKeyContact,
  type Meeting,
  type Suggestion,
  type User,
} from "@rapport/core";
import type { BriefingAttendee, BriefingSuggestion, EmailLinks, MeetingBrief } from "@rapport/email";
import type { Store } from "@rapport/store";
import { isInternalAddress } from "../people.ts";
import type { MeetingPerson } from "./select.ts";

/** A meeting shows at most this many suggestions; the rest are "more" (docs/RULES ranking). */
const SHOWN_SUGGESTIONS = 3;

export async function meetingBrief(
  store: Store,
  user: User,
  meeting: Meeting,
  people: MeetingPerson[],
  contacts: Map<string, Contact>,
  links: EmailLinks,
  now: Date,
): Promise<MeetingBrief> {
  const open = (await store.suggestions.listForMeeting(user.userId, meeting.provider, meeting.eventId))
    .filter((s) => isOpen(s, now))
    .sort((a, b) => b.score - a.score);
  const attendees = people.map((p) => briefingAttendee(user, p, contacts.get(p.email))).sort(byImportance);
  return {
    subject: meeting.subject,
    start: meeting.start,
    end: meeting.end,
    isOrganizer: meeting.isOrganizer,
    organizer: { email: meeting.organizer.email, name: meeting.organizer.name },
    isOnline: meeting.isOnline,
    attendees,
    suggestions: open.slice(0, SHOWN_SUGGESTIONS).map((s) => briefingSuggestion(s, links)),
    moreSuggestions: Math.max(0, open.length - SHOWN_SUGGESTIONS),
  };
}

export function isOpen(s: Suggestion, now: Date): boolean {
  if (s.state === "open") return true;
  return s.state === "snoozed" && s.snoozedUntil !== undefined && Date.parse(s.snoozedUntil) <= now.getTime();
}

function briefingAttendee(user: User, person: MeetingPerson, contact: Contact | undefined): BriefingAttendee {
  const stats = contact?.stats;
  const known = Boolean(stats && (stats.lastMetAt || stats.lastMailInAt || stats.lastMailOutAt));
  return {
    email: person.email,
    name: person.name ?? contact?.name,
    organization: contact?.domain ?? person.email.split("@")[1] ?? "",
    isInternal: contact?.isInternal ?? isInternalAddress(user, person.email),
    isOrganizer: person.isOrganizer,
    response: person.response,
    level: contact ? effectiveLevel(contact) : "tentative",
    levelChosen: contact?.overrides.level !== undefined,
    key: contact ? isKeyContact(contact) : false,
    known,
    lastMetAt: stats?.lastMetAt,
    lastMailInAt: stats?.lastMailInAt,
    lastMailOutAt: stats?.lastMailOutAt,
    meetingsHeld: stats?.meetingsHeld ?? 0,
    mailIn: stats?.mailIn ?? 0,
    mailOut: stats?.mailOut ?? 0,
    unansweredInbound: stats?.unansweredInbound ?? 0,
  };
}

/** Key contacts first, then guests before colleagues, then by name. */
function byImportance(a: BriefingAttendee, b: BriefingAttendee): number {
  return (
    Number(b.key) - Number(a.key) ||
    Number(a.isInternal) - Number(b.isInternal) ||
    (a.name ?? a.email).localeCompare(b.name ?? b.email)
  );
}

/** Drafts become prefilled mailto links; everything else happens in the sidebar. */
export function briefingSuggestion(s: Suggestion, links: EmailLinks): BriefingSuggestion {
  const actions: BriefingSuggestion["actions"] = [];
  for (const action of s.actions) {
    if (action.type !== "draft_email" || !action.to?.length) continue;
    const query = new URLSearchParams();
    if (action.subject) query.set("subject", action.subject);
    if (action.body) query.set("body", action.body);
    const qs = query.toString().replaceAll("+", "%20");
    actions.push({
      label: action.label,
      href: `mailto:${action.to.map((to) => encodeURIComponent(to).replaceAll("%40", "@")).join(",")}${qs ? `?${qs}` : ""}`,
    });
  }
  actions.push({ label: "Open in the sidebar", href: links.sidebar });
  return { title: s.title, explanation: s.explanation, severity: s.severity, actions };
}
