import type { ProviderSession } from "@rapport/providers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type GraphEmulator, startGraphEmulator } from "../src/index.ts";
import { graphEvent, sessionFor, startWebhook } from "./helpers.ts";

const MORGAN = "morgan@northwind.example";
let emulator: GraphEmulator;
let session: ProviderSession;
let webhook: Awaited<ReturnType<typeof startWebhook>>;

beforeAll(async () => {
  emulator = await startGraphEmulator({ seedDemo: true, webhookTimeoutMs: 2000 });
  session = await sessionFor(emulator, MORGAN);
});
afterAll(() => emulator.stop());
afterEach(async () => {
  for (const s of emulator.admin.subscriptions()) await session.stopWatch({ subscriptionId: s.id as string });
  emulator.admin.setFaults({
    duplicateNotifications: false,
    outOfOrderNotifications: false,
    dropNotifications: 0,
  });
  await webhook?.close();
});

const upsert = (id: string, subject: string) =>
  emulator.admin.upsertEvent(
    MORGAN,
    id,
    graphEvent({
      subject,
      start: "2026-05-01T10:00:00Z",
      minutes: 30,
      organizer: MORGAN,
      attendees: ["dana.kim@fabrikam.example"],
    }),
  );

describe("subscriptions and notifications", () => {
  it("creates a subscription after the handshake on both URLs and notifies changes in Graph's shape", async () => {
    webhook = await startWebhook();
    const now = new Date();
    const watch = await session.watchCalendar({
      notificationUrl: webhook.notificationUrl,
      lifecycleUrl: webhook.lifecycleUrl,
      secret: "s3cret-state",
    });
    const expiresIn = Date.parse(watch.expiresAt) - now.getTime();
    expect(expiresIn).toBeGreaterThan(9_990 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10_080 * 60_000);
    expect(emulator.admin.subscriptions()[0]).toMatchObject({
      resource: "/me/events",
      changeType: "created,updated,deleted",
      immutableIds: true,
    });

    upsert("evt-notify-1", "Kick-off");
    upsert("evt-notify-1", "Kick-off (moved)");
    emulator.admin.deleteEvent(MORGAN, "evt-notify-1");
    await emulator.admin.flush();
    const items = webhook.items("/webhooks/microsoft");
    expect(items.map((i) => i.changeType)).toEqual(["created", "updated", "deleted"]);
    expect(items[0]).toMatchObject({
      subscriptionId: watch.subscriptionId,
      clientState: "s3cret-state",
      tenantId: emulator.tenantId,
      resourceData: { "@odata.type": "#Microsoft.Graph.Event", id: "evt-notify-1" },
    });
    expect(items[0]?.resource).toMatch(/^Users\/.+\/Events\/evt-notify-1$/);
  });

  it("refuses the subscription when the webhook echoes the wrong token or an encoded one", async () => {
    webhook = await startWebhook({ answer: "wrong" });
    await expect(
      session.watchCalendar({
        notificationUrl: webhook.notificationUrl,
        lifecycleUrl: webhook.lifecycleUrl,
        secret: "x",
      }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    await webhook.close();
    webhook = await startWebhook({ answer: "encoded" });
    await expect(
      session.watchCalendar({
        notificationUrl: webhook.notificationUrl,
        lifecycleUrl: webhook.lifecycleUrl,
        secret: "x",
      }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    expect(emulator.admin.subscriptions()).toEqual([]);
  });

  it("renews by PATCH and reports an unknown subscription as not_found", async () => {
    webhook = await startWebhook();
    const watch = await session.watchCalendar({
      notificationUrl: webhook.notificationUrl,
      lifecycleUrl: webhook.lifecycleUrl,
      secret: "x",
    });
    const renewed = await session.renewWatch({ subscriptionId: watch.subscriptionId });
    expect(Date.parse(renewed?.expiresAt ?? "")).toBeGreaterThanOrEqual(Date.parse(watch.expiresAt));
    await expect(
      session.renewWatch({ subscriptionId: "00000000-0000-0000-0000-000000000000" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers 409 for a duplicate subscription and 400 for an over-long clientState or expiry", async () => {
    webhook = await startWebhook();
    await session.watchCalendar({
      notificationUrl: webhook.notificationUrl,
      lifecycleUrl: webhook.lifecycleUrl,
      secret: "x",
    });
    await expect(
      session.watchCalendar({
        notificationUrl: webhook.notificationUrl,
        lifecycleUrl: webhook.lifecycleUrl,
        secret: "x",
      }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    const tokens = await (await import("./helpers.ts")).signIn(emulator, MORGAN);
    const post = (body: Record<string, unknown>) =>
      fetch(`${emulator.url}/subscriptions`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const base = { changeType: "created", notificationUrl: webhook.notificationUrl, resource: "/me/events" };
    const tooLongState = await post({
      ...base,
      clientState: "x".repeat(129),
      expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(tooLongState.status).toBe(400);
    const tooLate = await post({
      ...base,
      expirationDateTime: new Date(Date.now() + 10_081 * 60_000).toISOString(),
    });
    expect(tooLate.status).toBe(400);
    expect(await tooLate.json()).toMatchObject({ error: { code: "InvalidRequest" } });
    const tooSoon = await post({ ...base, expirationDateTime: new Date(Date.now() + 60_000).toISOString() });
    const body = (await tooSoon.json()) as { expirationDateTime: string };
    expect(Date.parse(body.expirationDateTime) - Date.now()).toBeGreaterThan(44 * 60_000);
  });

  it("sends lifecycle events, and subscriptionRemoved removes the subscription", async () => {
    webhook = await startWebhook();
    const watch = await session.watchCalendar({
      notificationUrl: webhook.notificationUrl,
      lifecycleUrl: webhook.lifecycleUrl,
      secret: "life",
    });
    emulator.admin.sendLifecycle(MORGAN, "reauthorizationRequired");
    emulator.admin.removeSubscription(watch.subscriptionId);
    await emulator.admin.flush();
    const items = webhook.items("/webhooks/microsoft/lifecycle");
    expect(items.map((i) => i.lifecycleEvent)).toEqual(["reauthorizationRequired", "subscriptionRemoved"]);
    expect(items[0]).toMatchObject({ subscriptionId: watch.subscriptionId, clientState: "life" });
    await expect(session.renewWatch({ subscriptionId: watch.subscriptionId })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("duplicates, reorders and drops notifications on demand, following drops with `missed`", async () => {
    webhook = await startWebhook();
    await session.watchCalendar({
      notificationUrl: webhook.notificationUrl,
      lifecycleUrl: webhook.lifecycleUrl,
      secret: "f",
    });
    emulator.admin.setFaults({ duplicateNotifications: true });
    upsert("evt-fault-1", "Dup");
    await emulator.admin.flush();
    expect(webhook.items("/webhooks/microsoft")).toHaveLength(2);

    emulator.admin.setFaults({ duplicateNotifications: false, outOfOrderNotifications: true });
    upsert("evt-fault-2", "First");
    await new Promise((resolve) => setTimeout(resolve, 20));
    upsert("evt-fault-3", "Second");
    await emulator.admin.flush();
    const ids = webhook
      .items("/webhooks/microsoft")
      .slice(2)
      .map((i) => (i.resourceData as { id: string }).id);
    expect(ids).toEqual(["evt-fault-3", "evt-fault-2"]);

    emulator.admin.setFaults({ outOfOrderNotifications: false, dropNotifications: 2 });
    upsert("evt-fault-4", "Lost");
    upsert("evt-fault-5", "Lost too");
    await emulator.admin.flush();
    expect(webhook.items("/webhooks/microsoft")).toHaveLength(4);
    expect(webhook.items("/webhooks/microsoft/lifecycle").map((i) => i.lifecycleEvent)).toEqual(["missed"]);
  });
});
