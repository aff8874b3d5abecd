import { type Contact, type Interaction, normalizeEmail } from "@rapport/core";
import { ownAddresses, type UserContext } from "./identity.ts";
import type { AnalysisInput } from "./input.ts";
import { lastContactAt } from "./levels.ts";
import { isHeldWith, type MeetingView, viewOf } from "./meeting-view.ts";
import { DAY_MS, ms } from "./time.ts";

export const HORIZON_DAYS = 14;

export { isHeldWith, type MeetingView };

/** The input indexed for the rules: by person, by thread, by message. */
export interface Facts {
  user: UserContext;
  now: string;
  nowMs: number;
  own: Set<string>;
  views: MeetingView[];
  byPerson: Map<string, MeetingView[]>;
  contacts: Map<string, Contact>;
  /** Mail up to now, oldest first. */
  mailByContact: Map<string, Interaction[]>;
  mailBySource: Map<string, Interaction[]>;
  threads: Map<string, Interaction[]>;
  names: Map<string, string>;
}

export function buildFacts(input: AnalysisInput & { now: string }): Facts {
  const nowMs = ms(input.now);
  const own = ownAddresses(input.user);
  const names = new Map<string, string>();
  const views = input.meetings
    .filter((m) => m.type !== "seriesMaster" && Number.isFinite(ms(m.start)))
    .map((m) => viewOf(m, input.user, own, names))
    .sort((a, b) => a.startMs - b.startMs);
  const byPerson = new Map<string, MeetingView[]>();
  for (const view of views) for (const email of view.people.keys()) push(byPerson, email, view);

  const mail = input.mail
    .filter((i) => i.kind === "mail" && ms(i.at) <= nowMs)
    .map((i) => ({ ...i, contactEmail: normalizeEmail(i.contactEmail) }))
    .sort((a, b) => ms(a.at) - ms(b.at));
  const mailByContact = new Map<string, Interaction[]>();
  const mailBySource = new Map<string, Interaction[]>();
  const threads = new Map<string, Interaction[]>();
  for (const i of mail) {
    push(mailByContact, i.contactEmail, i);
    push(mailBySource, i.sourceId, i);
    if (i.threadId) push(threads, i.threadId, i);
  }
  const contacts = new Map(input.contacts.map((c) => [normalizeEmail(c.email), c]));
  for (const c of input.contacts) if (c.name) names.set(normalizeEmail(c.email), c.name);
  return {
    user: input.user,
    now: input.now,
    nowMs,
    own,
    views,
    byPerson,
    contacts,
    mailByContact,
    mailBySource,
    threads,
    names,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function heldMeetingsWith(facts: Facts, email: string): MeetingView[] {
  return (facts.byPerson.get(email) ?? []).filter((v) => isHeldWith(v, email, facts.nowMs));
}

/** Upcoming within 14 days, not cancelled, not large, neither side declined; soonest first. */
export function upcomingWith(facts: Facts, email: string): MeetingView[] {
  const until = facts.nowMs + HORIZON_DAYS * DAY_MS;
  return (facts.byPerson.get(email) ?? []).filter((v) => {
    const person = v.people.get(email);
    return (
      v.startMs > facts.nowMs &&
      v.startMs <= until &&
      !v.cancelled &&
      !v.large &&
      !v.userDeclined &&
      person !== undefined &&
      !person.declined
    );
  });
}

/** Latest real contact: held meeting, mail in or out (group mail included), stored or in input. */
export function lastContact(facts: Facts, email: string): string | undefined {
  const candidates: string[] = [];
  const stats = facts.contacts.get(email)?.stats;
  const stored = stats ? lastContactAt(stats) : undefined;
  if (stored && ms(stored) <= facts.nowMs) candidates.push(stored);
  const held = heldMeetingsWith(facts, email).at(-1);
  if (held) candidates.push(held.meeting.start);
  const mail = facts.mailByContact.get(email)?.at(-1);
  if (mail) candidates.push(mail.at);
  return candidates.sort((a, b) => ms(b) - ms(a))[0];
}

export function hasMet(facts: Facts, email: string): boolean {
  const stats = facts.contacts.get(email)?.stats;
  return (stats?.meetingsHeld ?? 0) > 0 || heldMeetingsWith(facts, email).length > 0;
}

export function isKey(facts: Facts, email: string): boolean {
  return facts.contacts.get(email)?.overrides.key === true;
}

/** A first name for titles: the display name's first word, else the address's first part. */
export function firstName(facts: Facts, email: string): string {
  const name = facts.names.get(email)?.trim();
  if (name && !name.includes("@")) return name.split(/\s+/)[0] ?? name;
  const local = email.split("@")[0] ?? email;
  const first = local.split(/[._-]/)[0] || local;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

export function fullName(facts: Facts, email: string): string {
  const name = facts.names.get(email)?.trim();
  return name && !name.includes("@") ? name : firstName(facts, email);
}
