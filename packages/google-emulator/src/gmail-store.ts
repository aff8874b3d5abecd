import { randomBytes } from "node:crypto";
import type { Json, Mailbox, StoredMessage } from "./state.ts";

/** Adds a message (Gmail `Message`, format=metadata) and the history record that announces it. */
export function addMessage(mailbox: Mailbox, input: Json, now: Date): Json {
  const id = typeof input.id === "string" && input.id ? input.id : randomBytes(8).toString("hex");
  const headers = headersOf(input);
  const dateHeader = headers.find((h) => h.name.toLowerCase() === "date")?.value;
  const fromHeader = Number(input.internalDate);
  const fromDate = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  const internalDate =
    Number.isFinite(fromHeader) && fromHeader > 0
      ? fromHeader
      : Number.isNaN(fromDate)
        ? now.getTime()
        : fromDate;
  // History ids grow with gaps, as Gmail's do; clients must not count on consecutive ids.
  mailbox.historyId += 1 + Math.floor(Math.random() * 3);
  const message: Json = {
    ...input,
    id,
    threadId: typeof input.threadId === "string" && input.threadId ? input.threadId : id,
    labelIds: Array.isArray(input.labelIds) ? input.labelIds : ["INBOX"],
    historyId: String(mailbox.historyId),
    internalDate: String(internalDate),
    sizeEstimate: typeof input.sizeEstimate === "number" ? input.sizeEstimate : 1024,
    payload: { partId: "", mimeType: "multipart/alternative", filename: "", headers },
  };
  mailbox.messages.set(id, { message, internalDate, historyId: mailbox.historyId });
  mailbox.history.push({
    id: mailbox.historyId,
    message: { id, threadId: String(message.threadId), labelIds: message.labelIds as string[] },
  });
  return message;
}

/** Newest first, as messages.list orders them. */
export function messagesNewestFirst(mailbox: Mailbox, labelIds: readonly string[]): StoredMessage[] {
  return [...mailbox.messages.values()]
    .filter((m) => labelIds.every((l) => (m.message.labelIds as string[]).includes(l)))
    .sort((a, b) => b.internalDate - a.internalDate || b.historyId - a.historyId);
}

/** format=metadata: id, labels and headers (only those named, when any are). */
export function metadataView(stored: StoredMessage, names: readonly string[]): Json {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const headers = headersOf(stored.message).filter(
    (h) => wanted.size === 0 || wanted.has(h.name.toLowerCase()),
  );
  const { snippet: _never, payload, ...rest } = stored.message;
  return { ...rest, payload: { ...(payload as Json), headers } };
}

export function minimalView(stored: StoredMessage): Json {
  const { id, threadId, labelIds, historyId, internalDate, sizeEstimate } = stored.message;
  return { id, threadId, labelIds, historyId, internalDate, sizeEstimate };
}

function headersOf(message: Json): { name: string; value: string }[] {
  const payload = message.payload as { headers?: unknown } | undefined;
  if (!Array.isArray(payload?.headers)) return [];
  return payload.headers.filter(
    (h): h is { name: string; value: string } => typeof h?.name === "string" && typeof h?.value === "string",
  );
}
