import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Card } from "../src/google/card-types.ts";
import { eventCard, homepageCard, MAX_WIDGETS } from "../src/google/cards.ts";
import { deploymentFor } from "../src/google/deployment.ts";
import { Deployment } from "../src/google/deployment-schema.ts";
import { createGoogleAddonRoutes } from "../src/google/routes.ts";
import { sampleInsights, sampleNow } from "./sample-insights.ts";

const deploymentJson = JSON.parse(
  readFileSync(new URL("../google/deployment.json", import.meta.url), "utf8"),
);
const widgets = (card: Card) => card.sections.flatMap((s) => s.widgets);
const texts = (card: Card) => JSON.stringify(card);

describe("Google deployment JSON", () => {
  it("matches the documented deployment fields", () => {
    const parsed = Deployment.parse(deploymentJson);
    expect(parsed.addOns.calendar?.currentEventAccess).toBe("READ");
    expect(parsed.addOns.calendar?.eventOpenTrigger?.runFunction).toMatch(/\/addons\/google\/event-open$/);
    expect(parsed.addOns.httpOptions?.granularOauthPermissionSupport).toBe("OPT_IN");
  });

  it("rejects a misspelt field, an http trigger URL and READ access without its scope", () => {
    expect(
      Deployment.safeParse({ ...deploymentJson, addOns: { ...deploymentJson.addOns, calender: {} } }).success,
    ).toBe(false);
    const http = structuredClone(deploymentJson);
    http.addOns.calendar.eventOpenTrigger.runFunction = "http://api.example/x";
    expect(Deployment.safeParse(http).success).toBe(false);
    const noScope = {
      ...deploymentJson,
      oauthScopes: deploymentJson.oauthScopes.filter((s: string) => !s.endsWith("current.event.read")),
    };
    expect(Deployment.safeParse(noScope).error?.issues[0]?.message).toContain("current.event.read");
  });

  it("deploymentFor points the triggers at the real API", () => {
    const d = deploymentFor("https://api.example.org", "https://addin.example.org");
    expect(d.addOns.calendar?.eventOpenTrigger?.runFunction).toBe(
      "https://api.example.org/addons/google/event-open",
    );
    expect(d.addOns.common.logoUrl).toBe("https://addin.example.org/assets/icon-128.png");
  });
});

describe("Cards v2 builders", () => {
  it("the event card carries the suggestions with explanations, the draft action and the attendees", () => {
    const card = eventCard(sampleInsights(), {
      now: sampleNow,
      actionUrl: "https://api.example/addons/google/action",
    });
    expect(card.header?.title).toBe("Northwind renewal – pricing review");
    const json = texts(card);
    expect(json).toContain("<b>Let Dana know Sam is joining</b>");
    expect(json).toContain("mailto:dana@northwind.example?subject=Sam%20will%20join");
    expect(json).toContain('"key":"action","value":"dismiss"');
    expect(card.sections[0]?.collapsible).toBe(true);
    expect(card.sections[1]?.widgets).toHaveLength(3);
  });

  it("escapes data that Google would read as HTML", () => {
    const insights = sampleInsights();
    insights.meeting.subject = "<script>x</script> & co";
    expect(eventCard(insights, { now: sampleNow }).header?.title).toBe(
      "&lt;script&gt;x&lt;/script&gt; &amp; co",
    );
  });

  it("stays within the 100-widget limit for a very large meeting", () => {
    const insights = sampleInsights();
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...insights.suggestions[1],
      id: `s${i}`,
    })) as typeof insights.more;
    insights.more = many;
    insights.attendees = Array.from({ length: 300 }, (_, i) => ({
      ...insights.attendees[0],
      email: `p${i}@x.example`,
    })) as typeof insights.attendees;
    expect(
      widgets(eventCard(insights, { now: sampleNow, actionUrl: "https://a/x" })).length,
    ).toBeLessThanOrEqual(MAX_WIDGETS);
  });

  it("the homepage lists overdue key contacts, or says there are none", () => {
    const overdue = sampleInsights().attendees.filter((a) => a.key);
    expect(texts(homepageCard({ overdue, now: sampleNow }))).toContain("Dana Reyes");
    expect(texts(homepageCard({ overdue: [], now: sampleNow }))).toContain("No key contacts are overdue");
  });
});

