import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.ts";
import { replayScenario } from "../src/replay.ts";
import { Scenario } from "../src/scenario.ts";
import { type FakeSystem, startFakeSystem } from "./fake-system.ts";

const scenario = Scenario.parse({
  name: "replay-order",
  description: "One of each op.",
  provider: "microsoft",
  user: { email: "chet@coach.example", name: "Chet", timeZone: "America/Chicago" },
  timeline: [
    { at: "2026-02-02T15:00:00Z", op: "event.upsert", event: { id: "E/1", subject: "Plan" } },
    {
      at: "2026-02-03T09:00:00Z",
      op: "message",
      message: { id: "M1", from: { emailAddress: { address: "ana@client.example" } } },
    },
    {
      at: "2026-02-04T10:00:00Z",
      op: "contact.set",
      email: "ana@client.example",
      level: "trusted",
      key: true,
    },
    { at: "2026-02-05T10:00:00Z", op: "event.delete", eventId: "E/1" },
  ],
  now: "2026-02-09T14:00:00Z",
  expect: [{ kind: "reconnect", contact: "ana@client.example" }],
  expectAbsent: [{ kind: "first_meeting" }],
});

let fake: FakeSystem;
beforeEach(async () => {
  fake = await startFakeSystem();
});
afterEach(async () => {
  await fake.close();
});

describe("replaying a scenario", () => {
  it("connects through the OAuth redirects carrying our cookie, then plays the timeline in order", async () => {
    await replayScenario(fake.target, scenario);
    const mailbox = "/_emulator/mailboxes/chet@coach.example";
    expect(fake.calls).toEqual([
      "now 2026-02-02T15:00:00Z",
      "POST /_emulator/mailboxes",
      "start",
      "authorize chet@coach.example",
      "callback with cookie",
      "drain",
      "now 2026-02-02T15:00:00Z",
      `PUT ${mailbox}/events/E/1`,
      "drain",
      "now 2026-02-03T09:00:00Z",
      `POST ${mailbox}/messages`,
      "drain",
      "now 2026-02-04T10:00:00Z",
      "token chet@coach.example",
      "PUT /api/v1/contacts/ana@client.example",
      "drain",
      "now 2026-02-05T10:00:00Z",
      `DELETE ${mailbox}/events/E/1`,
      "drain",
      "now 2026-02-09T14:00:00Z",
      "job reanalyze",
      "drain",
      "suggestions open",
      "suggestions open p2",
    ]);
    expect(fake.bodies["POST /_emulator/mailboxes"]).toEqual([
      { email: "chet@coach.example", name: "Chet", timeZone: "America/Chicago" },
    ]);
    expect(fake.bodies[`PUT ${mailbox}/events/E/1`]).toEqual([{ id: "E/1", subject: "Plan" }]);
    expect(fake.bodies["PUT /api/v1/contacts/ana@client.example"]).toEqual([{ level: "trusted", key: true }]);
  });

  it("returns the open suggestions of every page, reduced to kind, meeting and contact", async () => {
    fake.suggestions = [
      { kind: "reconnect", contactEmail: "ana@client.example", title: "Reconnect with Ana" },
      {
        kind: "first_meeting",
        meeting: { provider: "microsoft", eventId: "E2" },
        contactEmail: "raj@fabrikam.example",
      },
      { kind: "target_outreach" },
    ];
    const observed = await replayScenario(fake.target, scenario);
    expect(observed).toEqual([
      { kind: "reconnect", contactEmail: "ana@client.example" },
      { kind: "first_meeting", eventId: "E2", contactEmail: "raj@fabrikam.example" },
      { kind: "target_outreach" },
    ]);
  });

  it("says which request failed and with which status", async () => {
    fake.failEmulator = true;
    await expect(replayScenario(fake.target, scenario)).rejects.toThrow(
      /POST \/_emulator\/mailboxes: HTTP 500/,
    );
  });
});

describe("evaluating a corpus", () => {
  it("resets between scenarios and scores a broken replay as nothing suggested", async () => {
    fake.suggestions = [{ kind: "reconnect", contactEmail: "ana@client.example" }];
    fake.failEmulator = "/events/E9";
    const lines: string[] = [];
    const good = { ...scenario, name: "good" };
    const broken = {
      ...scenario,
      name: "broken",
      timeline: [{ at: "2026-02-02T15:00:00Z", op: "event.delete" as const, eventId: "E9" }],
    };
    const { report } = await evaluate(fake.target, [good, broken], (line) => lines.push(line));
    expect(report.failed).toEqual(["broken"]);
    expect(report.byKind.reconnect).toMatchObject({ tp: 1, fn: 1 });
    expect(lines.some((line) => /^broken: replay failed: .*timeline\[0\] \(event\.delete/.test(line))).toBe(
      true,
    );
    expect(fake.calls.filter((call) => call === "reset")).toHaveLength(1);
  });
});
