import {
  type Connection,
  type Contact,
  defaultUserSettings,
  type Interaction,
  type Meeting,
  type Subscription,
  type Suggestion,
  suggestionId,
  type User,
} from "@rapport/core";

const T0 = "2025-03-03T09:00:00.000Z";

/** An ISO instant `minutes` after a fixed Monday morning. */
export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

export function aUser(userId: string, email = `${userId}@rapport.example`): User {
  return { userId, email, settings: defaultUserSettings(), createdAt: T0, updatedAt: T0 };
}

export function aConnection(userId: string, overrides: Partial<Connection> = {}): Connection {
  return {
    userId,
    provider: "microsoft",
    accountId: `acct-${userId}`,
    accountEmail: `${userId}@rapport.example`,
    encryptedRefreshToken: "sealed",
    scopes: ["Calendars.Read"],
    status: "active",
    cursors: {},
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function aSubscription(userId: string, subscriptionId: string, expiresAt: string): Subscription {
  return {
    userId,
    provider: "microsoft",
    subscriptionId,
    resource: "events",
    secret: "s3cret",
    expiresAt,
    createdAt: T0,
  };
}

export function aMeeting(userId: string, eventId: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    userId,
    provider: "google",
    eventId,
    type: "single",
    subject: "Quarterly review",
    start: at(60),
    end: at(90),
    isAllDay: false,
    isCancelled: false,
    organizer: { email: `${userId}@rapport.example` },
    isOrganizer: true,
    attendees: [{ email: "dana@client.example", type: "required", response: "accepted" }],
    firstSeenAt: T0,
    updatedAt: T0,
    history: [],
    attendeeFirstSeen: { "dana@client.example": T0 },
    ...overrides,
  };
}

export function anInteraction(userId: string, overrides: Partial<Interaction> = {}): Interaction {
  return {
    userId,
    contactEmail: "dana@client.example",
    provider: "google",
    kind: "meeting",
    sourceId: "evt-1",
    at: at(0),
    initiatedBy: "user",
    participantCount: 1,
    status: "held",
    ...overrides,
  };
}

export function aContact(userId: string, email: string, overrides: Partial<Contact> = {}): Contact {
  return {
    userId,
    email,
    domain: email.split("@")[1] ?? "",
    isInternal: false,
    stats: {
      lastMetAt: at(0),
      meetingsHeld: 3,
      meetingsLast90Days: 2,
      oneOnOneMeetings: 1,
      mailIn: 4,
      mailOut: 5,
      unansweredInbound: 0,
      unansweredOutbound: 1,
      meetingsInitiatedByUser: 2,
      meetingsInitiatedByContact: 1,
      threadsStartedByUser: 1,
      threadsStartedByContact: 2,
      cancelledByUser: 0,
    },
    inferredLevel: "transactional",
    health: 70,
    overrides: {},
    updatedAt: at(0),
    ...overrides,
  };
}

export function aSuggestion(userId: string, overrides: Partial<Suggestion> = {}): Suggestion {
  const draft = {
    kind: "reconnect" as const,
    severity: "medium" as const,
    title: "Reconnect with Dana",
    explanation: "You last met 45 days ago.",
    evidence: { lastMetAt: at(0) },
    actions: [],
    contactEmail: "dana@client.example",
    dedupeKey: "dana@client.example",
    score: 5,
    materialEvidence: "last-met:2025-03-03",
    ...overrides,
  };
  return {
    id: suggestionId(userId, draft),
    userId,
    state: "open",
    createdAt: at(0),
    updatedAt: at(0),
    ...draft,
    ...overrides,
  };
}
