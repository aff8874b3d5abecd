import type { MeetingInsights, RelationshipCard } from "@rapport/core";
import { Hono } from "hono";
import type { ActionResponse, Card, RenderAction } from "./card-types.ts";
import { errorCard, eventCard, homepageCard } from "./cards.ts";
import { requiredScopes } from "./deployment.ts";
import { AddonRequest, SuggestionActionParameters } from "./request.ts";

export interface GoogleAddonRoutesOptions {
  /** Checks the Google-signed token(s); receives a clone of the request, body still readable. */
  verifyAddonRequest(request: Request): Promise<{ userEmail: string }>;
  getInsightsForGoogleEvent(
    userEmail: string,
    eventId: string,
    recurringEventId?: string,
  ): Promise<MeetingInsights | null>;
  getOverdueKeyContacts(userEmail: string): Promise<RelationshipCard[]>;
  /** Applies a card button (dismiss, snooze, done). Without it the cards show no such buttons. */
  updateSuggestion?(
    userEmail: string,
    suggestionId: string,
    change: { action: "dismiss" | "snooze" | "done"; until?: string },
  ): Promise<unknown>;
  /** Public origin of the API, for the buttons' action URL (it is also the token audience). */
  publicBaseUrl?: string;
  /** Adds GET /dev/google-card (no verification): only for the local runtime. */
  local: boolean;
  now?: () => Date;
}

const WEEK = 7 * 24 * 60 * 60 * 1000;
export const GOOGLE_ADDON_PATHS = {
  homepage: "/addons/google/homepage",
  eventOpen: "/addons/google/event-open",
  action: "/addons/google/action",
} as const;

const push = (card: Card): RenderAction => ({ action: { navigations: [{ pushCard: card }] } });

/** Google Calendar add-on endpoints (HTTP runtime), returning Cards v2 render actions. */
export function createGoogleAddonRoutes(options: GoogleAddonRoutesOptions): Hono {
  const app = new Hono();
  const now = options.now ?? (() => new Date());
  const actionUrl =
    options.updateSuggestion && options.publicBaseUrl
      ? `${options.publicBaseUrl.replace(/\/$/, "")}${GOOGLE_ADDON_PATHS.action}`
      : undefined;

  async function parse(request: Request): Promise<AddonRequest | null> {
    const parsed = AddonRequest.safeParse(
      await request
        .clone()
        .json()
        .catch(() => undefined),
    );
    return parsed.success ? parsed.data : null;
  }

  /** Granular consent: users may untick scopes; ask Google to request the missing ones again. */
  function missingScopes(body: AddonRequest, trigger: "homepage" | "event-open"): string[] {
    const granted = body.authorizationEventObject?.authorizedScopes;
    if (!granted) return [];
    return requiredScopes(trigger).filter((s) => !granted.includes(s));
  }

  async function identify(request: Request): Promise<string | null> {
    try {
      return (await options.verifyAddonRequest(request.clone())).userEmail;
    } catch {
      return null;
    }
  }

  async function eventResponse(
    userEmail: string,
    eventId: string,
    recurringEventId: string | undefined,
    timeZone?: string,
  ): Promise<Card> {
    const insights = await options.getInsightsForGoogleEvent(userEmail, eventId, recurringEventId);
    if (!insights) return errorCard("This event isn't in Rapport yet. Insights appear after the next sync.");
    return eventCard(insights, { now: now(), actionUrl, timeZone });
  }

  app.post(GOOGLE_ADDON_PATHS.eventOpen, async (c) => {
    const body = await parse(c.req.raw);
    if (!body) return c.json({ error: "The request body is not a Google add-on event object." }, 400);
    const missing = missingScopes(body, "event-open");
    if (missing.length > 0) return c.json({ requesting_google_scopes: { scopes: missing } });
    const userEmail = await identify(c.req.raw);
    if (!userEmail) return c.json({ error: "The request is not from Google." }, 401);
    const eventId = body.calendar?.id;
    if (!eventId) return c.json(push(errorCard("Open a saved event to see relationship insights.")));
    return c.json(
      push(
        await eventResponse(
          userEmail,
          eventId,
          body.calendar?.recurringEventId,
          body.commonEventObject?.timeZone?.id,
        ),
      ),
    );
  });

  app.post(GOOGLE_ADDON_PATHS.homepage, async (c) => {
    const body = await parse(c.req.raw);
    if (!body) return c.json({ error: "The request body is not a Google add-on event object." }, 400);
    const missing = missingScopes(body, "homepage");
    if (missing.length > 0) return c.json({ requesting_google_scopes: { scopes: missing } });
    const userEmail = await identify(c.req.raw);
    if (!userEmail) return c.json({ error: "The request is not from Google." }, 401);
    return c.json(
      push(homepageCard({ overdue: await options.getOverdueKeyContacts(userEmail), now: now() })),
    );
  });

  app.post(GOOGLE_ADDON_PATHS.action, async (c) => {
    const body = await parse(c.req.raw);
    const params = SuggestionActionParameters.safeParse(body?.commonEventObject?.parameters);
    if (!body || !params.success) return c.json({ error: "Missing or invalid action parameters." }, 400);
    const userEmail = await identify(c.req.raw);
    if (!userEmail) return c.json({ error: "The request is not from Google." }, 401);
    if (!options.updateSuggestion) return c.json({ error: "Actions are not enabled." }, 404);
    const { suggestionId, action, eventId, recurringEventId } = params.data;
    const until = action === "snooze" ? new Date(now().getTime() + WEEK).toISOString() : undefined;
    await options.updateSuggestion(userEmail, suggestionId, { action, ...(until ? { until } : {}) });
    const card = await eventResponse(
      userEmail,
      eventId,
      recurringEventId,
      body.commonEventObject?.timeZone?.id,
    );
    const text =
      action === "dismiss" ? "Dismissed" : action === "done" ? "Marked done" : "Snoozed for a week";
    const response: ActionResponse = {
      renderActions: { action: { navigations: [{ updateCard: card }], notification: { text } } },
    };
    return c.json(response);
  });

  if (options.local) {
    // Local preview for google-card.html: the same JSON the triggers return, for a chosen user.
    app.get("/dev/google-card", async (c) => {
      const email = c.req.query("email");
      if (!email) return c.json({ error: "email is required" }, 400);
      const eventId = c.req.query("eventId");
      if (eventId) return c.json(push(await eventResponse(email, eventId, c.req.query("recurringEventId"))));
      return c.json(push(homepageCard({ overdue: await options.getOverdueKeyContacts(email), now: now() })));
    });
  }

  return app;
}
