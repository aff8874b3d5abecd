import { buildDemoOrganization, demoShowcase } from "@rapport/demo-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoMailboxTimeline, type GraphEmulator, startGraphEmulator } from "../src/index.ts";
import { graphEvent, sessionFor, startWebhook } from "./helpers.ts";

const USER = "chet@coach.example";
let emulator: GraphEmulator;

beforeAll(async () => {
  emulator = await startGraphEmulator({ webhookTimeoutMs: 2000 });
});
afterAll(() => emulator.stop());

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${emulator.origin}/_emulator${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("HTTP admin API (scenario replay)", () => {
  it("replays a timeline: mailbox, clock, event versions, messages, deletions, and reports the truth", async () => {
    expect(
      (await admin("POST", "/mailboxes", { email: USER, name: "Chet Holmes", timeZone: "America/Chicago" }))
        .status,
    ).toBe(201);
    const webhook = await startWebhook();
    const session = await sessionFor(emulator, USER);
    await session.watchCalendar({
      notificationUrl: webhook.notificationUrl,
      lifecycleUrl: webhook.lifecycleUrl,
      secret: "c",
    });

    await admin("PUT", "/clock", { now: "2026-02-02T15:00:00Z" });
    const event = graphEvent({
      subject: "Coaching",
      start: "2026-02-10T16:00:00Z",
      minutes: 60,
      organizer: USER,
      attendees: ["ana@client.example"],
    });
    expect((await admin("PUT", `/mailboxes/${encodeURIComponent(USER)}/events/AAMk-1`, event)).status).toBe(
      200,
    );
    await admin("PUT", "/clock", { now: "2026-02-05T10:00:00Z" });
    const withSam = {
      ...event,
      attendees: [
        ...event.attendees,
        { type: "required", status: { response: "none" }, emailAddress: { address: "sam@coach.example" } },
      ],
    };
    const updated = (await (
      await admin("PUT", `/mailboxes/${USER}/events/AAMk-1`, withSam)
    ).json()) as Record<string, unknown>;
    expect(updated.lastModifiedDateTime).toMatch(/^2026-02-05T10:00:00/);
    expect(updated.createdDateTime).toMatch(/^2026-02-02T15:00:00/);
    await admin(
      "PUT",
      `/mailboxes/${USER}/events/AAMk-2`,
      graphEvent({ subject: "Gone", start: "2026-02-11T16:00:00Z", minutes: 30, organizer: USER }),
    );
    expect((await admin("DELETE", `/mailboxes/${USER}/events/AAMk-2`)).status).toBe(204);
    expect((await admin("DELETE", `/mailboxes/${USER}/events/nope`)).status).toBe(404);
    const message = {
      subject: "Hi",
      from: { emailAddress: { address: USER } },
      toRecipients: [{ emailAddress: { address: "ana@client.example" } }],
      sentDateTime: "2026-02-05T11:00:00Z",
    };
    expect((await admin("POST", `/mailboxes/${USER}/messages`, message)).status).toBe(201);

    const truth = (await (await admin("GET", `/mailboxes/${USER}/events`)).json()) as {
      value: Array<Record<string, unknown>>;
    };
    expect(truth.value.map((e) => e.id)).toEqual(["AAMk-1"]);
    expect((await admin("POST", "/flush")).status).toBe(204);
    expect(webhook.items("/webhooks/microsoft").map((i) => i.changeType)).toEqual([
      "created",
      "updated",
      "created",
      "deleted",
    ]);

    expect((await admin("POST", "/lifecycle", { email: USER, event: "missed" })).status).toBe(200);
    await admin("POST", "/flush");
    expect(webhook.items("/webhooks/microsoft/lifecycle").map((i) => i.lifecycleEvent)).toEqual(["missed"]);
    await webhook.close();
    await admin("PUT", "/clock", { now: null });
  });

  it("sets faults, lists sent mail and issues API tokens", async () => {
    expect((await admin("PUT", "/faults", { throttleNext: 1, retryAfterSeconds: 5 })).status).toBe(204);
    const session = await sessionFor(emulator, USER);
    await expect(
      session.sendMail({ to: "a@b.example", subject: "s", html: "<p>x</p>", text: "x" }),
    ).rejects.toMatchObject({ code: "rate_limited", retryAfterMs: 5000 });
    await session.sendMail({ to: "a@b.example", subject: "s", html: "<p>x</p>", text: "x" });
    const sent = (await (await admin("GET", "/sent-mail")).json()) as { value: unknown[] };
    expect(sent.value).toEqual([expect.objectContaining({ from: USER, to: ["a@b.example"] })]);
    const token = (await (
      await admin("POST", "/api-token", { email: USER, audience: "api://x", scopes: ["access_as_user"] })
    ).json()) as { token: string };
    expect(token.token.split(".")).toHaveLength(3);
    expect((await admin("PUT", "/faults", { throttleNext: -1 })).status).toBe(400);
  });
});

describe("demo timeline mapper", () => {
  it("turns the showcase event's versions into successive Graph events, the colleague added last", () => {
    const org = buildDemoOrganization({ now: new Date("2026-03-25T10:00:00Z") });
    const morgan = org.mailboxes[0];
    if (!morgan) throw new Error("no demo mailbox");
    const ops = demoMailboxTimeline(morgan, org).filter(
      (o) => o.op === "event.upsert" && o.event.id === demoShowcase.unannouncedAttendee.eventId,
    );
    const attendees = ops.map((o) =>
      o.op === "event.upsert"
        ? (o.event.attendees as Array<{ emailAddress: { address: string }; status: { response: string } }>)
        : [],
    );
    expect(attendees.map((list) => list.length)).toEqual([2, 2, 3]);
    expect(attendees[1]?.every((a) => a.status.response === "accepted")).toBe(true);
    expect(attendees[2]?.at(-1)).toMatchObject({
      emailAddress: { address: demoShowcase.unannouncedAttendee.added },
      status: { response: "notResponded" },
    });
    expect(ops.map((o) => o.at)).toEqual([...ops.map((o) => o.at)].sort());
  });
});
