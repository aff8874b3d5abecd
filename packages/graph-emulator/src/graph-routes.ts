import { Hono } from "hono";
import { calendarRoutes } from "./calendar-routes.ts";
import { GraphHttpError } from "./errors.ts";
import { type GraphEnv, graphGate, sendGraphError } from "./graph-context.ts";
import { mailRoutes } from "./mail-routes.ts";
import type { EmulatorState } from "./state.ts";
import {
  createSubscription,
  deleteSubscription,
  renderSubscription,
  renewSubscription,
} from "./subscriptions.ts";
import { windowsZone } from "./time-zones.ts";

/** Graph v1.0 as far as this product uses it. Mounted at `/v1.0`. */
export function graphRoutes(state: EmulatorState): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();
  app.use("*", graphGate(state));
  app.onError((error, c) => {
    if (error instanceof GraphHttpError) return sendGraphError(c, state, error);
    return sendGraphError(
      c,
      state,
      new GraphHttpError(500, "generalException", "An unexpected error occurred."),
    );
  });
  app.notFound((c) =>
    sendGraphError(
      c,
      state,
      new GraphHttpError(400, "BadRequest", `Resource not found for the segment '${c.req.path}'.`),
    ),
  );

  app.get("/me", (c) => {
    const m = c.get("mailbox");
    const [givenName, ...rest] = m.name.split(" ");
    return c.json({
      "@odata.context": `${state.graphUrl}/$metadata#users/$entity`,
      businessPhones: [],
      displayName: m.name,
      givenName: givenName ?? null,
      surname: rest.join(" ") || null,
      jobTitle: null,
      mail: m.email,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: "en-GB",
      userPrincipalName: m.email,
      id: m.id,
    });
  });

  app.get("/me/mailboxSettings", (c) => {
    const m = c.get("mailbox");
    return c.json({
      "@odata.context": `${state.graphUrl}/$metadata#users('${m.id}')/mailboxSettings`,
      timeZone: windowsZone(m.timeZone),
    });
  });

  app.route("/", calendarRoutes(state));
  app.route("/", mailRoutes(state));

  app.post("/subscriptions", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const record = await createSubscription(state, body, {
      mailbox: c.get("mailbox"),
      applicationId: c.get("appId"),
      immutableIds: c.get("immutableIds"),
    });
    return c.json(renderSubscription(state, record), 201);
  });
  app.get("/subscriptions", (c) =>
    c.json({
      "@odata.context": `${state.graphUrl}/$metadata#subscriptions`,
      value: [...state.subscriptions.values()]
        .filter((s) => s.applicationId === c.get("appId"))
        .map((s) => renderSubscription(state, s)),
    }),
  );
  app.patch("/subscriptions/:id", async (c) => {
    const record = renewSubscription(
      state,
      c.req.param("id"),
      await c.req.json().catch(() => undefined),
      c.get("appId"),
    );
    return c.json(renderSubscription(state, record), 200);
  });
  app.delete("/subscriptions/:id", (c) => {
    deleteSubscription(state, c.req.param("id"), c.get("appId"));
    return c.body(null, 204);
  });
  return app;
}
