import { Hono } from "hono";
import { calendarChangesSince, initialCalendarItems } from "./calendar-delta.ts";
import { decodeDeltaToken, encodeDeltaToken, pageSizeFrom } from "./delta-paging.ts";
import { GraphHttpError } from "./errors.ts";
import { findInstance, renderEvent } from "./event-view.ts";
import { type GraphContext, type GraphEnv, preferredZone } from "./graph-context.ts";
import type { EmulatorState } from "./state.ts";

/** `GET /me/calendarView/delta` and `GET /me/events/{id}`. */
export function calendarRoutes(state: EmulatorState): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();

  app.get("/me/events/:id", (c) => {
    const instance = findInstance(c.get("mailbox"), c.req.param("id"));
    if (!instance)
      throw new GraphHttpError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    return c.json({
      "@odata.context": `${state.graphUrl}/$metadata#users('${c.get("mailbox").id}')/events/$entity`,
      ...renderEvent(instance, preferredZone(c.get("prefer"))),
    });
  });

  app.get("/me/calendarView/delta", (c) => {
    const mailbox = c.get("mailbox");
    const q = c.req.query();
    const zone = preferredZone(c.get("prefer"));
    if (q.$skiptoken) return page(c, q.$skiptoken);
    let items: Record<string, unknown>[];
    let window: { startMs: number; endMs: number };
    if (q.$deltatoken) {
      let previous: ReturnType<typeof decodeDeltaToken>;
      try {
        previous = decodeDeltaToken(q.$deltatoken, mailbox, "calendar");
      } catch (error) {
        if (error instanceof GraphHttpError && error.status === 410) {
          const restart = `${state.graphUrl}/me/calendarView/delta?$deltatoken=`;
          throw new GraphHttpError(410, error.code, error.message, { location: restart });
        }
        throw error;
      }
      window = { startMs: previous.windowStart ?? 0, endMs: previous.windowEnd ?? 0 };
      items = calendarChangesSince(mailbox, previous.seq, window, zone);
    } else {
      const startMs = Date.parse(q.startDateTime ?? q.StartDateTime ?? "");
      const endMs = Date.parse(q.endDateTime ?? q.EndDateTime ?? "");
      if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
        throw new GraphHttpError(
          400,
          "ErrorInvalidParameter",
          "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
        );
      }
      window = { startMs, endMs };
      items = initialCalendarItems(mailbox, window, zone);
    }
    const deltaToken = encodeDeltaToken({
      kind: "calendar",
      mailbox: mailbox.id,
      seq: mailbox.seq,
      epoch: mailbox.deltaEpoch,
      windowStart: window.startMs,
      windowEnd: window.endMs,
    });
    const size = pageSizeFrom(c.get("prefer"), state.pageSize);
    return page(c, state.rounds.start(items, deltaToken, size));
  });

  function page(c: GraphContext, skipToken: string) {
    const result = state.rounds.page(skipToken);
    const link = `${state.graphUrl}/me/calendarView/delta`;
    return c.json({
      "@odata.context": `${state.graphUrl}/$metadata#Collection(event)`,
      ...(result.nextSkipToken ? { "@odata.nextLink": `${link}?$skiptoken=${result.nextSkipToken}` } : {}),
      ...(result.deltaToken ? { "@odata.deltaLink": `${link}?$deltatoken=${result.deltaToken}` } : {}),
      value: result.items,
    });
  }
  return app;
}
