import {
  type Contact,
  type ContactStats,
  defaultUserSettings,
  type Interaction,
  type Meeting,
  type Suggestion,
  type SuggestionDraft,
  suggestionId,
  type User,
  type UserSettings,
} from "@rapport/core";
import type { Store } from "@rapport/store";

/** Morgan Avery's mailbox from the demo organization, built through the real store. */

export const MORGAN = "morgan@northwind.example";
const DAY = 86_400_000;

export function daysBefore(now: Date, days: number, hours = 0): string {
  return new Date(now.getTime() - days * DAY - hours * 3_600_000).toISOString();
}

export function minutesAfter(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

export function aUser(userId: string, settings: Partial<UserSettings> = {}, email = MORGAN): User {
  const t = "2026-01-05T09:00:00.000Z";
  return {
    userId,
    email,
    name: "Morgan Avery",
    settings: defaultUserSettings({ timeZone: "Europe/London", ...settings }),
    unsubscribeToken: `tok-${userId}`,
    createdAt: t,
    updatedAt: t,
  };
}

const ZERO_STATS: ContactStats = {
  meetingsHeld: 0,
  meetingsLast90Days: 0,
  oneOnOneMeetings: 0,
  mailIn: 0,
  mailOut: 0,
  unansweredInbound: 0,
  unansweredOutbound: 0,
  meetingsInitiatedByUser: 0,
  meetingsInitiatedByContact: 0,
  threadsStartedByUser: 0,
  threadsStartedByContact: 0,
  cancelledByUser: 0,
};

export function aContact(
  userId: string,
  email: string,
  name: string,
  fields: { stats?: Partial<ContactStats> } & Partial<Omit<Contact, "stats">> = {},
): Contact {
  const { stats, ...rest } = fields;
  const domain = email.split("@")[1] ?? "";
  return {
    userId,
    email,
    name,
    domain,
    isInternal: domain === "northwind.example",
    inferredLevel: "transactional",
    health: 60,
    overrides: {},
    updatedAt: "2026-11-01T00:00:00.000Z",
    ...rest,
    stats: { ...ZERO_STATS, ...stats },
  };
}

export function aMeeting(userId: string, eventId: string, fields: Partial<Meeting>): Meeting {
  return {
    userId,
    provider: "microsoft",
    eventId,
    type: "single",
    subject: "Meeting",
    start: "2026-11-24T14:00:00.000Z",
    end: "2026-11-24T15:00:00.000Z",
    isAllDay: false,
    isCancelled: false,
    organizer: { email: MORGAN, name: "Morgan Avery" },
    isOrganizer: true,
    userResponse: "accepted",
    attendees: [],
    firstSeenAt: "2026-11-01T09:00:00.000Z",
    updatedAt: "2026-11-01T09:00:00.000Z",
    history: [],
    attendeeFirstSeen: {},
    ...fields,
  };
}

export function aSuggestion(
  userId: string,
  draft: Partial<SuggestionDraft> & Pick<SuggestionDraft, "kind" | "title">,
): Suggestion {
  const full: SuggestionDraft = {
    severity: "medium",
    explanation: "",
    evidence: {},
    actions: [],
    dedupeKey: `${draft.kind}:${draft.contactEmail ?? ""}:${draft.meeting?.eventId ?? ""}`,
    score: 50,
    materialEvidence: "",
    ...draft,
  };
  const t = "2026-11-10T09:00:00.000Z";
  return { ...full, id: suggestionId(userId, full), userId, state: "open", createdAt: t, updatedAt: t };
}

export function mail(
  userId: string,
  contactEmail: string,
  at: string,
  direction: "inbound" | "outbound",
  id: string,
): Interaction {
  return {
    userId,
    contactEmail,
    provider: "microsoft",
    kind: "mail",
    sourceId: id,
    at,
    initiatedBy: direction === "outbound" ? "user" : "contact",
    direction,
    threadId: `t-${id}`,
    participantCount: 1,
  };
}

export async function putAll(
  store: Store,
  items: { contacts?: Contact[]; meetings?: Meeting[]; suggestions?: Suggestion[] },
) {
  for (const c of items.contacts ?? []) await store.contacts.put(c);
  for (const m of items.meetings ?? []) await store.meetings.put(m);
  for (const s of items.suggestions ?? []) await store.suggestions.put(s);
}
