import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { createContactAccumulator } from "../src/contact-accumulator.ts";
import { inScope } from "../src/input.ts";
import { plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";

describe("scope", () => {
  it("keeps drafts about the scope's meetings and people, target_outreach only at user level", () => {
    const ref = { provider: "microsoft" as const, eventId: "m1" };
    const scope = { meetings: [ref], contacts: ["Ana@Client.example"] };
    expect(inScope({ kind: "first_meeting", meeting: ref, contactEmail: "x@y.example" }, scope)).toBe(true);
    expect(inScope({ kind: "reconnect", contactEmail: "ana@client.example" }, scope)).toBe(true);
    expect(inScope({ kind: "reconnect", contactEmail: "bo@client.example" }, scope)).toBe(false);
    expect(inScope({ kind: "target_outreach", contactEmail: "ana@client.example" }, scope)).toBe(false);
    expect(
      inScope({ kind: "target_outreach", contactEmail: "ana@client.example" }, { userLevel: true }),
    ).toBe(true);
    expect(inScope({ kind: "reconnect", contactEmail: "bo@client.example" }, undefined)).toBe(true);
  });

  it("an incremental run returns only what one meeting change concerns", () => {
    const world = new World(NOW).set("kim@client.example", { key: true });
    world.met("kim@client.example", plus(NOW, { days: -50 }));
    world.met("nia@prospect.example", plus(NOW, { days: 2 }), { id: "intro" });
    const full = world
      .analyze()
      .map((d) => d.kind)
      .sort();
    expect(full).toEqual(["first_meeting", "reconnect"]);
    const incremental = world.analyze({
      meetings: [{ provider: "microsoft", eventId: "intro" }],
      contacts: ["nia@prospect.example"],
    });
    expect(incremental.map((d) => d.kind)).toEqual(["first_meeting"]);
  });
});

describe("bad input", () => {
  it("rejects a missing or malformed now with a clear error", () => {
    const world = new World(NOW);
    expect(() =>
      analyze({ user: world.user, now: "yesterday", meetings: [], contacts: [], mail: [] }),
    ).toThrow(/now must be an ISO 8601 instant/);
    expect(() => createContactAccumulator("a@b.example", world.user, "")).toThrow(TypeError);
  });
});

describe("drafts", () => {
  it("carry no undefined evidence values, a title, a dedupe key and state actions", () => {
    const world = new World(NOW)
      .set("amy@b.example", { level: "target" })
      .set("kim@client.example", { key: true });
    world.mailIn("eva@client.example", plus(NOW, { days: -4 }));
    world.met("kim@client.example", plus(NOW, { days: -50 }));
    const drafts = world.analyze();
    expect(drafts.map((d) => d.kind).sort()).toEqual(["reconnect", "second_hand", "target_outreach"]);
    for (const d of drafts) {
      expect(Object.values(d.evidence).includes(undefined)).toBe(false);
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.actions.map((a) => a.type)).toEqual(expect.arrayContaining(["dismiss", "snooze", "done"]));
    }
  });
});
