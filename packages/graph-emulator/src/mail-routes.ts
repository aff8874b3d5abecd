import { Hono } from "hono";
import { decodeDeltaToken, encodeDeltaToken, pageSizeFrom } from "./delta-paging.ts";
import { GraphHttpError } from "./errors.ts";
import type { GraphEnv } from "./graph-context.ts";
import { SendMailBody } from "./graph-shapes.ts";
import type { MailFolder, StoredMessage } from "./mailbox-store.ts";
import type { EmulatorState } from "./state.ts";
import { graphInstant } from "./time-zones.ts";

/** Fields the emulator never returns: it grants Mail.ReadBasic, which excludes bodies. */
const BODY_FIELDS = new Set(["body", "bodyPreview", "uniqueBody"]);

export function renderMessage(message: StoredMessage, select: string[] | undefined): Record<string, unknown> {
  const visible = Object.entries(message.json).filter(
    ([key]) => !BODY_FIELDS.has(key) && (!select || key === "id" || select.includes(key)),
  );
  return { "@odata.etag": `W/"${message.json.changeKey}"`, ...Object.fromEntries(visible), id: message.id };
}

function folderOf(name: string): MailFolder {
  const folder = name.toLowerCase();
  if (folder === "inbox" || folder === "sentitems") return folder;
  throw new GraphHttpError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
}

/** Messages delta per folder (inbox, sentitems) and sendMail. */
export function mailRoutes(state: EmulatorState): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();

  app.get("/me/mailFolders/:folder/messages/delta", (c) => {
    const mailbox = c.get("mailbox");
    const folder = folderOf(c.req.param("folder"));
    const q = c.req.query();
    const link = `${state.graphUrl}/me/mailFolders/${c.req.param("folder")}/messages/delta`;
    let skipToken = q.$skiptoken;
    if (!skipToken) {
      let since = -1;
      let select = q.$select;
      if (q.$deltatoken) {
        const previous = decodeDeltaToken(q.$deltatoken, mailbox, folder);
        since = previous.seq;
        select = previous.select;
      }
      const fields = select
        ?.split(",")
        .map((f) => f.trim())
        .filter(Boolean);
      // Only `receivedDateTime ge|gt` is allowed in a messages delta filter.
      const filter = /receivedDateTime\s+(ge|gt)\s+(\S+)/i.exec(q.$filter ?? "");
      const fromMs = filter?.[2] ? Date.parse(filter[2]) : Number.NEGATIVE_INFINITY;
      const changed = [...mailbox.messages.values()]
        .filter((m) => m.folder === folder && m.seq > since && (since >= 0 || !m.deleted))
        .filter((m) => since >= 0 || Date.parse(String(m.json.receivedDateTime)) >= fromMs)
        .sort((a, b) => String(a.json.receivedDateTime).localeCompare(String(b.json.receivedDateTime)));
      const items = changed.map((m) =>
        m.deleted ? { id: m.id, "@removed": { reason: "deleted" } } : renderMessage(m, fields),
      );
      const deltaToken = encodeDeltaToken({
        kind: folder,
        mailbox: mailbox.id,
        seq: mailbox.seq,
        epoch: mailbox.deltaEpoch,
        ...(select ? { select } : {}),
      });
      skipToken = state.rounds.start(items, deltaToken, pageSizeFrom(c.get("prefer"), state.pageSize));
    }
    const result = state.rounds.page(skipToken);
    return c.json({
      "@odata.context": `${state.graphUrl}/$metadata#Collection(message)`,
      ...(result.nextSkipToken ? { "@odata.nextLink": `${link}?$skiptoken=${result.nextSkipToken}` } : {}),
      ...(result.deltaToken ? { "@odata.deltaLink": `${link}?$deltatoken=${result.deltaToken}` } : {}),
      value: result.items,
    });
  });

  app.post("/me/sendMail", async (c) => {
    const mailbox = c.get("mailbox");
    const parsed = SendMailBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success)
      throw new GraphHttpError(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
    const { message, saveToSentItems } = parsed.data;
    const now = state.now();
    const addresses = (list: typeof message.toRecipients | undefined) =>
      (list ?? []).map((r) => r.emailAddress.address);
    state.sentMail.push({
      from: mailbox.email,
      to: addresses(message.toRecipients),
      cc: addresses(message.ccRecipients),
      subject: message.subject ?? "",
      ...(message.body?.contentType ? { contentType: message.body.contentType } : {}),
      ...(message.body ? { body: message.body.content } : {}),
      sentAt: now.toISOString(),
    });
    if (saveToSentItems !== false) {
      mailbox.addMessage(
        {
          subject: message.subject,
          from: { emailAddress: { address: mailbox.email, name: mailbox.name } },
          toRecipients: message.toRecipients,
          ccRecipients: message.ccRecipients ?? [],
          sentDateTime: graphInstant(now.getTime()),
        },
        now.getTime(),
      );
    }
    return c.body(null, 202);
  });
  return app;
}
