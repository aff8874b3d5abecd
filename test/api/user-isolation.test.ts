import type { RelationshipCard, Suggestion, SuggestionState } from "@rapport/core";
import { connectThroughOAuth, type LocalSystem, startLocalSystem } from "@rapport/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorAdmin, graphEvent } from "../support/graph-fixtures.ts";
import { callApi, devToken } from "../support/tokens.ts";

// Issue 6: a user only ever sees their own data. Two demo users (colleagues who share meetings
// and contacts) call every /api/v1 route against each other's ids and choices.
let system: LocalSystem;
const MORGAN = "morgan@northwind.example";
const JORDAN = "jordan@northwind.example";
const LEAVER = "leaver@northwind.example";
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const STATES: SuggestionState[] = ["open", "dismissed", "snoozed", "done", "closed"];

beforeAll(async () => {
  system = await startLocalSystem({ memory: true, port: 0, seedDemo: true, coalesceMs: 0 });
  for (const email of [MORGAN, JORDAN]) {
    tokens[email] = await devToken(system.apiUrl, email);
    ids[email] = (await system.store.users.getByEmail(email))?.userId ?? "";
  }
}, 120_000);
afterAll(async () => system?.stop());

const api = (email: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  callApi(system.apiUrl, `/api/v1${path}`, { ...init, token: tokens[email] });
const other = (email: string) => (email === MORGAN ? JORDAN : MORGAN);

async function all<T>(list: (cursor?: string) => Promise<{ items: T[]; cursor?: string }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

const storedSuggestions = async (userId: string) =>
  (
    await Promise.all(
      STATES.map((state) =>
        all((cursor) => system.store.suggestions.listForUser(userId, { state, cursor, limit: 100 })),
      ),
    )
  ).flat();
const storedContacts = (userId: string) =>
  all((cursor) => system.store.contacts.listForUser(userId, { cursor, limit: 100 }));
const storedMeetings = (userId: string) =>
  all((cursor) => system.store.meetings.listForUser(userId, { cursor, limit: 100 }));

/** Everything a user owns in the store, comparable as JSON. */
async function everything(userId: string) {
  const byId = <T extends object>(items: T[], key: (t: T) => string) =>
    [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    user: await system.store.users.get(userId),
    connections: await system.store.connections.listForUser(userId),
    subscriptions: await system.store.subscriptions.listForUser(userId),
    meetings: byId(await storedMeetings(userId), (m) => `${m.provider}/${m.eventId}`),
    contacts: byId(await storedContacts(userId), (c) => c.email),
    suggestions: byId(await storedSuggestions(userId), (s) => s.id),
    interactions: await all((cursor) =>
      system.store.interactions.listByTime(userId, "1900-01-01T00:00:00Z", "2200-01-01T00:00:00Z", {
        cursor,
        limit: 100,
      }),
    ),
  };
}

/** Pages through GET /api/v1/suggestions for one state. */
async function listedSuggestions(email: string, state: SuggestionState) {
  const items: Suggestion[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ state, limit: "50", ...(cursor ? { cursor } : {}) });
    const answer = await api(email, `/suggestions?${query}`);
    expect(answer.status, answer.text).toBe(200);
    const body = answer.json<{ suggestions: Suggestion[]; cursor?: string }>();
    items.push(...body.suggestions);
    cursor = body.cursor;
  } while (cursor);
  return items;
}

