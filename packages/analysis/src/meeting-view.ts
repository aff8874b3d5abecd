import { type Meeting, type MeetingRef, normalizeEmail } from "@rapport/core";
import { isLargeMeeting, isPerson, type UserContext } from "./identity.ts";
import { ms } from "./time.ts";

export interface MeetingPerson {
  name?: string;
  declined: boolean;
  isOrganizer: boolean;
}

/** A meeting with what every rule asks of it computed once. */
export interface MeetingView {
  meeting: Meeting;
  ref: MeetingRef;
  startMs: number;
  endMs: number;
  large: boolean;
  cancelled: boolean;
  userDeclined: boolean;
  organizer: string;
  /** People on the meeting other than the user: organizer and attendees, no resources or lists. */
  people: Map<string, MeetingPerson>;
}

export function viewOf(
  meeting: Meeting,
  user: UserContext,
  own: Set<string>,
  names: Map<string, string>,
): MeetingView {
  const organizer = normalizeEmail(meeting.organizer.email);
  const people = new Map<string, MeetingPerson>();
  if (!own.has(organizer) && isPerson(organizer)) {
    people.set(organizer, { name: meeting.organizer.name, declined: false, isOrganizer: true });
  }
  for (const a of meeting.attendees) {
    const email = normalizeEmail(a.email);
    if (own.has(email) || !isPerson(a) || people.get(email)?.isOrganizer) continue;
    people.set(email, { name: a.name, declined: a.response === "declined", isOrganizer: false });
  }
  for (const [email, p] of people) if (p.name && !names.has(email)) names.set(email, p.name);
  return {
    meeting,
    ref: { provider: meeting.provider, eventId: meeting.eventId },
    startMs: ms(meeting.start),
    endMs: ms(meeting.end),
    large: isLargeMeeting(meeting, user),
    cancelled: meeting.isCancelled,
    userDeclined: meeting.userResponse === "declined",
    organizer,
    people,
  };
}

/** "Met": not cancelled, nobody of the two declined, over by now, not large (RULES.md). */
export function isHeldWith(view: MeetingView, email: string, nowMs: number): boolean {
  const person = view.people.get(email);
  return (
    person !== undefined &&
    !person.declined &&
    !view.cancelled &&
    !view.userDeclined &&
    !view.large &&
    view.endMs <= nowMs
  );
}
