import type { Client } from "@microsoft/microsoft-graph-client";
import type { MailMessage, SyncCursors } from "@rapport/core";
import type { MailPage, SyncWindow } from "../provider.ts";
import { graphPath } from "./client.ts";
import { GraphMessage } from "./graph-event.ts";
import { type MessageMapContext, mapGraphMessage } from "./map-message.ts";
import { parseGraphError } from "./parse-error.ts";

/** Metadata only: never body, bodyPreview or uniqueBody. */
export const MESSAGE_SELECT =
  "from,toRecipients,ccRecipients,sentDateTime,receivedDateTime,conversationId,subject,internetMessageId";

const FOLDERS = [
  { folder: "inbox", cursor: "inboxDeltaLink" },
  { folder: "sentitems", cursor: "sentDeltaLink" },
] as const;

export interface MailSyncInput {
  cursors: SyncCursors;
  window: SyncWindow;
  full: boolean;
  onPage: (page: MailPage) => Promise<void>;
}

interface DeltaPage {
  value?: unknown[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** Messages delta for Inbox and Sent Items, one folder after the other (delta works per folder). */
export async function syncMicrosoftMail(
  client: Client,
  graphBaseUrl: string,
  ctx: MessageMapContext,
  input: MailSyncInput,
): Promise<SyncCursors> {
  const cursors: SyncCursors = { ...input.cursors };
  for (const { folder, cursor } of FOLDERS) {
    const stored = input.full ? undefined : input.cursors[cursor];
    const since = encodeURIComponent(`receivedDateTime ge ${input.window.start.toISOString()}`);
    let path: string | undefined = stored
      ? graphPath(graphBaseUrl, stored)
      : `/me/mailFolders/${folder}/messages/delta?$select=${MESSAGE_SELECT}&$filter=${since}`;
    let deltaLink: string | undefined;
    while (path) {
      const page: DeltaPage = await client
        .api(path)
        .get()
        .catch((error: unknown) => {
          throw parseGraphError(error, `Graph ${folder} delta`);
        });
      const messages: MailMessage[] = [];
      for (const item of page.value ?? []) {
        const parsed = GraphMessage.safeParse(item);
        const message = parsed.success ? mapGraphMessage(parsed.data, ctx) : undefined;
        if (message) messages.push(message);
      }
      await input.onPage({ messages });
      path = page["@odata.nextLink"] ? graphPath(graphBaseUrl, page["@odata.nextLink"]) : undefined;
      deltaLink = page["@odata.deltaLink"] ?? deltaLink;
    }
    if (deltaLink) cursors[cursor] = deltaLink;
  }
  return cursors;
}
