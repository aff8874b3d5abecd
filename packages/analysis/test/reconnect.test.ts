import { describe, expect, it } from "vitest";
import { plus, World } from "./builders.ts";

const NOW = "2026-03-10T12:00:00Z";
const ANA = "ana@client.example";

function keyContactLastMet(daysAgo: number, world = new World(NOW)) {
  world.met(ANA, plus(NOW, { days: -daysAgo }));
  world.set(ANA, { key: true });
  return world;
}

describe("reconnect", () => {
  it("is due (medium) at the cadence and overdue (high) at one and a half times it", () => {
    expect(keyContactLastMet(29).suggestions("reconnect")).toEqual([]);
    expect(keyContactLastMet(30).suggestions("reconnect")[0]?.severity).toBe("medium");
    expect(keyContactLastMet(44).suggestions("reconnect")[0]?.severity).toBe("medium");
    expect(keyContactLastMet(45).suggestions("reconnect")[0]?.severity).toBe("high");
  });

  it("says how long it has been, as help", () => {
    const [draft] = keyContactLastMet(52).suggestions("reconnect");
    expect(draft?.title).toBe("It has been 52 days since you were in touch with Ana");
    expect(draft?.dedupeKey).toBe(ANA);
    expect(draft?.actions.find((a) => a.type === "draft_email")?.to).toEqual([ANA]);
    expect(draft?.materialEvidence).toContain("overdue");
  });

  it("uses the contact's own cadence over the key cadence", () => {
    const world = keyContactLastMet(35).set(ANA, { cadenceDays: 60 });
    expect(world.suggestions("reconnect")).toEqual([]);
    const tight = keyContactLastMet(10).set(ANA, { cadenceDays: 7 });
    expect(tight.subjects("reconnect")).toEqual([ANA]);
  });

  it("uses the user's key cadence and level cadences", () => {
    const world = keyContactLastMet(35);
    world.user.settings.keyCadenceDays = 40;
    expect(world.suggestions("reconnect")).toEqual([]);
    const trusted = new World(NOW).set(ANA, { level: "trusted" });
    trusted.met(ANA, plus(NOW, { days: -35 }));
    trusted.user.settings.cadenceDays = { trusted: 50 };
    expect(trusted.suggestions("reconnect")).toEqual([]);
    trusted.user.settings.cadenceDays = { trusted: 30 };
    expect(trusted.subjects("reconnect")).toEqual([ANA]);
  });

  it("lets the user's level win over the inferred one", () => {
    const world = new World(NOW);
    // A year of fortnightly one-on-ones, both sides organizing, mail both ways: inferred trusted.
    for (let d = 400; d >= 60; d -= 14) {
      world.met(ANA, plus(NOW, { days: -d }), d % 28 === 0 ? {} : { organizer: ANA });
      world.mailIn(ANA, plus(NOW, { days: -d - 1 }));
      world.mailOut(ANA, plus(NOW, { days: -d - 1, hours: 2 }));
    }
    const inferred = world.contacts().find((c) => c.email === ANA)?.inferredLevel;
    expect(inferred).toBe("trusted");
    expect(world.subjects("reconnect")).toEqual([ANA]);
    world.set(ANA, { level: "transactional" });
    expect(world.subjects("reconnect")).toEqual([]);
  });

  it("needs a key flag or trusted level", () => {
    const world = new World(NOW).set(ANA, { level: "transactional" });
    world.met(ANA, plus(NOW, { days: -90 }));
    expect(world.suggestions("reconnect")).toEqual([]);
  });

  it("counts any contact, mail in or out and group mail included, as resetting the clock", () => {
    for (const touch of [
      (w: World) => w.mailIn(ANA, plus(NOW, { days: -3 })),
      (w: World) => w.mailOut(ANA, plus(NOW, { days: -3 })),
      (w: World) =>
        w.mailOut([ANA, ...Array.from({ length: 12 }, (_, i) => `p${i}@x.example`)], plus(NOW, { days: -3 })),
      (w: World) => w.met(ANA, plus(NOW, { days: -3 })),
    ]) {
      const world = keyContactLastMet(60);
      touch(world);
      expect(world.suggestions("reconnect")).toEqual([]);
    }
  });

  it("does not count a cancelled, declined or large meeting as contact", () => {
    const world = keyContactLastMet(40);
    world.met(ANA, plus(NOW, { days: -5 }), { id: "c" }).set({ isCancelled: true });
    world.met(ANA, plus(NOW, { days: -6 }), { id: "d" }).respond(ANA, "declined", plus(NOW, { days: -8 }));
    const crowd = Array.from({ length: 16 }, (_, i) => `p${i}@crowd.example`);
    world.meeting("big", { start: plus(NOW, { days: -4 }) }).invite(ANA, ...crowd);
    expect(world.subjects("reconnect")).toEqual([ANA]);
  });

  it("never starts the clock from the flag: no contact ever means no reconnect", () => {
    const world = new World(NOW).set(ANA, { key: true, updatedAt: plus(NOW, { days: -90 }) });
    expect(world.suggestions("reconnect")).toEqual([]);
  });

  it("carries the earliest upcoming meeting within 14 days as context", () => {
    const world = keyContactLastMet(40);
    world.met(ANA, plus(NOW, { days: 9 }), { id: "later" });
    world.met(ANA, plus(NOW, { days: 5 }), { id: "sooner" });
    world.met(ANA, plus(NOW, { days: 2 }), { id: "cancelled" }).set({ isCancelled: true });
    expect(world.suggestions("reconnect")[0]?.meeting?.eventId).toBe("sooner");
    const alone = keyContactLastMet(40);
    alone.met(ANA, plus(NOW, { days: 20 }), { id: "far" });
    expect(alone.suggestions("reconnect")[0]?.meeting).toBeUndefined();
  });

  it("counts 24-hour days across a daylight-saving change", () => {
    // Europe/Berlin springs forward on 29 March 2026: 30 x 24 h later the wall clock reads an hour later.
    const now = "2026-04-20T10:00:00Z";
    const world = new World(now, { timeZone: "Europe/Berlin" });
    world.met(ANA, plus(now, { days: -30 }));
    world.set(ANA, { key: true });
    expect(world.suggestions("reconnect")[0]?.evidence.daysSince).toBe(30);
    const justShort = new World(now, { timeZone: "Europe/Berlin" }).set(ANA, { key: true });
    justShort.met(ANA, plus(now, { days: -30, hours: 1 })); // 29 days 23 hours
    expect(justShort.suggestions("reconnect")).toEqual([]);
  });
});
