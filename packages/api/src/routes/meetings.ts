import { Provider, VisibleError } from "@rapport/core";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

/** What the add-ins show for an open meeting, and attendee cards for a draft not yet saved. */
export function meetingRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      "/meetings/:provider/:eventId/insights",
      zValidator("param", z.object({ provider: Provider, eventId: z.string().min(1).max(1024) })),
      zValidator("query", z.object({ iCalUId: z.string().max(1024).optional() })),
      async (c) => {
        const { provider, eventId } = c.req.valid("param");
        const insights = await deps.services.meetingInsights(c.get("user"), {
          provider,
          eventId,
          iCalUId: c.req.valid("query").iCalUId,
        });
        if (!insights) throw new VisibleError("not_found", "no_meeting", "This meeting is not known (yet).");
        return c.json(insights);
      },
    )
    .post(
      "/insights/attendees",
      zValidator("json", z.object({ emails: z.array(z.email()).min(1).max(100) })),
      async (c) => {
        const attendees = await deps.services.attendeeCards(c.get("user"), c.req.valid("json").emails);
        return c.json({ attendees });
      },
    );
}
