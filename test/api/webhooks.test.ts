import { randomBytes, randomUUID } from "node:crypto";
import type { Provider } from "@rapport/core";
import { connectThroughOAuth, type LocalSystem, startLocalSystem } from "@rapport/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The webhook contract of docs/configuration.md, over HTTP against the running local system:
// the Graph handshake, malformed and forged notifications, and Google's channel checks.
// "Queues nothing" is observed where it shows: no sync round runs (lastSyncAt stays, and the
// Graph emulator sees no request for the mailbox).
let system: LocalSystem;
const MS_USER = "webhook-ms@northwind-hooks.example";
const GOOGLE_USER = "webhook-g@northwind-hooks.example";

beforeAll(async () => {
  system = await startLocalSystem({ memory: true, port: 0, coalesceMs: 0 });
  system.emulators.graph?.admin.addMailbox({ email: MS_USER, name: "Webhook MS", timeZone: "UTC" });
  system.emulators.google?.admin.addMailbox({ email: GOOGLE_USER, name: "Webhook G" });
  await connectThroughOAuth(system.apiUrl, "microsoft", MS_USER);
  await connectThroughOAuth(system.apiUrl, "google", GOOGLE_USER);
  await system.drain();
}, 120_000);
afterAll(async () => system?.stop());

async function subscriptionOf(email: string) {
  const user = await system.store.users.getByEmail(email);
  const [subscription] = user ? await system.store.subscriptions.listForUser(user.userId) : [];
  if (!user || !subscription) throw new Error(`${email} has no subscription`);
  return subscription;
}

/** Something that changes whenever a sync round runs for the user's connection. */
async function syncMarker(email: string, provider: Provider) {
  const { userId } = await subscriptionOf(email);
  const connection = await system.store.connections.get(userId, provider);
  const graphRequests =
    system.emulators.graph?.admin.requests().filter((r) => r.mailbox === email).length ?? 0;
  return { lastSyncAt: connection?.lastSyncAt, graphRequests: provider === "microsoft" ? graphRequests : 0 };
}

/** Runs `act`, lets the queue and emulators settle, and says whether a sync round happened. */
async function synced(email: string, provider: Provider, act: () => Promise<void>) {
  const before = await syncMarker(email, provider);
  await act();
  await system.drain();
  // A round that already started would still be running: drain again before comparing.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await system.drain();
  const after = await syncMarker(email, provider);
  return after.lastSyncAt !== before.lastSyncAt || after.graphRequests !== before.graphRequests;
}

