import { parseGooglePushHeaders } from "@rapport/providers/google/push-headers";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Context } from "hono";
import { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

// Graph change and lifecycle notifications (providers.md §1.6, §1.7). Unknown fields pass:
// Graph adds properties over time and must not be refused for it.
const GraphItem = z.object({
  subscriptionId: z.string().min(1).max(200),
  clientState: z.string().max(256).nullish(),
  changeType: z.string().max(64).optional(),
  lifecycleEvent: z.string().max(64).optional(),
  resource: z.string().max(2048).optional(),
});
const GraphBatch = z.object({ value: z.array(GraphItem).min(1).max(1000) });

/** Provider webhooks: verify, enqueue, answer in milliseconds. The sync happens in the worker. */
export function webhookRoutes(deps: ApiDeps) {
  const limit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) => c.json({ error: "too_large", message: "Notification body too large." }, 413),
  });

  return new Hono<AppEnv>()
    .post("/microsoft", limit, async (c) => {
      const handshake = validationHandshake(c);
      if (handshake) return handshake;
      const batch = await parseGraphBatch(c);
      if (!batch.ok) return c.json({ error: "invalid_notification", message: batch.message }, 400);
      const changes = batch.items.filter((i) => !i.lifecycleEvent);
      const lifecycle = batch.items.filter((i) => i.lifecycleEvent);
      const outcome = await deps.services.acceptGraphChanges(changes);
      if (lifecycle.length > 0) await deps.services.acceptGraphLifecycle(lifecycle);
      c.get("log").info("graph notifications", { items: batch.items.length, ...outcome });
      return c.body(null, 202);
    })
    .post("/microsoft/lifecycle", limit, async (c) => {
      const handshake = validationHandshake(c);
      if (handshake) return handshake;
      const batch = await parseGraphBatch(c);
      if (!batch.ok) return c.json({ error: "invalid_notification", message: batch.message }, 400);
      const outcome = await deps.services.acceptGraphLifecycle(batch.items);
      c.get("log").info("graph lifecycle notifications", { items: batch.items.length, ...outcome });
      return c.body(null, 202);
    })
    .post("/google", async (c) => {
      const parsed = parseGooglePushHeaders(c.req.raw.headers);
      if (!parsed.ok) return c.json({ error: "invalid_push", message: parsed.error }, 400);
      const { channelId, channelToken, resourceId, resourceState } = parsed.notification;
      const outcome = await deps.services.acceptGooglePush({ channelId, channelToken, resourceId, resourceState });
      c.get("log").info("google push", { outcome, state: resourceState });
      switch (outcome) {
        case "unknown_channel":
          return c.json({ error: "unknown_channel", message: "No such channel." }, 404);
        case "bad_token":
          return c.json({ error: "bad_token", message: "Channel token does not match." }, 401);
        case "wrong_resource":
          return c.json({ error: "wrong_resource", message: "Resource id does not match the channel." }, 403);
        default:
          return c.body(null, 200);
      }
    });
}

/**
 * Graph validates a notification URL by POSTing `?validationToken=...`: answer 200 with the
 * decoded token as text/plain and nothing else. `nosniff` keeps a browser from ever treating
 * the reflected text as HTML.
 */
function validationHandshake(c: Context<AppEnv>): Response | undefined {
  const token = c.req.query("validationToken");
  if (token === undefined) return undefined;
  c.header("Content-Type", "text/plain; charset=utf-8");
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(token, 200);
}

async function parseGraphBatch(c: Context<AppEnv>) {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return { ok: false as const, message: "Body is not JSON." };
  }
  const parsed = GraphBatch.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false as const, message: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true as const, items: parsed.data.value };
}
