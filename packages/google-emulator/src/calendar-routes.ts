import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, requireBearer } from "./bearer.ts";
import { listChanges, listWindow } from "./calendar-store.ts";
import { decodeCursor, encodeCursor, PageTokenData, SyncTokenData } from "./cursors.ts";
import { googleError } from "./google-errors.ts";
import type { PushDispatcher } from "./push.ts";
import { hasScope } from "./scopes.ts";
import { type EmulatorState, type Json, randomId } from "./state.ts";

const PAGE_SIZE = 10; // small on purpose, so clients must follow nextPageToken
const DEFAULT_CHANNEL_TTL_S = 604_800;
const NOT_WITH_SYNC_TOKEN = [
  "timeMin",
  "timeMax",
  "updatedMin",
  "orderBy",
  "q",
  "iCalUID",
  "privateExtendedProperty",
  "sharedExtendedProperty",
];

const WatchRequest = z.object({
  id: z.string().min(1).max(64),
  type: z.enum(["web_hook", "webhook"]),
  address: z.url(),
  token: z.string().max(256).optional(),
  expiration: z.union([z.string(), z.number()]).optional(),
  params: z.object({ ttl: z.string().optional() }).optional(),
});

/** Calendar v3: events.list (full and incremental), events.watch and channels.stop. */
export function calendarRoutes(
  state: EmulatorState,
  push: PushDispatcher,
  rootUrl: () => string,
): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const results = new Map<string, { items: Json[]; nextSyncToken: string }>();
  app.use("/calendar/v3/*", requireBearer(state));
  app.use("/calendar/v3/*", async (c, next) => {
    if (!hasScope(c.get("grant").scopes, "calendar")) {
      return googleError(
        c,
        403,
        "insufficientPermissions",
        "Request had insufficient authentication scopes.",
      );
    }
    await next();
  });

  app.get("/calendar/v3/calendars/:calendarId/events", (c) => {
    const mailbox = c.get("mailbox");
    if (!ownCalendar(c.req.param("calendarId"), mailbox.email))
      return googleError(c, 404, "notFound", "Not Found");
    const q = c.req.query();
    const pageSize = Math.min(Number(q.maxResults) || PAGE_SIZE, PAGE_SIZE);
    if (q.pageToken) {
      const page = decodeCursor(PageTokenData, q.pageToken);
      const result = page && results.get(page.r);
      if (!page || !result) return googleError(c, 400, "invalid", "Invalid page token value.");
      return c.json(pageOf(result, page.r, page.o, pageSize, mailbox));
    }
    const singleEvents = q.singleEvents === "true";
    let items: Json[];
    let window: { from: number; to: number };
    if (q.syncToken) {
      const clash = NOT_WITH_SYNC_TOKEN.find((name) => q[name] !== undefined);
      if (clash)
        return googleError(
          c,
          400,
          "invalid",
          `The parameter ${clash} cannot be used together with syncToken.`,
        );
      if (q.showDeleted === "false")
        return googleError(c, 400, "invalid", "showDeleted=false cannot be used with syncToken.");
      const token = decodeCursor(SyncTokenData, q.syncToken);
      if (!token || token.m !== mailbox.email.toLowerCase())
        return googleError(c, 400, "invalid", "Invalid sync token value.");
      if (token.e < mailbox.syncEpoch) {
        return googleError(
          c,
          410,
          "fullSyncRequired",
          "Sync token is no longer valid, a full sync is required.",
        );
      }
      window = { from: token.from, to: token.to };
      items = listChanges(mailbox, token.s, {
        fromMs: token.from,
        toMs: token.to,
        singleEvents: token.single,
      });
    } else {
      const now = state.now().getTime();
      const from = q.timeMin ? Date.parse(q.timeMin) : now - 365 * 86_400_000;
      const to = q.timeMax ? Date.parse(q.timeMax) : now + 365 * 86_400_000;
      if (Number.isNaN(from) || Number.isNaN(to)) return googleError(c, 400, "badRequest", "Bad Request");
      window = { from, to };
      items = listWindow(mailbox, {
        fromMs: from,
        toMs: to,
        singleEvents,
        showDeleted: q.showDeleted === "true",
      });
    }
    const nextSyncToken = encodeCursor({
      m: mailbox.email.toLowerCase(),
      s: mailbox.seq,
      e: mailbox.syncEpoch,
      ...window,
      single: singleEvents,
    });
    const id = randomId(9);
    results.set(id, { items, nextSyncToken });
    if (results.size > 500) results.delete(results.keys().next().value as string);
    return c.json(pageOf({ items, nextSyncToken }, id, 0, pageSize, mailbox));
  });

  app.post("/calendar/v3/calendars/:calendarId/events/watch", async (c) => {
    const mailbox = c.get("mailbox");
    if (!ownCalendar(c.req.param("calendarId"), mailbox.email))
      return googleError(c, 404, "notFound", "Not Found");
    const body = WatchRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return googleError(c, 400, "invalid", `Invalid channel: ${body.error.issues[0]?.message ?? ""}`);
    const request = body.data;
    if (state.channels.has(request.id)) {
      return googleError(c, 400, "channelIdNotUnique", `Channel id ${request.id} not unique`, "push");
    }
    const now = state.now().getTime();
    const ttlS = state.faults.channelTtlSeconds ?? (Number(request.params?.ttl) || DEFAULT_CHANNEL_TTL_S);
    const requested =
      request.expiration !== undefined ? Number(request.expiration) : Number.POSITIVE_INFINITY;
    const channel = {
      id: request.id,
      resourceId: mailbox.calendarResourceId,
      resourceUri: `${rootUrl()}calendar/v3/calendars/${encodeURIComponent(mailbox.email)}/events?alt=json`,
      address: request.address,
      expiration: Math.min(requested, now + ttlS * 1000),
      mailbox: mailbox.email.toLowerCase(),
      messageNumber: 0,
      stopped: false,
      ...(request.token !== undefined ? { token: request.token } : {}),
    };
    state.channels.set(channel.id, channel);
    push.announce(channel);
    return c.json({
      kind: "api#channel",
      id: channel.id,
      resourceId: channel.resourceId,
      resourceUri: channel.resourceUri,
      ...(channel.token !== undefined ? { token: channel.token } : {}),
      expiration: String(channel.expiration),
    });
  });

  app.post("/calendar/v3/channels/stop", async (c) => {
    const body = z
      .object({ id: z.string(), resourceId: z.string().optional() })
      .safeParse(await c.req.json().catch(() => undefined));
    const channel = body.success ? state.channels.get(body.data.id) : undefined;
    const owner = c.get("mailbox").email.toLowerCase();
    if (
      !channel ||
      channel.mailbox !== owner ||
      (body.data?.resourceId && body.data.resourceId !== channel.resourceId)
    ) {
      return googleError(c, 404, "notFound", `Channel '${body.data?.id ?? ""}' not found`, "global");
    }
    channel.stopped = true;
    return c.body(null, 204);
  });

  return app;
}

function ownCalendar(calendarId: string, email: string): boolean {
  return calendarId === "primary" || decodeURIComponent(calendarId).toLowerCase() === email.toLowerCase();
}

function pageOf(
  result: { items: Json[]; nextSyncToken: string },
  id: string,
  offset: number,
  size: number,
  mailbox: { email: string; timeZone: string },
) {
  const items = result.items.slice(offset, offset + size);
  const more = offset + size < result.items.length;
  return {
    kind: "calendar#events",
    etag: `"p${id}${offset}"`,
    summary: mailbox.email,
    updated: new Date().toISOString(),
    timeZone: mailbox.timeZone,
    accessRole: "owner",
    defaultReminders: [],
    ...(more
      ? { nextPageToken: encodeCursor({ r: id, o: offset + size }) }
      : { nextSyncToken: result.nextSyncToken }),
    items,
  };
}
