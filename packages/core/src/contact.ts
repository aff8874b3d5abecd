import { z } from "zod";

export const RelationshipLevel = z.enum(["trusted", "transactional", "tentative", "target"]);
export type RelationshipLevel = z.infer<typeof RelationshipLevel>;

/** What the user chose in the sidebar. Always wins over what metadata suggests. */
export const ContactOverrides = z.object({
  level: RelationshipLevel.optional(),
  key: z.boolean().optional(),
  cadenceDays: z.number().int().min(1).max(366).optional(),
  /** When the user last changed any of these. */
  updatedAt: z.string().optional(),
});
export type ContactOverrides = z.infer<typeof ContactOverrides>;

/**
 * Per-user aggregates about one person, recomputed from that person's interactions.
 * Dates are ISO UTC; counts exclude large meetings unless the field says otherwise.
 */
export const ContactStats = z.object({
  firstInteractionAt: z.string().optional(),
  firstMetAt: z.string().optional(),
  lastMetAt: z.string().optional(),
  nextMeetingAt: z.string().optional(),
  lastMailInAt: z.string().optional(),
  lastMailOutAt: z.string().optional(),
  meetingsHeld: z.number().int().nonnegative(),
  meetingsLast90Days: z.number().int().nonnegative(),
  oneOnOneMeetings: z.number().int().nonnegative(),
  mailIn: z.number().int().nonnegative(),
  mailOut: z.number().int().nonnegative(),
  /** Inbound threads whose last message is theirs and has had no reply from the user. */
  unansweredInbound: z.number().int().nonnegative(),
  oldestUnansweredAt: z.string().optional(),
  /** Outbound threads the contact has not answered. */
  unansweredOutbound: z.number().int().nonnegative(),
  meetingsInitiatedByUser: z.number().int().nonnegative(),
  meetingsInitiatedByContact: z.number().int().nonnegative(),
  threadsStartedByUser: z.number().int().nonnegative(),
  threadsStartedByContact: z.number().int().nonnegative(),
  /** Meetings the user cancelled or declined with this contact. */
  cancelledByUser: z.number().int().nonnegative(),
});
export type ContactStats = z.infer<typeof ContactStats>;

export const Contact = z.object({
  userId: z.string(),
  /** Normalized address; the contact's identity for this user. */
  email: z.string(),
  name: z.string().optional(),
  /** The organization, by mail domain. */
  domain: z.string(),
  isInternal: z.boolean(),
  stats: ContactStats,
  /** Level inferred from metadata, before the user's overrides. */
  inferredLevel: RelationshipLevel,
  /** Interaction health, 0 to 100, inferred from metadata (not closeness). */
  health: z.number().min(0).max(100),
  overrides: ContactOverrides,
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

/** The level that counts: the user's choice, else the inferred one. */
export function effectiveLevel(contact: Pick<Contact, "inferredLevel" | "overrides">): RelationshipLevel {
  return contact.overrides.level ?? contact.inferredLevel;
}

export function isKeyContact(contact: Pick<Contact, "overrides">): boolean {
  return contact.overrides.key === true;
}
