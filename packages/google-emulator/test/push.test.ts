import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseGooglePushHeaders } from "@rapport/providers/google/index";
import type { ProviderSession } from "@rapport/providers/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GoogleEmulator } from "../src/index.ts";
import { emulatorWith, sessionFor } from "./connect.ts";

const EMAIL = "riley@northwind.example";
const NOW = new Date("2026-02-02T09:00:00Z");
let emulator: GoogleEmulator;
let session: ProviderSession;
let receiver: Server;
let address: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

function event(id: string) {
  return {
    id,
    organizer: { email: EMAIL },
    start: { dateTime: "2026-02-03T10:00:00Z" },
    end: { dateTime: "2026-02-03T11:00:00Z" },
  };
}

async function watch() {
  return session.watchCalendar({
    notificationUrl: address,
    lifecycleUrl: address,
    secret: "channel-secret-1",
  });
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  address = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/google`;
  emulator = await emulatorWith(EMAIL, NOW);
  session = await sessionFor(emulator, EMAIL, () => NOW);
});
afterAll(async () => {
  await emulator.stop();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  emulator.admin.setClock(NOW);
  emulator.admin.setFaults({ duplicatePushes: false, dropPushes: false, channelTtlSeconds: null });
  await emulator.admin.flush();
  received.length = 0;
});

describe("Google Calendar push channels against the emulator", () => {
  it("watch sends a bodiless sync message with the real headers, then exists on each change", async () => {
    const channel = await watch();
    emulator.admin.upsertEvent(EMAIL, event("p1"));
    emulator.admin.upsertEvent(EMAIL, event("p1"));
    await emulator.admin.flush();
    const mine = received.filter((r) => r.headers["x-goog-channel-id"] === channel.subscriptionId);
    expect(mine.map((r) => r.headers["x-goog-resource-state"])).toEqual(["sync", "exists", "exists"]);
    const parsed = mine.map((r) => parseGooglePushHeaders(r.headers));
    const numbers = parsed.map((p) => (p.ok ? p.notification.messageNumber : -1));
    expect(numbers[0]).toBe(1);
    expect(numbers[2]).toBeGreaterThan(numbers[1] ?? 0);
    expect(parsed[1]).toMatchObject({
      ok: true,
      notification: {
        channelToken: "channel-secret-1",
        resourceId: channel.resourceId,
        channelExpiration: channel.expiresAt,
      },
    });
    expect(mine.every((r) => r.body === "" && r.headers["user-agent"] === "APIs-Google")).toBe(true);
    await session.stopWatch(channel);
  });

  it("channels.stop stops deliveries, and renewing is a new channel", async () => {
    const channel = await watch();
    expect(await session.renewWatch({ subscriptionId: channel.subscriptionId })).toBeNull();
    await session.stopWatch(channel);
    await emulator.admin.flush();
    received.length = 0;
    emulator.admin.upsertEvent(EMAIL, event("p2"));
    await emulator.admin.flush();
    expect(received).toEqual([]);
  });

  it("an expired channel sends nothing", async () => {
    emulator.admin.setFaults({ channelTtlSeconds: 3600 });
    const channel = await watch();
    expect(Date.parse(channel.expiresAt) - NOW.getTime()).toBe(3_600_000);
    await emulator.admin.flush();
    received.length = 0;
    emulator.admin.setClock(new Date(NOW.getTime() + 2 * 3_600_000));
    emulator.admin.upsertEvent(EMAIL, event("p3"));
    await emulator.admin.flush();
    expect(received).toEqual([]);
    await session.stopWatch(channel);
  });

  it("fault knobs duplicate or drop pushes", async () => {
    const channel = await watch();
    await emulator.admin.flush();
    received.length = 0;
    emulator.admin.setFaults({ duplicatePushes: true });
    emulator.admin.upsertEvent(EMAIL, event("p4"));
    await emulator.admin.flush();
    const mine = received.filter((r) => r.headers["x-goog-channel-id"] === channel.subscriptionId);
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((r) => r.headers["x-goog-message-number"])).size).toBe(1);
    received.length = 0;
    emulator.admin.setFaults({ duplicatePushes: false, dropPushes: true });
    emulator.admin.upsertEvent(EMAIL, event("p4"));
    await emulator.admin.flush();
    expect(received).toEqual([]);
    await session.stopWatch(channel);
  });
});
