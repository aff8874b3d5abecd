import type { MeetingInsights, RelationshipCard, Suggestion } from "@rapport/core";

/** Hand-written sample data in the API's shape, for unit tests and the static screenshot. */

/** A fixed "now" for unit tests; the screenshots pass the real clock so dates read naturally. */
export const sampleNow = new Date("2026-03-09T09:00:00Z");

function makeCard(partial: Partial<RelationshipCard> & Pick<RelationshipCard, "email">): RelationshipCard {
  return {
    domain: partial.email.split("@")[1] ?? "",
    isInternal: false,
    level: "transactional",
    levelChosen: false,
    key: false,
    health: 60,
    meetingsLast90Days: 0,
    unansweredInbound: 0,
    reciprocity: {
      meetingsInitiatedByUser: 0,
      meetingsInitiatedByContact: 0,
      threadsStartedByUser: 0,
      threadsStartedByContact: 0,
    },
    known: true,
    ...partial,
  };
}

function makeSuggestion(
  partial: Partial<Suggestion> & Pick<Suggestion, "id" | "kind" | "title" | "explanation">,
  at: string,
): Suggestion {
  return {
    severity: "medium",
    evidence: {},
    actions: [],
    dedupeKey: partial.id,
    score: 1,
    materialEvidence: partial.id,
    userId: "usr_sample",
    state: "open",
    createdAt: at,
    updatedAt: at,
    meeting: { provider: "microsoft", eventId: "evt-sample" },
    ...partial,
  };
}

export function sampleInsights(now: Date = sampleNow): MeetingInsights {
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  const inDays = (d: number, hour: number) => {
    const t = new Date(now.getTime() + d * 86_400_000);
    t.setUTCHours(hour, 0, 0, 0);
    return t.toISOString();
  };
  const card = (partial: Partial<RelationshipCard> & Pick<RelationshipCard, "email">) => makeCard(partial);
  const suggestion = (
    partial: Partial<Suggestion> & Pick<Suggestion, "id" | "kind" | "title" | "explanation">,
  ) => makeSuggestion(partial, daysAgo(1));
  return {
    meeting: {
      provider: "microsoft",
      eventId: "evt-sample",
      subject: "Northwind renewal – pricing review",
      start: inDays(2, 14),
      end: inDays(2, 15),
      isOrganizer: true,
      organizer: { email: "maya@contoso.example", name: "Maya Lind" },
    },
    attendees: [
      {
        ...card({
          email: "dana@northwind.example",
          name: "Dana Reyes",
          level: "trusted",
          levelChosen: true,
          key: true,
          lastMetAt: daysAgo(41),
          meetingsLast90Days: 2,
        }),
        response: "accepted",
        type: "required",
      },
      {
        ...card({
          email: "sam@contoso.example",
          name: "Sam Okafor",
          isInternal: true,
          lastMetAt: daysAgo(2),
          meetingsLast90Days: 9,
        }),
        response: "needsAction",
        type: "required",
      },
      {
        ...card({
          email: "lee@northwind.example",
          name: "Lee Park",
          level: "tentative",
          lastMailInAt: daysAgo(6),
          unansweredInbound: 2,
        }),
        response: "tentative",
        type: "optional",
      },
    ],
    suggestions: [
      suggestion({
        id: "sug_unannounced",
        kind: "unannounced_attendee",
        severity: "high",
        title: "Let Dana know Sam is joining",
        explanation:
          "You added Sam Okafor 3 days after Dana Reyes accepted, and you haven't written to Dana since.",
        contactEmail: "sam@contoso.example",
        actions: [
          {
            type: "draft_email",
            label: "Let them know",
            to: ["dana@northwind.example"],
            subject: "Sam will join us on Wednesday",
            body: "Hi Dana,\n\nA quick heads-up: my colleague Sam Okafor will join our pricing review on Wednesday.\n\nBest,\nMaya",
          },
          { type: "dismiss", label: "Dismiss" },
        ],
      }),
      suggestion({
        id: "sug_reconnect",
        kind: "reconnect",
        title: "You last met Dana 41 days ago",
        explanation: "Dana is a key contact; you aim to speak every 30 days.",
        contactEmail: "dana@northwind.example",
      }),
      suggestion({
        id: "sug_unanswered",
        kind: "unanswered_mail",
        title: "You have not replied to Lee's last two messages",
        explanation: "The oldest is 6 days old. Lee attends this meeting.",
        contactEmail: "lee@northwind.example",
        actions: [{ type: "set_level", label: "Mark Lee as Transactional", level: "transactional" }],
      }),
    ],
    more: [
      suggestion({
        id: "sug_first",
        kind: "first_meeting",
        severity: "low",
        title: "First meeting with Lee Park",
        explanation: "You have never met or written to Lee before this meeting.",
        contactEmail: "lee@northwind.example",
        actions: [{ type: "mark_key", label: "Mark Lee as key contact" }],
      }),
    ],
  };
}
