import { Hono } from "hono";
import { AdminError, type GoogleEmulatorAdmin } from "./admin.ts";

/**
 * The HTTP admin API, used by scenario replay and demo seeding. Paths are a contract:
 * POST   /_emulator/mailboxes                          {email, name, timeZone}
 * PUT    /_emulator/mailboxes/{email}/events/{eventId} Google Calendar Event JSON
 * DELETE /_emulator/mailboxes/{email}/events/{eventId}
 * POST   /_emulator/mailboxes/{email}/messages         Gmail Message JSON (format=metadata)
 * GET    /_emulator/mailboxes/{email}/events
 * PUT    /_emulator/clock {now} · PUT /_emulator/faults {...} · GET /_emulator/sent-mail
 * POST   /_emulator/flush · POST /_emulator/id-token {email, audience, issuer?}
 */
export function adminRoutes(admin: GoogleEmulatorAdmin): Hono {
  const app = new Hono().basePath("/_emulator");
  const body = async (c: { req: { json: () => Promise<unknown> } }) => c.req.json().catch(() => undefined);

  app.onError((error, c) => {
    if (error instanceof AdminError) return c.json({ error: error.message }, error.status);
    return c.json({ error: "admin request failed" }, 500);
  });

  app.post("/mailboxes", async (c) => c.json(admin.addMailbox((await body(c)) as never), 201));
  app.get("/mailboxes", (c) => c.json({ mailboxes: admin.mailboxes() }));
  app.put("/mailboxes/:email/events/:eventId", async (c) => {
    const event = (await body(c)) as Record<string, unknown> | undefined;
    const id = c.req.param("eventId");
    if (event && typeof event === "object" && event.id !== undefined && event.id !== id) {
      throw new AdminError(400, "event id in the body differs from the path");
    }
    return c.json(admin.upsertEvent(c.req.param("email"), { ...event, id }));
  });
  app.delete("/mailboxes/:email/events/:eventId", (c) => {
    admin.deleteEvent(c.req.param("email"), c.req.param("eventId"));
    return c.body(null, 204);
  });
  app.post("/mailboxes/:email/messages", async (c) =>
    c.json(admin.addMessage(c.req.param("email"), (await body(c)) as never), 201),
  );
  app.get("/mailboxes/:email/events", (c) => c.json({ items: admin.events(c.req.param("email")) }));
  app.put("/clock", async (c) => {
    const input = (await body(c)) as { now?: string | null } | undefined;
    if (!input || input.now === undefined) throw new AdminError(400, "body must be {now}");
    admin.setClock(input.now);
    return c.json({ now: input.now });
  });
  app.put("/faults", async (c) => c.json(admin.setFaults((await body(c)) as never)));
  app.get("/sent-mail", (c) => c.json({ messages: admin.sentMail() }));
  app.get("/pushes", (c) => c.json({ pushes: admin.pushes() }));
  app.post("/flush", async (c) => {
    await admin.flush();
    return c.json({ flushed: true });
  });
  app.post("/id-token", async (c) => c.json({ id_token: await admin.idToken((await body(c)) as never) }));
  return app;
}
