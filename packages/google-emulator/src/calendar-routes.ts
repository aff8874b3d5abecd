import { Hono } from "hono";
import { type ApiEnv, requireBearer } from "./bearer.ts";
import { listChanges, listWindow } from "./calendar-store.ts";
import { decodeCursor, encodeCursor, PageTokenData, SyncTokenData } from "./cursors.ts";
import { googleError } from "./google-errors.ts";
import { hasScope } from "./scopes.ts";
import { type EmulatorState, type Json, randomId } from "./state.ts";

const PAGE_SIZE = 10; // small on purpose, so clients must follow nextPageToken
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

/**
 * Calendar v3 events.list, full and incremental, and the bearer and scope checks for every
 * /calendar/v3 path (channel-routes.ts is mounted after it and relies on them).
 */
export function calendarRoutes(state: EmulatorState): Hono<ApiEnv> {
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

  // Calendars: get. The calendar's time zone is the mailbox's (Google: the user's default zone).
  app.get("/calendar/v3/calendars/:calendarId", (c) => {
    const mailbox = c.get("mailbox");
    if (!ownCalendar(c.req.param("calendarId"), mailbox.email))
      return googleError(c, 404, "notFound", "Not Found");
    return c.json({
      kind: "calendar#calendar",
      etag: `"cal-${mailbox.email}"`,
      id: mailbox.email,
      summary: mailbox.email,
      timeZone: mailbox.timeZone,
    });
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

  return app;
}

export function ownCalendar(calendarId: string, email: string): boolean {
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
