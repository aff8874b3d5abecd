import { type MailMessage, normalizeEmail } from "@rapport/core";
import { decodeEncodedWords, parseAddressList } from "./address-list.ts";
import { GmailMessage } from "./gmail-message.ts";

export interface MessageMapContext {
  /** The connected user's addresses, to tell sent from received. */
  userEmails: readonly string[];
}

export type GmailMessageChange =
  | { kind: "message"; message: MailMessage }
  | { kind: "skipped"; messageId?: string; reason: string };

/**
 * Gmail message (format=metadata) -> MailMessage. Pure. Reads only the From, To, Cc, Date and
 * Subject headers; drafts are skipped since nobody has received them.
 */
export function mapGmailMessage(raw: unknown, ctx: MessageMapContext): GmailMessageChange {
  const parsed = GmailMessage.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: "skipped",
      reason: `not a Gmail message: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    };
  }
  const msg = parsed.data;
  const labels = msg.labelIds ?? [];
  if (labels.includes("DRAFT")) return { kind: "skipped", messageId: msg.id, reason: "draft" };

  const header = (name: string) =>
    msg.payload?.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
  const from = parseAddressList(header("From") ?? "")[0];
  if (!from) return { kind: "skipped", messageId: msg.id, reason: "message has no From address" };
  const sentAt = sentInstant(header("Date"), msg.internalDate);
  if (!sentAt) return { kind: "skipped", messageId: msg.id, reason: "message has no usable date" };

  const mine = new Set(ctx.userEmails.map(normalizeEmail));
  const outbound = mine.has(normalizeEmail(from.email)) || labels.includes("SENT");
  const message: MailMessage = {
    provider: "google",
    messageId: msg.id,
    from,
    to: parseAddressList(header("To") ?? ""),
    cc: parseAddressList(header("Cc") ?? ""),
    sentAt,
    direction: outbound ? "outbound" : "inbound",
  };
  if (msg.threadId) message.threadId = msg.threadId;
  const subject = header("Subject");
  if (subject !== undefined) message.subject = decodeEncodedWords(subject).trim();
  return { kind: "message", message };
}

/** The Date header is what the sender stamped; Gmail's internalDate is the fallback. */
function sentInstant(dateHeader: string | undefined, internalDate: string | undefined): string | undefined {
  if (dateHeader) {
    const ms = Date.parse(dateHeader.replace(/\s*\([^)]*\)\s*$/, "")); // drop a trailing "(UTC)"
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  if (internalDate && /^\d+$/.test(internalDate)) return new Date(Number(internalDate)).toISOString();
  return undefined;
}
