import { z } from "zod";
import { Person } from "./person.ts";
import { Provider } from "./provider.ts";

/**
 * Metadata of one mail message: who, when, thread, subject at most. Never a body or a preview;
 * the privacy promise rests on this type having no field for them.
 */
export const MailMessage = z.object({
  provider: Provider,
  messageId: z.string().min(1),
  /** Graph `conversationId` / Gmail `threadId`. */
  threadId: z.string().optional(),
  subject: z.string().optional(),
  from: Person,
  to: z.array(Person),
  cc: z.array(Person),
  /** Sent time (ISO UTC); received time when the provider has no sent time. */
  sentAt: z.string(),
  /** Relative to the connected user. */
  direction: z.enum(["inbound", "outbound"]),
});
export type MailMessage = z.infer<typeof MailMessage>;
