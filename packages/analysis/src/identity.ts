import { emailDomain, type Meeting, normalizeEmail, type UserSettings } from "@rapport/core";

/** Who the analysis works for: the connected user, their addresses and settings. */
export interface UserContext {
  userId: string;
  email: string;
  /** Other addresses of the user (also read from settings.aliases). */
  aliases: string[];
  settings: UserSettings;
}

/** Public mail providers: sharing one of these domains says nothing about a shared employer. */
export const publicMailDomains: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
]);

/** Local parts of distribution lists and automated senders (RULES.md, Identity). */
const listLocalParts = new Set([
  "all",
  "everyone",
  "team",
  "staff",
  "noreply",
  "no-reply",
  "donotreply",
  "do-not-reply",
  "notifications",
  "info",
  "support",
  "newsletter",
  "mailer-daemon",
  "calendar",
]);

/** Large meeting: more than this many people (resources excluded). */
export const LARGE_MEETING_MIN = 16;

export function ownAddresses(user: UserContext): Set<string> {
  return new Set([user.email, ...user.aliases, ...(user.settings.aliases ?? [])].map(normalizeEmail));
}

export function isOwnAddress(address: string, user: UserContext): boolean {
  return ownAddresses(user).has(normalizeEmail(address));
}

export function userDomain(user: UserContext): string {
  return emailDomain(user.email);
}

/** Internal: the user's own domain or one the user listed as internal. */
export function isInternal(address: string, user: UserContext): boolean {
  const domain = emailDomain(address);
  if (domain === "") return false;
  if (domain === userDomain(user)) return true;
  return (user.settings.internalDomains ?? []).some((d) => normalizeEmail(d) === domain);
}

export function isPublicMailDomain(domain: string): boolean {
  return publicMailDomains.has(normalizeEmail(domain));
}

/** A distribution list or automated sender, judged by the local part ("+tag" ignored). */
export function isListAddress(address: string): boolean {
  const normalized = normalizeEmail(address);
  const at = normalized.lastIndexOf("@");
  const local = (at === -1 ? normalized : normalized.slice(0, at)).split("+")[0] ?? "";
  return listLocalParts.has(local) || local.startsWith("dl-") || local.startsWith("list-");
}

/** A person can be a contact: not a room or equipment, not a list or robot. */
export function isPerson(who: string | { email: string; type?: string }): boolean {
  if (typeof who === "string") return who.includes("@") && !isListAddress(who);
  if (who.type === "resource") return false;
  return who.email.includes("@") && !isListAddress(who.email);
}

/** Everyone on a meeting but resources: attendees plus the organizer, plus the user, distinct. */
export function meetingHeadcount(
  meeting: Pick<Meeting, "attendees" | "organizer">,
  user: UserContext,
): number {
  const people = new Set<string>();
  for (const a of meeting.attendees) if (a.type !== "resource") people.add(normalizeEmail(a.email));
  people.add(normalizeEmail(meeting.organizer.email));
  const own = ownAddresses(user);
  const others = [...people].filter((p) => !own.has(p)).length;
  return others + 1;
}

/** Large meetings (more than 15 people) are not relationships. */
export function isLargeMeeting(
  meeting: Pick<Meeting, "attendees" | "organizer">,
  user: UserContext,
): boolean {
  return meetingHeadcount(meeting, user) >= LARGE_MEETING_MIN;
}
