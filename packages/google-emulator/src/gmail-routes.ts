import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, requireBearer } from "./bearer.ts";
import { messagesNewestFirst, metadataView, minimalView } from "./gmail-store.ts";
import { googleError } from "./google-errors.ts";
import { decodeSentMessage } from "./mime.ts";
import { hasScope, metadataOnly } from "./scopes.ts";
import type { EmulatorState } from "./state.ts";

const PAGE_SIZE = 10; // small on purpose, so clients must follow nextPageToken

/** Gmail v1 for `users/me`: profile, history, messages list/get (metadata) and send. */
export function gmailRoutes(state: EmulatorState): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const base = "/gmail/v1/users/:userId";
  app.use("/gmail/v1/*", requireBearer(state));
  app.use(`${base}/*`, async (c, next) => {
    const userId = c.req.param("userId");
    if (userId !== "me" && userId?.toLowerCase() !== c.get("mailbox").email.toLowerCase()) {
      return googleError(c, 403, "forbidden", "Delegation denied");
    }
    const sending = c.req.path.endsWith("/messages/send");
    if (!hasScope(c.get("grant").scopes, sending ? "mailSend" : "mailRead")) {
      return googleError(
        c,
        403,
        "insufficientPermissions",
        "Request had insufficient authentication scopes.",
      );
    }
    await next();
  });

  app.get(`${base}/profile`, (c) => {
    const mailbox = c.get("mailbox");
    return c.json({
      emailAddress: mailbox.email,
      messagesTotal: mailbox.messages.size,
      threadsTotal: new Set([...mailbox.messages.values()].map((m) => m.message.threadId)).size,
      historyId: String(mailbox.historyId),
    });
  });

  app.get(`${base}/history`, (c) => {
    const mailbox = c.get("mailbox");
    const start = Number(c.req.query("startHistoryId"));
    if (!Number.isInteger(start) || start <= 0)
      return googleError(c, 400, "invalidArgument", "Invalid startHistoryId");
    if (start < mailbox.historyFloor || start > mailbox.historyId) {
      return googleError(c, 404, "notFound", "Requested entity was not found.");
    }
    const types = c.req.queries("historyTypes") ?? [];
    const records =
      types.length === 0 || types.includes("messageAdded") ? mailbox.history.filter((h) => h.id > start) : [];
    const offset = Number(c.req.query("pageToken") ?? 0) || 0;
    const size = Math.min(Number(c.req.query("maxResults")) || PAGE_SIZE, PAGE_SIZE);
    const page = records.slice(offset, offset + size);
    return c.json({
      history: page.map((h) => ({
        id: String(h.id),
        messages: [{ id: h.message.id, threadId: h.message.threadId }],
        messagesAdded: [{ message: h.message }],
      })),
      historyId: String(mailbox.historyId),
      ...(offset + size < records.length ? { nextPageToken: String(offset + size) } : {}),
    });
  });

  app.get(`${base}/messages`, (c) => {
    if (c.req.query("q") !== undefined && metadataOnly(c.get("grant").scopes)) {
      return googleError(c, 403, "forbidden", "Metadata scope does not support 'q' parameter");
    }
    const all = messagesNewestFirst(c.get("mailbox"), c.req.queries("labelIds") ?? []);
    const offset = Number(c.req.query("pageToken") ?? 0) || 0;
    const size = Math.min(Number(c.req.query("maxResults")) || PAGE_SIZE, PAGE_SIZE);
    return c.json({
      messages: all
        .slice(offset, offset + size)
        .map((m) => ({ id: m.message.id, threadId: m.message.threadId })),
      ...(offset + size < all.length ? { nextPageToken: String(offset + size) } : {}),
      resultSizeEstimate: all.length,
    });
  });

  app.get(`${base}/messages/:id`, (c) => {
    const stored = c.get("mailbox").messages.get(c.req.param("id"));
    const format = (c.req.query("format") ?? "full").toLowerCase();
    if ((format === "full" || format === "raw") && metadataOnly(c.get("grant").scopes)) {
      return googleError(c, 403, "forbidden", `Metadata scope doesn't allow format ${format.toUpperCase()}`);
    }
    if (!stored) return googleError(c, 404, "notFound", "Requested entity was not found.");
    if (format === "minimal") return c.json(minimalView(stored));
    // The emulator holds metadata only, so full and raw (allowed by wider scopes) show the same.
    return c.json(metadataView(stored, c.req.queries("metadataHeaders") ?? []));
  });

  app.post(`${base}/messages/send`, async (c) => {
    const body = z.object({ raw: z.string().min(1) }).safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return googleError(c, 400, "invalidArgument", "Recipient address required");
    const raw = Buffer.from(body.data.raw, "base64url").toString("utf8");
    const id = randomBytes(8).toString("hex");
    state.sentMail.push({
      id,
      threadId: id,
      mailbox: c.get("mailbox").email,
      sentAt: state.now().toISOString(),
      raw,
      ...decodeSentMessage(raw),
    });
    return c.json({ id, threadId: id, labelIds: ["SENT"] });
  });

  return app;
}
