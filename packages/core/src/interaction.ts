import { z } from "zod";
import { Provider } from "./provider.ts";

/**
 * One meeting or one message between the user and one contact, metadata only. A meeting with
 * five people yields five interactions; `participantCount` lets analysis weigh them down.
 */
export const Interaction = z.object({
  userId: z.string(),
  /** Normalized address of the contact. */
  contactEmail: z.string(),
  provider: Provider,
  kind: z.enum(["meeting", "mail"]),
  /** The event id or message id it comes from. */
  sourceId: z.string(),
  /** Meeting start, or message sent time (ISO UTC). */
  at: z.string(),
  /** Mail: who sent it. Meeting: who organized it. */
  initiatedBy: z.enum(["user", "contact", "other"]),
  /** Mail only: direction relative to the user. */
  direction: z.enum(["inbound", "outbound"]).optional(),
  /** Mail thread id, to tell replies from new threads. */
  threadId: z.string().optional(),
  /** People on the meeting or message besides the user (contacts plus others). */
  participantCount: z.number().int().nonnegative(),
  /** Meeting only: held (took place or will), cancelled, or declined by either side. */
  status: z.enum(["held", "cancelled", "declined"]).optional(),
  /** Mail only: the user was in To or Cc (not reached through a list or Bcc). */
  directToUser: z.boolean().optional(),
  /** Meeting only: the user declined it (as opposed to the contact). */
  declinedByUser: z.boolean().optional(),
  /** Meeting only: the meeting's own creation time (target contacted "this week"). */
  createdAt: z.string().optional(),
  /** Meeting only: end time, to tell past from upcoming. */
  endAt: z.string().optional(),
  /** Meeting only: it belongs to a recurring series. */
  recurring: z.boolean().optional(),
});
export type Interaction = z.infer<typeof Interaction>;

export function interactionId(i: Pick<Interaction, "provider" | "kind" | "sourceId" | "contactEmail">): string {
  return `${i.provider}:${i.kind}:${i.sourceId}:${i.contactEmail}`;
}
