/**
 * Pure decision for OnAppointmentAttendeesChanged: given who was on a saved meeting when the
 * organizer opened it and who is on it now, is there someone new the external guests should hear
 * about? Mirrors the spirit of unannounced_attendee, with only what the compose form knows.
 */

export interface AttendeeEntry {
  emailAddress: string;
  displayName?: string;
}

export interface NoticeInput {
  userEmail: string;
  /** Attendees when the saved meeting was opened; undefined for a new, never saved meeting. */
  baseline: string[] | undefined;
  current: AttendeeEntry[];
}

/** Notification text is capped at 150 characters by Outlook. */
export const NOTICE_MAX = 150;

export function attendeeNotice(input: NoticeInput): string | null {
  if (!input.baseline) return null;
  const self = normalize(input.userEmail);
  const userDomain = domainOf(self);
  const before = new Set(input.baseline.map(normalize));
  const people = dedupe(input.current).filter((a) => normalize(a.emailAddress) !== self);
  const added = people.filter((a) => !before.has(normalize(a.emailAddress)));
  const earlierExternals = people.filter(
    (a) => before.has(normalize(a.emailAddress)) && domainOf(normalize(a.emailAddress)) !== userDomain,
  );
  if (added.length === 0 || earlierExternals.length === 0) return null;
  const who = names(added);
  const verb = added.length === 1 ? "is" : "are";
  return clip(`Let ${names(earlierExternals)} know ${who} ${verb} joining.`);
}

function names(list: AttendeeEntry[]): string {
  const labels = list.map((a) => a.displayName?.trim() || a.emailAddress);
  if (labels.length <= 2) return labels.join(" and ");
  return `${labels.slice(0, 2).join(", ")} and ${labels.length - 2} more`;
}

function clip(text: string): string {
  return text.length <= NOTICE_MAX ? text : `${text.slice(0, NOTICE_MAX - 1)}…`;
}

function dedupe(list: AttendeeEntry[]): AttendeeEntry[] {
  const seen = new Map<string, AttendeeEntry>();
  for (const a of list)
    if (a.emailAddress && !seen.has(normalize(a.emailAddress))) seen.set(normalize(a.emailAddress), a);
  return [...seen.values()];
}

function normalize(address: string): string {
  return address.trim().toLowerCase();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}
