import { z } from "zod";
import { RelationshipLevel } from "./contact.ts";
import { AttendeeResponse } from "./meeting.ts";
import { Suggestion } from "./suggestion.ts";

/**
 * What the add-ins, the Google cards and the briefing email show for one person:
 * the relationship card. Built by the API from a stored Contact; the same JSON everywhere.
 */
export const RelationshipCard = z.object({
  email: z.string(),
  name: z.string().optional(),
  domain: z.string(),
  isInternal: z.boolean(),
  level: RelationshipLevel,
  /** True when the level is the user's own choice rather than inferred. */
  levelChosen: z.boolean(),
  key: z.boolean(),
  cadenceDays: z.number().int().optional(),
  health: z.number(),
  lastMetAt: z.string().optional(),
  lastMailInAt: z.string().optional(),
  lastMailOutAt: z.string().optional(),
  meetingsLast90Days: z.number().int(),
  unansweredInbound: z.number().int(),
  reciprocity: z.object({
    meetingsInitiatedByUser: z.number().int(),
    meetingsInitiatedByContact: z.number().int(),
    threadsStartedByUser: z.number().int(),
    threadsStartedByContact: z.number().int(),
  }),
  /** False for someone the user has never met or written to. */
  known: z.boolean(),
});
export type RelationshipCard = z.infer<typeof RelationshipCard>;

export const MeetingInsights = z.object({
  meeting: z.object({
    provider: z.enum(["microsoft", "google"]),
    eventId: z.string(),
    subject: z.string().optional(),
    start: z.string(),
    end: z.string(),
    isOrganizer: z.boolean(),
    organizer: z.object({ email: z.string(), name: z.string().optional() }),
  }),
  attendees: z.array(RelationshipCard.extend({ response: AttendeeResponse, type: z.string() })),
  /** The few most important open suggestions, best first. */
  suggestions: z.array(Suggestion),
  /** Open suggestions beyond the cap, one click away. */
  more: z.array(Suggestion),
});
export type MeetingInsights = z.infer<typeof MeetingInsights>;
