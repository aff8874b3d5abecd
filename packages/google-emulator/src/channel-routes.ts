import { Hono } from "hono";
import { z } from "zod";
import type { ApiEnv } from "./bearer.ts";
import { ownCalendar } from "./calendar-routes.ts";
import { googleError } from "./google-errors.ts";
import type { PushDispatcher } from "./push.ts";
import type { EmulatorState } from "./state.ts";

const DEFAULT_CHANNEL_TTL_S = 604_800; // Google's documented default

const WatchRequest = z.object({
  id: z.string().min(1).max(64),
  type: z.enum(["web_hook", "webhook"]),
  address: z.url(),
  token: z.string().max(256).optional(),
  expiration: z.union([z.string(), z.number()]).optional(),
  params: z.object({ ttl: z.string().optional() }).optional(),
});

/**
 * events.watch and channels.stop. Mounted after calendarRoutes, whose middleware has already
 * checked the bearer token and the calendar scope for every /calendar/v3 path.
 */
export function channelRoutes(
  state: EmulatorState,
  push: PushDispatcher,
  rootUrl: () => string,
): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

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
