import {
  type Contact,
  effectiveLevel,
  isKeyContact,
  normalizeEmail,
  type RelationshipLevel,
  type Suggestion,
  type User,
} from "@rapport/core";
import type { Store } from "@rapport/store";

/** The few facts per contact the report needs, read page by page and kept compact. */
export interface ContactFacts {
  email: string;
  name?: string;
  key: boolean;
  level: RelationshipLevel;
  inferredLevel: RelationshipLevel;
  chosenLevel?: RelationshipLevel;
  choiceAt?: string;
  health: number;
  lastContactAt?: string;
  /** Reconnect cadence per docs/RULES, when the contact has one. */
  cadenceDays?: number;
  nextMeetingAt?: string;
  unansweredInbound: number;
  oldestUnansweredAt?: string;
  byUser: number;
  byContact: number;
}

export function cadenceOf(user: User, contact: Contact): number | undefined {
  if (contact.overrides.cadenceDays) return contact.overrides.cadenceDays;
  if (isKeyContact(contact)) return user.settings.keyCadenceDays;
  return user.settings.cadenceDays[effectiveLevel(contact)];
}

export function contactFacts(user: User, c: Contact): ContactFacts {
  const s = c.stats;
  const last = [s.lastMetAt, s.lastMailInAt, s.lastMailOutAt]
    .filter((d): d is string => Boolean(d))
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return {
    email: normalizeEmail(c.email),
    name: c.name,
    key: isKeyContact(c),
    level: effectiveLevel(c),
    inferredLevel: c.inferredLevel,
    chosenLevel: c.overrides.level,
    choiceAt: c.overrides.updatedAt,
    health: c.health,
    lastContactAt: last,
    cadenceDays: cadenceOf(user, c),
    nextMeetingAt: s.nextMeetingAt,
    unansweredInbound: s.unansweredInbound,
    oldestUnansweredAt: s.oldestUnansweredAt,
    byUser: s.meetingsInitiatedByUser + s.threadsStartedByUser,
    byContact: s.meetingsInitiatedByContact + s.threadsStartedByContact,
  };
}

export async function readContactFacts(store: Store, user: User): Promise<Map<string, ContactFacts>> {
  const facts = new Map<string, ContactFacts>();
  let cursor: string | undefined;
  do {
    const page = await store.contacts.listForUser(user.userId, { limit: 500, cursor });
    for (const c of page.items) facts.set(normalizeEmail(c.email), contactFacts(user, c));
    cursor = page.cursor;
  } while (cursor);
  return facts;
}

export async function readOpenSuggestions(store: Store, userId: string): Promise<Suggestion[]> {
  const open: Suggestion[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.suggestions.listForUser(userId, { state: "open", limit: 500, cursor });
    open.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return open;
}
