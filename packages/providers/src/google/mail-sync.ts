import type { MailMessage, SyncCursors } from "@rapport/core";
import pLimit from "p-limit";
import { type MailPage, ProviderError, type SyncWindow } from "../provider.ts";
import type { GoogleClients } from "./clients.ts";
import { GMAIL_METADATA_HEADERS } from "./gmail-message.ts";
import { type MessageMapContext, mapGmailMessage } from "./map-message.ts";
import { parseGoogleError } from "./parse-error.ts";

export interface MailSyncInput {
  cursors: SyncCursors;
  window: SyncWindow;
  full: boolean;
  onPage: (page: MailPage) => Promise<void>;
}

const LIST_PAGE_SIZE = 100;
const FETCH_CONCURRENCY = 5;

/**
 * One round of Gmail metadata sync. With a stored historyId: `history.list` (messageAdded only)
 * page by page; a 404 means the id is too old and throws `cursor_expired`. Without one: a full
 * round over the window, then the history id taken *before* listing, so a message arriving
 * during the round is seen twice (harmless) rather than never.
 */
export async function syncGmail(
  clients: GoogleClients,
  ctx: MessageMapContext,
  input: MailSyncInput,
): Promise<SyncCursors> {
  const startHistoryId = input.full ? undefined : input.cursors.mailHistoryId;
  const historyId = startHistoryId
    ? await syncFromHistory(clients, ctx, startHistoryId, input)
    : await fullRound(clients, ctx, input);
  return { ...input.cursors, mailHistoryId: historyId };
}

async function syncFromHistory(
  clients: GoogleClients,
  ctx: MessageMapContext,
  startHistoryId: string,
  input: MailSyncInput,
): Promise<string> {
  let pageToken: string | undefined;
  for (;;) {
    const { data } = await clients.gmail.users.history
      .list({
        userId: "me",
        startHistoryId,
        historyTypes: ["messageAdded"],
        ...(pageToken ? { pageToken } : {}),
      })
      .catch((error: unknown) => {
        throw parseGoogleError(error, { operation: "history" });
      });
    const ids = (data.history ?? []).flatMap((h) =>
      (h.messagesAdded ?? []).map((added) => added.message?.id),
    );
    await input.onPage({ messages: await fetchMessages(clients, ctx, ids) });
    if (data.nextPageToken) pageToken = data.nextPageToken;
    else return data.historyId ?? startHistoryId;
  }
}

/**
 * `messages.list` without `q` (refused under gmail.metadata). Gmail lists newest first, and a
 * listed message carries no date, so each one is fetched and the walk stops at the first message
 * older than the window start.
 */
async function fullRound(
  clients: GoogleClients,
  ctx: MessageMapContext,
  input: MailSyncInput,
): Promise<string> {
  const profile = await clients.gmail.users.getProfile({ userId: "me" }).catch((error: unknown) => {
    throw parseGoogleError(error);
  });
  const historyId = profile.data.historyId;
  if (!historyId) throw new ProviderError("temporary", "Gmail profile carried no historyId");
  const windowStart = input.window.start.toISOString();
  const windowEnd = input.window.end.toISOString();
  let pageToken: string | undefined;
  for (;;) {
    const { data } = await clients.gmail.users.messages
      .list({ userId: "me", maxResults: LIST_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) })
      .catch((error: unknown) => {
        throw parseGoogleError(error);
      });
    const messages = await fetchMessages(
      clients,
      ctx,
      (data.messages ?? []).map((m) => m.id),
    );
    const inWindow = messages.filter((m) => m.sentAt >= windowStart && m.sentAt < windowEnd);
    const reachedStart = messages.some((m) => m.sentAt < windowStart);
    await input.onPage({ messages: inWindow });
    if (!data.nextPageToken || reachedStart) return historyId;
    pageToken = data.nextPageToken;
  }
}

/** `messages.get` with format=metadata and only the five headers; gone messages are skipped. */
async function fetchMessages(
  clients: GoogleClients,
  ctx: MessageMapContext,
  ids: readonly (string | null | undefined)[],
): Promise<MailMessage[]> {
  const unique = [...new Set(ids.filter((id): id is string => typeof id === "string" && id.length > 0))];
  const limit = pLimit(FETCH_CONCURRENCY);
  const fetched = await Promise.all(
    unique.map((id) =>
      limit(async () => {
        try {
          const { data } = await clients.gmail.users.messages.get({
            userId: "me",
            id,
            format: "metadata",
            metadataHeaders: [...GMAIL_METADATA_HEADERS],
          });
          return data;
        } catch (error) {
          const parsed = parseGoogleError(error);
          if (parsed.code === "not_found") return undefined; // deleted since it was listed
          throw parsed;
        }
      }),
    ),
  );
  return fetched.flatMap((raw) => {
    if (!raw) return [];
    const change = mapGmailMessage(raw, ctx);
    return change.kind === "message" ? [change.message] : [];
  });
}
