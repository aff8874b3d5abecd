import {
  type AttendeeResponse,
  type Contact,
  isKeyContact,
  type Meeting,
  normalizeEmail,
  type User,
} from "@rapport/core";
import { DateTime } from "luxon";
import { isInternalAddress, isPersonAddress, ownAddresses } from "../people.ts";

/** Pure choices of the briefing job: when, which meetings, and under which delivery key. */

/** More people than this is a large meeting: not a relationship, no briefing (docs/RULES). */
const LARGE_MEETING = 15;

export type BriefingWindow =
  | { mode: "each"; from: string; to: string }
  | { mode: "digest"; from: string; to: string; date: string };

/**
 * Meetings starting in (now, now + lead], or for the digest the rest of the local day once the
 * digest hour has come (the two hours after it, so one missed run does not lose the day).
 * Nothing on quiet days (local weekday) or when briefings are off.
 */
export function briefingWindow(user: Pick<User, "settings">, now: Date): BriefingWindow | undefined {
  const { briefing, timeZone } = user.settings;
  if (!briefing.enabled) return undefined;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid || briefing.quietDays.includes(local.weekday)) return undefined;
  const after = new Date(now.getTime() + 1).toISOString();
  if (!briefing.digest) {
    return {
      mode: "each",
      from: after,
      to: new Date(now.getTime() + briefing.leadMinutes * 60_000 + 1).toISOString(),
    };
  }
  if (local.hour < briefing.digestHour || local.hour >= briefing.digestHour + 2) return undefined;
  const endOfDay = local.endOf("day").toUTC().toISO() ?? after;
  return { mode: "digest", from: after, to: endOfDay, date: local.toISODate() ?? "" };
}

export interface MeetingPerson {
  email: string;
  name?: string;
  response: AttendeeResponse;
  isOrganizer: boolean;
}

/** The people the user will see: attendees and the organizer, without rooms, lists or the user. */
export function meetingPeople(user: Pick<User, "email" | "settings">, meeting: Meeting): MeetingPerson[] {
  const own = ownAddresses(user);
  const people = new Map<string, MeetingPerson>();
  const organizer = normalizeEmail(meeting.organizer.email);
  if (!own.has(organizer) && isPersonAddress(organizer)) {
    people.set(organizer, {
      email: organizer,
      name: meeting.organizer.name,
      response: "accepted",
      isOrganizer: true,
    });
  }
  for (const a of meeting.attendees) {
    const email = normalizeEmail(a.email);
    if (a.type === "resource" || own.has(email) || !isPersonAddress(email) || people.has(email)) continue;
    people.set(email, { email, name: a.name, response: a.response, isOrganizer: false });
  }
  return [...people.values()];
}

/** Worth a briefing: a live, small meeting the user attends with a guest or a key contact. */
export function deservesBriefing(
  user: Pick<User, "email" | "settings">,
  meeting: Meeting,
  people: MeetingPerson[],
  contacts: Map<string, Contact>,
): boolean {
  if (meeting.isCancelled || meeting.isAllDay || meeting.userResponse === "declined") return false;
  if (people.length === 0 || people.length > LARGE_MEETING) return false;
  return people.some((p) => {
    const contact = contacts.get(p.email);
    return !isInternalAddress(user, p.email) || (contact !== undefined && isKeyContact(contact));
  });
}

/** One briefing per meeting and start time: a rescheduled meeting is briefed again. */
export function briefingKey(meeting: Pick<Meeting, "provider" | "eventId" | "start">): string {
  return `${meeting.provider}:${meeting.eventId}@${new Date(meeting.start).toISOString()}`;
}
