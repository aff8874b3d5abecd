import type { MeetingInsights, RelationshipCard } from "@rapport/core";
import { Hono } from "hono";
import { createGoogleAddonRoutes } from "../src/google/routes.ts";
import { createAddinStaticRoutes } from "../src/static.ts";
import { sampleInsights } from "./sample-insights.ts";

/**
 * A stand-in for the Rapport API with the sample data, for the static screenshots and the
 * package's own browser checks. Same routes and JSON as the real API contract; one user.
 */
export function createFakeApi(
  distDir: string,
  now: () => Date = () => new Date(),
): { app: Hono; state: MeetingInsights } {
  const state = sampleInsights(now());
  const app = new Hono();
  const token = "sample-token";
  app.get("/dev/token", (c) => c.json({ token }));
  app.use("/api/*", async (c, next) => {
    if (c.req.header("authorization") !== `Bearer ${token}`) return c.json({ error: "unauthorized" }, 401);
    await next();
  });
  app.get("/api/v1/meetings/microsoft/:eventId/insights", (c) =>
    c.req.param("eventId") === state.meeting.eventId
      ? c.json(state)
      : c.json({ error: "unknown meeting" }, 404),
  );
  app.post("/api/v1/insights/attendees", async (c) => {
    const { emails } = (await c.req.json()) as { emails: string[] };
    return c.json({ attendees: state.attendees.filter((a) => emails.includes(a.email)) });
  });
  app.post("/api/v1/suggestions/:id", async (c) => {
    const all = [...state.suggestions, ...state.more];
    const found = all.find((s) => s.id === c.req.param("id"));
    if (!found) return c.json({ error: "unknown suggestion" }, 404);
    const rest = all.filter((s) => s !== found);
    state.suggestions = rest.slice(0, 3);
    state.more = rest.slice(3);
    const { action } = (await c.req.json()) as { action: string };
    return c.json({
      ...found,
      state: action === "dismiss" ? "dismissed" : action === "done" ? "done" : "snoozed",
    });
  });
  app.put("/api/v1/contacts/:email", async (c) => {
    const patch = (await c.req.json()) as Partial<RelationshipCard>;
    const index = state.attendees.findIndex((a) => a.email === c.req.param("email"));
    const current = state.attendees[index];
    if (!current) return c.json({ error: "unknown contact" }, 404);
    const updated = { ...current, ...patch, levelChosen: patch.level ? true : current.levelChosen };
    state.attendees[index] = updated;
    const { response: _r, type: _t, ...cardOnly } = updated;
    return c.json(cardOnly);
  });
  app.route(
    "/",
    createGoogleAddonRoutes({
      verifyAddonRequest: async () => ({ userEmail: "maya@contoso.example" }),
      getInsightsForGoogleEvent: async (_user, eventId) => (eventId === state.meeting.eventId ? state : null),
      getOverdueKeyContacts: async () => state.attendees.filter((a) => a.key),
      updateSuggestion: async () => ({}),
      publicBaseUrl: "http://localhost",
      local: true,
      now,
    }),
  );
  app.route("/", createAddinStaticRoutes({ dir: distDir }));
  return { app, state };
}
