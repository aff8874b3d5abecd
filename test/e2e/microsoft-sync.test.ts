import { connectThroughOAuth, type LocalSystem, startLocalSystem } from "@rapport/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorAdmin, graphEvent } from "../support/graph-fixtures.ts";

// Connect through the OAuth redirects, backfill, follow changes through notifications and
// delta rounds, with each of the Graph emulator's fault knobs, over real HTTP throughout.
let system: LocalSystem;
const day = 24 * 60 * 60 * 1000;
const today = new Date(new Date().toISOString().slice(0, 10));
const inDays = (n: number, hour = 10) => new Date(today.getTime() + n * day + hour * 3_600_000).toISOString();

beforeAll(async () => {
  system = await startLocalSystem({ memory: true, port: 0 });
}, 120_000);
afterAll(async () => system?.stop());

async function newMailbox(email: string) {
  const graph = system.emulatorUrl("microsoft");
  await emulatorAdmin(graph, "/mailboxes", { method: "POST", body: { email, name: "Casey Tester", timeZone: "UTC" } });
  const put = (id: string, attendees: Parameters<typeof graphEvent>[0]["attendees"], extra: { isCancelled?: boolean } = {}) =>
    emulatorAdmin(graph, `/mailboxes/${email}/events/${id}`, {
      method: "PUT",
      body: graphEvent({
        id,
        subject: `Meeting ${id}`,
        start: inDays(Number(id.replace(/\D/g, "")) % 20 + 1),
        end: inDays(Number(id.replace(/\D/g, "")) % 20 + 1, 11),
        organizer: email,
        isOrganizer: true,
        attendees,
        createdDateTime: new Date(Date.now() - 3 * day).toISOString(),
        ...extra,
      }),
    });
  const remove = (id: string) => emulatorAdmin(graph, `/mailboxes/${email}/events/${id}`, { method: "DELETE" });
  const faults = (body: Record<string, unknown>) => emulatorAdmin(graph, "/faults", { method: "PUT", body });
  return { graph, put, remove, faults };
}

async function userId(email: string) {
  const user = await system.store.users.getByEmail(email);
  if (!user) throw new Error(`user ${email} was not created`);
  return user.userId;
}

/** The emulator's truth and the store, as comparable "id: attendees" lines. */
async function compareWithTruth(email: string) {
  const graph = system.emulatorUrl("microsoft");
  const truth = (await emulatorAdmin(graph, `/mailboxes/${email}/events`, { method: "GET" })) as {
    value: Array<{ id: string; isCancelled?: boolean; attendees: Array<{ emailAddress: { address: string } }> }>;
  };
  // Deleted meetings stay in the store as cancelled (evidence for "cancelled on"): compare the live ones.
  const expected = truth.value
    .filter((e) => !e.isCancelled)
    .map((e) => `${e.id}:${e.attendees.map((a) => a.emailAddress.address.toLowerCase()).sort().join(",")}`)
    .sort();
  const stored = (await system.store.meetings.listForUser(await userId(email), { limit: 1000 })).items
    .filter((m) => !m.isCancelled)
    .map((m) => `${m.eventId}:${m.attendees.map((a) => a.email.toLowerCase()).sort().join(",")}`)
    .sort();
  return { expected, stored };
}

