import { type MailMessage, normalizeEmail, type Person, sameEmail } from "@rapport/core";
import type { GraphMessage } from "./graph-event.ts";
import { graphInstant } from "./time-zones.ts";

export interface MessageMapContext {
  userEmails: readonly string[];
}

type GraphRecipient = NonNullable<GraphMessage["from"]>;

function person(recipient: GraphRecipient | null | undefined): Person | undefined {
  const address = recipient?.emailAddress?.address;
  if (!address) return undefined;
  const name = recipient?.emailAddress?.name;
  return { email: normalizeEmail(address), ...(name ? { name } : {}) };
}

/**
 * Graph message metadata -> MailMessage. Pure. Returns undefined for items without a sender or
 * a date (drafts, system items): they say nothing about a relationship.
 */
export function mapGraphMessage(message: GraphMessage, ctx: MessageMapContext): MailMessage | undefined {
  const from = person(message.from) ?? person(message.sender);
  const sentAt = graphInstant(message.sentDateTime) ?? graphInstant(message.receivedDateTime);
  if (!from || !sentAt) return undefined;
  const people = (list: GraphRecipient[] | null | undefined) =>
    (list ?? []).map(person).filter((p): p is Person => p !== undefined);
  return {
    provider: "microsoft",
    messageId: message.id,
    ...(message.conversationId ? { threadId: message.conversationId } : {}),
    ...(message.subject ? { subject: message.subject } : {}),
    from,
    to: people(message.toRecipients),
    cc: people(message.ccRecipients),
    sentAt,
    direction: ctx.userEmails.some((u) => sameEmail(u, from.email)) ? "outbound" : "inbound",
  };
}
