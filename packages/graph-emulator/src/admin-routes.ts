import { Hono } from "hono";
import { z } from "zod";
import type { GraphEmulatorAdmin } from "./admin.ts";
import { GraphHttpError } from "./errors.ts";
import { FaultInput } from "./faults.ts";

const MailboxInput = z.object({
  email: z.string().min(3),
  name: z.string().default(""),
  timeZone: z.string().default("UTC"),
});
const ClockInput = z.object({ now: z.string().nullable() });
const LifecycleInput = z.object({
  email: z.string(),
  event: z.enum(["reauthorizationRequired", "subscriptionRemoved", "missed"]),
  subscriptionId: z.string().optional(),
});
const ApiTokenInput = z.object({
  email: z.string(),
  audience: z.string().optional(),
  scopes: z.array(z.string()).optional(),
});

async function body<T>(schema: z.ZodType<T>, request: Request): Promise<T> {
  const parsed = schema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success)
    throw new GraphHttpError(
      400,
      "BadRequest",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  return parsed.data;
}

/** The HTTP face of the admin API, for the scenario replay and demo seeding. Mounted at `/_emulator`. */
export function adminRoutes(admin: GraphEmulatorAdmin): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    const status = error instanceof GraphHttpError ? error.status : 500;
    return c.json(
      { error: { code: error instanceof GraphHttpError ? error.code : "internal", message: error.message } },
      status as 400,
    );
  });

  app.post("/mailboxes", async (c) => c.json(admin.addMailbox(await body(MailboxInput, c.req.raw)), 201));
  app.put("/mailboxes/:email/events/:eventId", async (c) => {
    const event = await c.req.json().catch(() => undefined);
    return c.json(admin.upsertEvent(c.req.param("email"), c.req.param("eventId"), event));
  });
  app.delete("/mailboxes/:email/events/:eventId", (c) => {
    admin.deleteEvent(c.req.param("email"), c.req.param("eventId"));
    return c.body(null, 204);
  });
  app.get("/mailboxes/:email/events", (c) => c.json({ value: admin.listEvents(c.req.param("email")) }));
  app.post("/mailboxes/:email/messages", async (c) =>
    c.json(admin.addMessage(c.req.param("email"), await c.req.json().catch(() => undefined)), 201),
  );
  app.put("/clock", async (c) => {
    const { now } = await body(ClockInput, c.req.raw);
    const date = now === null ? undefined : new Date(now);
    if (date && Number.isNaN(date.getTime()))
      throw new GraphHttpError(400, "BadRequest", "now is not a date");
    admin.setClock(date);
    return c.json({ now: date?.toISOString() ?? null });
  });
  app.put("/faults", async (c) => {
    admin.setFaults(await body(FaultInput, c.req.raw));
    return c.body(null, 204);
  });
  app.post("/lifecycle", async (c) => {
    const input = await body(LifecycleInput, c.req.raw);
    return c.json({ subscriptions: admin.sendLifecycle(input.email, input.event, input.subscriptionId) });
  });
  app.get("/sent-mail", (c) => c.json({ value: admin.sentMail() }));
  app.get("/requests", (c) => c.json({ value: admin.requests() }));
  app.get("/subscriptions", (c) => c.json({ value: admin.subscriptions() }));
  app.delete("/subscriptions/:id", (c) => {
    admin.removeSubscription(c.req.param("id"));
    return c.body(null, 204);
  });
  app.get("/stats/:email", (c) =>
    c.json({ maxConcurrentRequests: admin.maxConcurrency(c.req.param("email")) }),
  );
  app.post("/flush", async (c) => {
    await admin.flush();
    return c.body(null, 204);
  });
  app.post("/api-token", async (c) =>
    c.json({ token: await admin.issueApiToken(await body(ApiTokenInput, c.req.raw)) }),
  );
  return app;
}
