import { z } from "zod";

/**
 * A Gmail `Message` as `users.messages.get` returns it with `format=metadata`. The snippet
 * that Gmail may add is deliberately not part of the schema, so it is never carried on.
 */
export const GmailHeader = z.object({ name: z.string(), value: z.string() });

export const GmailMessage = z.object({
  id: z.string().min(1),
  threadId: z.string().optional(),
  labelIds: z.array(z.string()).optional(),
  historyId: z.string().optional(),
  /** Milliseconds since the epoch, as a decimal string. */
  internalDate: z.string().optional(),
  payload: z.object({ headers: z.array(GmailHeader).optional() }).optional(),
});
export type GmailMessage = z.infer<typeof GmailMessage>;

/** The headers fetched with `metadataHeaders`; nothing else is asked for. */
export const GMAIL_METADATA_HEADERS = ["From", "To", "Cc", "Date", "Subject"] as const;