describe("Google add-on routes", () => {
  const scopes = deploymentJson.oauthScopes as string[];
  const updates: unknown[] = [];
  const app = createGoogleAddonRoutes({
    verifyAddonRequest: async (request) => {
      if (request.headers.get("authorization") !== "Bearer google") throw new Error("bad token");
      const body = (await request.json()) as { authorizationEventObject?: { userIdToken?: string } };
      return { userEmail: body.authorizationEventObject?.userIdToken ?? "" };
    },
    getInsightsForGoogleEvent: async (_email, eventId) =>
      eventId === "evt-sample" ? sampleInsights() : null,
    getOverdueKeyContacts: async () => sampleInsights().attendees.filter((a) => a.key),
    updateSuggestion: async (...args) => void updates.push(args),
    publicBaseUrl: "https://api.example",
    local: false,
    now: () => sampleNow,
  });
  const post = (path: string, body: unknown, auth = "Bearer google") =>
    app.request(path, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const event = (extra: object = {}) => ({
    commonEventObject: { hostApp: "CALENDAR", platform: "WEB" },
    authorizationEventObject: { userIdToken: "maya@contoso.example", authorizedScopes: scopes },
    calendar: { calendarId: "primary", id: "evt-sample", organizer: { email: "maya@contoso.example" } },
    ...extra,
  });

  it("event-open pushes the event card for a verified request", async () => {
    const response = await post("/addons/google/event-open", event());
    expect(response.status).toBe(200);
    const json = (await response.json()) as { action: { navigations: { pushCard: Card }[] } };
    expect(texts(json.action.navigations[0]?.pushCard as Card)).toContain("Let Dana know Sam is joining");
  });

  it("asks Google for the scopes the user did not grant (granular consent)", async () => {
    const partial = event({
      authorizationEventObject: { userIdToken: "maya@contoso.example", authorizedScopes: [scopes[0]] },
    });
    const json = await (await post("/addons/google/event-open", partial)).json();
    expect(json).toEqual({ requesting_google_scopes: { scopes: scopes.slice(1) } });
  });

  it("refuses requests that Google did not sign, and bodies that are not event objects", async () => {
    expect((await post("/addons/google/event-open", event(), "Bearer forged")).status).toBe(401);
    expect((await post("/addons/google/event-open", { calendar: "nope" })).status).toBe(400);
  });

  it("an unknown event gets a card that says so", async () => {
    const json = await (
      await post("/addons/google/event-open", event({ calendar: { id: "new-event" } }))
    ).json();
    expect(JSON.stringify(json)).toContain("isn't in Rapport yet");
  });

  it("a card button updates the suggestion and redraws the card with a notification", async () => {
    const body = event({
      commonEventObject: {
        parameters: { suggestionId: "sug_reconnect", action: "snooze", eventId: "evt-sample" },
      },
    });
    const json = (await (await post("/addons/google/action", body)).json()) as {
      renderActions: { action: { notification: { text: string } } };
    };
    expect(json.renderActions.action.notification.text).toBe("Snoozed for a week");
    expect(updates).toEqual([
      [
        "maya@contoso.example",
        "sug_reconnect",
        { action: "snooze", until: new Date(sampleNow.getTime() + 7 * 86_400_000).toISOString() },
      ],
    ]);
  });

  it("the homepage shows overdue key contacts", async () => {
    const json = await (await post("/addons/google/homepage", event({ calendar: undefined }))).json();
    expect(JSON.stringify(json)).toContain("Dana Reyes");
  });

  it("the dev preview route exists only in local mode", async () => {
    expect((await app.request("/dev/google-card?email=maya@contoso.example&eventId=evt-sample")).status).toBe(
      404,
    );
  });
});