describe("Microsoft 365 end to end", () => {
  it("a connected mailbox is backfilled, and an attendee added later shows in the stored meeting with its time", async () => {
    const email = "casey@northwind-e2e.example";
    const box = await newMailbox(email);
    await box.put("m1", [{ email: "ana@contoso.example", response: "accepted" }]);
    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();
    const id = await userId(email);
    const before = await system.store.meetings.get(id, "microsoft", "m1");
    expect(before?.attendees.map((a) => a.email)).toEqual(["ana@contoso.example"]);

    const addedAt = Date.now();
    await box.put("m1", [{ email: "ana@contoso.example", response: "accepted" }, { email: "sam@northwind-e2e.example" }]);
    await system.drain();
    const after = await system.store.meetings.get(id, "microsoft", "m1");
    const change = after?.history.find((h) => h.email === "sam@northwind-e2e.example");
    expect(change?.change).toBe("added");
    expect(Math.abs(Date.parse(change?.at ?? "") - addedAt)).toBeLessThan(60_000);
    expect(change?.existingAttendees.map((a) => a.email)).toContain("ana@contoso.example");
  });

  const knobs: Array<[string, Record<string, unknown>]> = [
    ["duplicate notifications", { duplicateNotifications: true }],
    ["out-of-order notifications", { outOfOrderNotifications: true }],
    ["dropped notifications followed by missed", { dropNotifications: 3 }],
    ["429 with Retry-After", { throttleNext: 2, retryAfterSeconds: 1 }],
    ["503", { unavailableNext: 2, retryAfterSeconds: 1 }],
    ["an expired delta token (410)", { expireDeltaTokens: true }],
  ];
  it.each(knobs)("with %s, the final store equals the emulator's truth", async (label, fault) => {
    const email = `knob-${label.replace(/\W+/g, "-")}@northwind-e2e.example`.toLowerCase();
    const box = await newMailbox(email);
    await box.put("k1", [{ email: "ana@contoso.example" }]);
    await box.put("k2", [{ email: "raj@fabrikam.example" }]);
    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();

    await box.faults({ ...fault, email });
    await box.put("k3", [{ email: "lee@litware.example" }]);
    await box.put("k1", [{ email: "ana@contoso.example", response: "accepted" }, { email: "sam@northwind-e2e.example" }]);
    await box.remove("k2");
    await box.put("k4", [{ email: "kim@adatum.example" }]);
    await system.drain();
    await box.faults({ duplicateNotifications: false, outOfOrderNotifications: false });
    const { expected, stored } = await compareWithTruth(email);
    expect(stored).toEqual(expected);
    expect(expected.length).toBe(3);
  });

  it("a revoked refresh token marks the connection needs-reauth, and reconnecting restores the sync", async () => {
    const email = "revoked@northwind-e2e.example";
    const box = await newMailbox(email);
    await box.put("r1", [{ email: "ana@contoso.example" }]);
    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();
    await box.faults({ revokeRefreshTokens: true, email });
    // Access tokens outlive the revocation; make the next sync need a refresh.
    system.forgetAccessTokens();
    await box.put("r2", [{ email: "raj@fabrikam.example" }]);
    await system.drain();
    const id = await userId(email);
    expect((await system.store.connections.get(id, "microsoft"))?.status).toBe("needs-reauth");

    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();
    expect((await system.store.connections.get(id, "microsoft"))?.status).toBe("active");
    const { expected, stored } = await compareWithTruth(email);
    expect(stored).toEqual(expected);
  });

  it("a burst of 100 notifications for one mailbox causes at most 2 delta rounds", async () => {
    const email = "burst@northwind-e2e.example";
    const box = await newMailbox(email);
    await box.put("b1", [{ email: "ana@contoso.example" }]);
    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();
    const id = await userId(email);
    const [subscription] = await system.store.subscriptions.listForUser(id);
    if (!subscription) throw new Error("no subscription");
    const rounds = async () => {
      const log = (await emulatorAdmin(box.graph, "/requests", { method: "GET" })) as {
        value: Array<{ mailbox?: string; path: string }>;
      };
      // A round starts with the stored deltaLink; its further pages carry a skiptoken instead.
      return log.value.filter(
        (r) => r.mailbox === email && r.path.includes("calendarView/delta") && r.path.includes("deltatoken"),
      ).length;
    };
    const before = await rounds();
    const notification = {
      value: [
        {
          subscriptionId: subscription.subscriptionId,
          clientState: subscription.secret,
          changeType: "updated",
          resource: "Users/x/Events/b1",
          subscriptionExpirationDateTime: subscription.expiresAt,
          tenantId: "t",
          resourceData: { "@odata.type": "#Microsoft.Graph.Event", "@odata.id": "Users/x/Events/b1", id: "b1" },
        },
      ],
    };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${system.apiUrl}/webhooks/microsoft`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(notification),
        }),
      ),
    );
    expect(responses.every((r) => r.status === 202)).toBe(true);
    await system.drain();
    const made = (await rounds()) - before;
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(2);
  });

  it("subscriptionRemoved recreates the subscription, and changes keep arriving through it", async () => {
    const email = "removed@northwind-e2e.example";
    const box = await newMailbox(email);
    await box.put("s1", [{ email: "ana@contoso.example" }]);
    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();
    const id = await userId(email);
    const [before] = await system.store.subscriptions.listForUser(id);
    await emulatorAdmin(box.graph, `/subscriptions/${before?.subscriptionId}`, { method: "DELETE" });
    await system.drain();
    const after = await system.store.subscriptions.listForUser(id);
    expect(after).toHaveLength(1);
    expect(after[0]?.subscriptionId).not.toBe(before?.subscriptionId);
    await box.put("s2", [{ email: "raj@fabrikam.example" }]);
    await system.drain();
    expect(await system.store.meetings.get(id, "microsoft", "s2")).toBeDefined();
  });

  it("a renewal that fails is shown on the connection, and clears once renewal works again", async () => {
    const email = "renewal@northwind-e2e.example";
    const box = await newMailbox(email);
    await connectThroughOAuth(system.apiUrl, "microsoft", email);
    await system.drain();
    const id = await userId(email);
    const [subscription] = await system.store.subscriptions.listForUser(id);
    if (!subscription) throw new Error("no subscription");
    // Make it due for renewal (within the 24-hour margin), then let Graph fail.
    await system.store.subscriptions.put({ ...subscription, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await box.faults({ unavailableNext: 20, retryAfterSeconds: 1 });
    await system.runJob("renew-subscriptions");
    expect((await system.store.connections.get(id, "microsoft"))?.subscriptionAlert).toMatch(/Renewing calendar notifications failed/);
    await box.faults({ unavailableNext: 0 });
    await system.runJob("renew-subscriptions");
    expect((await system.store.connections.get(id, "microsoft"))?.subscriptionAlert).toBeUndefined();
    const [renewed] = await system.store.subscriptions.listForUser(id);
    expect(Date.parse(renewed?.expiresAt ?? "")).toBeGreaterThan(Date.now() + 2 * 24 * 3_600_000);
  });
});