describe("every /api/v1 route keeps each user to their own data", () => {
  it("GET /me names the caller and only the caller's connections", async () => {
    for (const email of [MORGAN, JORDAN]) {
      const answer = await api(email, "/me");
      expect(answer.status).toBe(200);
      const body = answer.json<{ user: { email: string }; connections: Array<{ accountEmail: string }> }>();
      expect(body.user.email).toBe(email);
      expect(body.connections.map((c) => c.accountEmail)).toEqual([email]);
      expect(answer.text).not.toContain(other(email));
    }
  });

  it("GET /suggestions lists exactly the caller's suggestions in every state, never the other's", async () => {
    const seen: Record<string, Set<string>> = {};
    for (const email of [MORGAN, JORDAN]) {
      const listed = (await Promise.all(STATES.map((s) => listedSuggestions(email, s)))).flat();
      expect(listed.length).toBeGreaterThan(0);
      expect(new Set(listed.map((s) => s.userId))).toEqual(new Set([ids[email]]));
      const stored = await storedSuggestions(ids[email] ?? "");
      expect(listed.map((s) => s.id).sort()).toEqual(stored.map((s) => s.id).sort());
      seen[email] = new Set(listed.map((s) => s.id));
    }
    const shared = [...(seen[MORGAN] ?? [])].filter((id) => seen[JORDAN]?.has(id));
    expect(shared).toEqual([]);
  });

  it("POST /suggestions/{id} with the other user's suggestion answers 404 and changes nothing", async () => {
    const theirs = await storedSuggestions(ids[JORDAN] ?? "");
    expect(theirs.length).toBeGreaterThan(0);
    for (const suggestion of theirs) {
      for (const body of [
        { action: "dismiss" },
        { action: "done" },
        { action: "snooze" },
        { action: "reopen" },
      ]) {
        const answer = await api(MORGAN, `/suggestions/${suggestion.id}`, { method: "POST", body });
        expect(answer.status, answer.text).toBe(404);
        expect(answer.text).not.toContain(JORDAN);
      }
      expect(await system.store.suggestions.get(ids[JORDAN] ?? "", suggestion.id)).toEqual(suggestion);
    }
    // The same request by the owner works: the 404 was the other user's, not a broken route.
    const [mine] = theirs.filter((s) => s.state === "open");
    if (!mine) throw new Error("Jordan has no open suggestion");
    expect(
      (await api(JORDAN, `/suggestions/${mine.id}`, { method: "POST", body: { action: "dismiss" } })).status,
    ).toBe(200);
    expect(
      (await api(JORDAN, `/suggestions/${mine.id}`, { method: "POST", body: { action: "reopen" } })).status,
    ).toBe(200);
  });

  it("GET /meetings/{provider}/{eventId}/insights of the other user's meeting answers 404, by event id or iCalUId", async () => {
    const mine = new Set((await storedMeetings(ids[MORGAN] ?? "")).map((m) => m.iCalUId));
    const theirs = await storedMeetings(ids[JORDAN] ?? "");
    const own = theirs.find((m) => !m.isCancelled);
    const privateToJordan = theirs.find((m) => m.iCalUId && !mine.has(m.iCalUId));
    if (!own || !privateToJordan?.iCalUId) throw new Error("Jordan's demo meetings are missing");
    const path = (m: typeof own) => `/meetings/${m.provider}/${encodeURIComponent(m.eventId)}/insights`;

    expect((await api(JORDAN, path(own))).status).toBe(200);
    for (const meeting of [own, privateToJordan]) {
      const answer = await api(MORGAN, path(meeting));
      expect(answer.status, answer.text).toBe(404);
    }
    const byICal = `/meetings/microsoft/unknown-id/insights?iCalUId=${encodeURIComponent(privateToJordan.iCalUId)}`;
    expect((await api(JORDAN, byICal)).status).toBe(200);
    expect((await api(MORGAN, byICal)).status).toBe(404);
  });

  it("POST /insights/attendees and GET /contacts/{email} show the caller's relationship, not the other's", async () => {
    const morganKnows = new Set((await storedContacts(ids[MORGAN] ?? "")).map((c) => c.email));
    const onlyJordan = (await storedContacts(ids[JORDAN] ?? "")).find(
      (c) =>
        !morganKnows.has(c.email) && c.email !== MORGAN && (c.stats.meetingsHeld > 0 || c.stats.mailIn > 0),
    );
    if (!onlyJordan) throw new Error("no contact only Jordan knows");
    const cards = async (email: string) =>
      (
        await api(email, "/insights/attendees", { method: "POST", body: { emails: [onlyJordan.email] } })
      ).json<{
        attendees: RelationshipCard[];
      }>().attendees;
    const [forJordan] = await cards(JORDAN);
    const [forMorgan] = await cards(MORGAN);
    expect(forJordan?.known).toBe(true);
    expect(forMorgan).toMatchObject({
      email: onlyJordan.email,
      known: false,
      levelChosen: false,
      meetingsLast90Days: 0,
    });
    expect(forMorgan?.lastMetAt).toBeUndefined();
    expect(forMorgan?.lastMailInAt).toBeUndefined();
    expect((await api(MORGAN, `/contacts/${encodeURIComponent(onlyJordan.email)}`)).json()).toEqual(
      forMorgan,
    );
    expect((await api(JORDAN, `/contacts/${encodeURIComponent(onlyJordan.email)}`)).json()).toEqual(
      forJordan,
    );
  });

  it("GET /reports/weekly is about the caller: their name, their links, only their contacts", async () => {
    let namedAny = 0;
    for (const email of [MORGAN, JORDAN]) {
      const user = await system.store.users.get(ids[email] ?? "");
      const answer = await api(email, "/reports/weekly");
      expect(answer.status, answer.text).toBe(200);
      const body = answer.json<{ report: { userName?: string; links: unknown } }>();
      expect(body.report.userName).toBe(user?.name);
      expect(JSON.stringify(body.report.links)).toContain(ids[email]);
      const text = answer.text + (await api(email, "/reports/weekly?format=html")).text;
      expect(text).not.toContain(ids[other(email)]);
      const otherUser = await system.store.users.get(ids[other(email)] ?? "");
      if (otherUser?.unsubscribeToken) expect(text).not.toContain(otherUser.unsubscribeToken);
      const known = new Set([email, ...(await storedContacts(ids[email] ?? "")).map((c) => c.email)]);
      const named = [...answer.text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => m[0].toLowerCase());
      namedAny += named.length;
      expect(named.filter((address) => !known.has(address))).toEqual([]);
    }
    expect(namedAny).toBeGreaterThan(0);
  });

  it("PUT /contacts/{email} by one user leaves the other's card and stored choices unchanged", async () => {
    const jordanKnows = new Set((await storedContacts(ids[JORDAN] ?? "")).map((c) => c.email));
    const both = (await storedContacts(ids[MORGAN] ?? "")).find(
      (c) => jordanKnows.has(c.email) && c.email !== JORDAN,
    );
    if (!both) throw new Error("no contact shared by Morgan and Jordan");
    const path = `/contacts/${encodeURIComponent(both.email)}`;
    const jordanCard = (await api(JORDAN, path)).json<RelationshipCard>();
    const jordanStored = await system.store.contacts.get(ids[JORDAN] ?? "", both.email);
    const level = jordanCard.level === "target" ? "tentative" : "target";

    const answer = await api(MORGAN, path, {
      method: "PUT",
      body: { level, key: !jordanCard.key, cadenceDays: 11 },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json()).toMatchObject({ level, levelChosen: true, key: !jordanCard.key, cadenceDays: 11 });

    expect((await api(JORDAN, path)).json()).toEqual(jordanCard);
    expect((await system.store.contacts.get(ids[JORDAN] ?? "", both.email))?.overrides).toEqual(
      jordanStored?.overrides,
    );
  });
});

describe("DELETE /api/v1/me", () => {
  it("erases every item of the caller and nothing of anyone else", async () => {
    const graph = system.emulatorUrl("microsoft");
    await emulatorAdmin(graph, "/mailboxes", {
      method: "POST",
      body: { email: LEAVER, name: "Lee Leaver", timeZone: "UTC" },
    });
    const start = new Date(Date.now() + 3 * 86_400_000);
    await emulatorAdmin(graph, `/mailboxes/${LEAVER}/events/leave-1`, {
      method: "PUT",
      body: graphEvent({
        id: "leave-1",
        subject: "Handover",
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_600_000).toISOString(),
        organizer: LEAVER,
        isOrganizer: true,
        attendees: [{ email: MORGAN, response: "accepted" }, { email: "ana@contoso.example" }],
        createdDateTime: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    });
    await connectThroughOAuth(system.apiUrl, "microsoft", LEAVER);
    await system.drain();
    const leaverId = (await system.store.users.getByEmail(LEAVER))?.userId ?? "";
    const before = await everything(leaverId);
    expect(before.meetings.length).toBeGreaterThan(0);
    expect(before.contacts.length).toBeGreaterThan(0);
    expect(before.subscriptions.length).toBe(1);
    const othersBefore = await Promise.all([MORGAN, JORDAN].map((e) => everything(ids[e] ?? "")));

    const token = await devToken(system.apiUrl, LEAVER);
    const answer = await callApi(system.apiUrl, "/api/v1/me", { method: "DELETE", token });
    expect(answer.status, answer.text).toBe(204);
    await system.drain();

    expect(await everything(leaverId)).toEqual({
      user: undefined,
      connections: [],
      subscriptions: [],
      meetings: [],
      contacts: [],
      suggestions: [],
      interactions: [],
    });
    expect(await system.store.users.getByEmail(LEAVER)).toBeUndefined();
    const subscriptionId = before.subscriptions[0]?.subscriptionId;
    expect(system.emulators.graph?.admin.subscriptions().map((s) => s.id)).not.toContain(subscriptionId);
    expect((await callApi(system.apiUrl, "/api/v1/me", { token })).status).toBe(403);

    expect(await Promise.all([MORGAN, JORDAN].map((e) => everything(ids[e] ?? "")))).toEqual(othersBefore);
    for (const email of [MORGAN, JORDAN]) expect((await api(email, "/me")).status).toBe(200);
  });
});