const post = (path: string, body?: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${system.apiUrl}${path}`, { method: "POST", body: body as BodyInit | undefined, headers });

function graphNotification(subscriptionId: string, clientState: string | null | undefined) {
  return JSON.stringify({
    value: [
      {
        subscriptionId,
        ...(clientState === undefined ? {} : { clientState }),
        changeType: "updated",
        resource: "Users/x/Events/e1",
        subscriptionExpirationDateTime: new Date(Date.now() + 86_400_000).toISOString(),
        tenantId: randomUUID(),
        resourceData: { "@odata.type": "#Microsoft.Graph.Event", "@odata.id": "Users/x/Events/e1", id: "e1" },
      },
    ],
  });
}

describe("Graph validation handshake", () => {
  it.each(["/webhooks/microsoft", "/webhooks/microsoft/lifecycle"])(
    "%s answers the decoded token as text/plain with nosniff, and nothing else",
    async (path) => {
      const token = `Validation: Token <b>&amp; ${randomUUID()} ü+/=?`;
      const response = await post(`${path}?validationToken=${encodeURIComponent(token)}`, "");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await response.text()).toBe(token);
    },
  );
});

describe("Graph notifications", () => {
  const malformed: Array<[string, string | Uint8Array]> = [
    ["an empty body", ""],
    ["a truncated object", "{"],
    ["value that is not a list", '{"value":"x"}'],
    ["a numeric subscriptionId", '{"value":[{"subscriptionId":5}]}'],
    ["an empty list", '{"value":[]}'],
    ["null", "null"],
    ["3000 random bytes", new Uint8Array(randomBytes(3000))],
  ];
  for (const path of ["/webhooks/microsoft", "/webhooks/microsoft/lifecycle"]) {
    it.each(malformed)(`${path} refuses %s with 400`, async (_label, body) => {
      const response = await post(path, body, { "content-type": "application/json" });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: string; message: string };
      expect(answer.error).toBe("invalid_notification");
    });
  }

  it("a notification for an unknown subscription is acknowledged with 202 and queues nothing", async () => {
    const { secret } = await subscriptionOf(MS_USER);
    const ran = await synced(MS_USER, "microsoft", async () => {
      const response = await post("/webhooks/microsoft", graphNotification(randomUUID(), secret), {
        "content-type": "application/json",
      });
      expect(response.status).toBe(202);
    });
    expect(ran).toBe(false);
  });

  it.each<[string, (secret: string) => string | null | undefined]>([
    ["a wrong clientState", () => randomBytes(32).toString("base64url")],
    ["the clientState with one character changed", (s) => `${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`],
    ["a clientState prefix", (s) => s.slice(0, 10)],
    ["no clientState", () => undefined],
    ["a null clientState", () => null],
  ])("a known subscription's notification with %s queues nothing", async (_label, clientState) => {
    const { subscriptionId, secret } = await subscriptionOf(MS_USER);
    const ran = await synced(MS_USER, "microsoft", async () => {
      const response = await post(
        "/webhooks/microsoft",
        graphNotification(subscriptionId, clientState(secret)),
        {
          "content-type": "application/json",
        },
      );
      expect(response.status).toBe(202);
    });
    expect(ran).toBe(false);
  });

  it("a lifecycle event with a wrong clientState leaves the subscription as it was", async () => {
    const before = await subscriptionOf(MS_USER);
    const body = JSON.parse(graphNotification(before.subscriptionId, "wrong")) as {
      value: Array<Record<string, unknown>>;
    };
    for (const item of body.value) item.lifecycleEvent = "subscriptionRemoved";
    const response = await post("/webhooks/microsoft/lifecycle", JSON.stringify(body), {
      "content-type": "application/json",
    });
    expect(response.status).toBe(202);
    await system.drain();
    expect(await subscriptionOf(MS_USER)).toEqual(before);
  });

  it("the same notification with the real clientState starts a sync (the checks above can see one)", async () => {
    const { subscriptionId, secret } = await subscriptionOf(MS_USER);
    const ran = await synced(MS_USER, "microsoft", async () => {
      const response = await post("/webhooks/microsoft", graphNotification(subscriptionId, secret), {
        "content-type": "application/json",
      });
      expect(response.status).toBe(202);
    });
    expect(ran).toBe(true);
  });
});

describe("Google Calendar push", () => {
  async function push(over: Record<string, string | undefined> = {}) {
    const channel = await subscriptionOf(GOOGLE_USER);
    const headers: Record<string, string | undefined> = {
      "X-Goog-Channel-ID": channel.subscriptionId,
      "X-Goog-Channel-Token": channel.secret,
      "X-Goog-Channel-Expiration": new Date(Date.now() + 86_400_000).toUTCString(),
      "X-Goog-Resource-ID": channel.resourceId,
      "X-Goog-Resource-URI": "https://calendar.example/calendars/primary/events",
      "X-Goog-Resource-State": "exists",
      "X-Goog-Message-Number": "7",
      ...over,
    };
    const sent = Object.fromEntries(
      Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
    );
    return post("/webhooks/google", undefined, sent);
  }

  it("a push without Google's headers is refused with 400", async () => {
    expect((await post("/webhooks/google")).status).toBe(400);
    expect((await push({ "X-Goog-Resource-State": undefined })).status).toBe(400);
    expect((await push({ "X-Goog-Resource-State": "deleted" })).status).toBe(400);
    expect((await push({ "X-Goog-Message-Number": "seven" })).status).toBe(400);
  });

  it("a push for an unknown channel answers 404 and queues nothing", async () => {
    const ran = await synced(GOOGLE_USER, "google", async () => {
      expect((await push({ "X-Goog-Channel-ID": randomUUID() })).status).toBe(404);
    });
    expect(ran).toBe(false);
  });

  it("a push with a wrong or missing channel token answers 401 and queues nothing", async () => {
    const ran = await synced(GOOGLE_USER, "google", async () => {
      expect((await push({ "X-Goog-Channel-Token": "not-the-token" })).status).toBe(401);
      expect((await push({ "X-Goog-Channel-Token": undefined })).status).toBe(401);
    });
    expect(ran).toBe(false);
  });

  it("a push naming another resource id answers 403 and queues nothing", async () => {
    const ran = await synced(GOOGLE_USER, "google", async () => {
      expect((await push({ "X-Goog-Resource-ID": "another-resource" })).status).toBe(403);
    });
    expect(ran).toBe(false);
  });

  it("the `sync` message of a channel is acknowledged with 200 and starts no sync", async () => {
    const ran = await synced(GOOGLE_USER, "google", async () => {
      expect((await push({ "X-Goog-Resource-State": "sync", "X-Goog-Message-Number": "1" })).status).toBe(
        200,
      );
    });
    expect(ran).toBe(false);
  });

  it("a genuine `exists` push answers 200 and starts a sync", async () => {
    const ran = await synced(GOOGLE_USER, "google", async () => {
      expect((await push()).status).toBe(200);
    });
    expect(ran).toBe(true);
  });
});
