import { buildMeetingInsights, googleIdTokenVerifier, relationshipCard } from "@rapport/api";
import { createGoogleAddonRoutes } from "@rapport/addins";
import { normalizeEmail, type User } from "@rapport/core";
import type { Config } from "@rapport/platform";
import type { Store } from "@rapport/store";

/**
 * The Google Calendar add-on's endpoints. Each request carries two Google-signed tokens: the
 * add-on's own system token (audience = the endpoint URL, issued to the add-on's service
 * account) and the user's ID token in the body; both are verified against GOOGLE_CERTS_URL.
 */
export function googleAddonRoutes(input: { config: Config; store: Store; clock: { now(): Date } }) {
  const { config, store, clock } = input;
  const google = googleIdTokenVerifier({ certsUrl: config.google.certsUrl, audiences: [config.google.clientId ?? ""] });

  async function userByEmail(email: string): Promise<User | undefined> {
    return store.users.getByEmail(normalizeEmail(email));
  }

  return createGoogleAddonRoutes({
    local: config.mode === "local",
    publicBaseUrl: config.publicBaseUrl,
    now: () => clock.now(),
    async verifyAddonRequest(request) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
      if (!bearer) throw new Error("no system token");
      const endpoint = `${config.publicBaseUrl}${new URL(request.url).pathname}`;
      const system = await google.verifyPayload(bearer, endpoint);
      const serviceAccount = config.google.addonServiceAccount;
      if (serviceAccount && system.email !== serviceAccount) throw new Error("not the add-on's service account");
      const body = (await request.json()) as { authorizationEventObject?: { userIdToken?: string } };
      const userIdToken = body.authorizationEventObject?.userIdToken;
      if (!userIdToken) throw new Error("no user token");
      const user = await google.verifyPayload(userIdToken, config.google.clientId ?? "");
      if (user.email_verified !== true || typeof user.email !== "string") throw new Error("unverified user");
      return { userEmail: user.email };
    },
    async getInsightsForGoogleEvent(userEmail, eventId, recurringEventId) {
      const user = await userByEmail(userEmail);
      if (!user) return null;
      const direct = await buildMeetingInsights(store, user, { provider: "google", eventId });
      if (direct || !recurringEventId) return direct ?? null;
      const series = await store.meetings.listBySeries(user.userId, recurringEventId);
      const next = series.filter((m) => m.end > clock.now().toISOString()).sort((a, b) => a.start.localeCompare(b.start))[0];
      return next ? ((await buildMeetingInsights(store, user, { provider: "google", eventId: next.eventId })) ?? null) : null;
    },
    async getOverdueKeyContacts(userEmail) {
      const user = await userByEmail(userEmail);
      if (!user) return [];
      const open = await store.suggestions.listForUser(user.userId, { state: "open", limit: 200 });
      const emails = open.items.filter((s) => s.kind === "reconnect" && s.contactEmail).map((s) => s.contactEmail as string);
      const contacts = await store.contacts.getMany(user.userId, emails);
      return contacts
        .map((c) => relationshipCard(user, c.email, c))
        .sort((a, b) => (a.lastMetAt ?? "").localeCompare(b.lastMetAt ?? ""));
    },
    async updateSuggestion(userEmail, suggestionId, change) {
      const user = await userByEmail(userEmail);
      if (!user) throw new Error("unknown user");
      const now = clock.now();
      const state = ({ dismiss: "dismissed", done: "done", snooze: "snoozed" } as const)[change.action];
      const until = change.action === "snooze" ? (change.until ?? new Date(now.getTime() + 7 * 864e5).toISOString()) : undefined;
      return store.suggestions.setState(user.userId, suggestionId, state, now.toISOString(), until);
    },
  });
}
