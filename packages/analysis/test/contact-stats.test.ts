import type { Interaction } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { createContactAccumulator, summarizeContact } from "../src/contact-accumulator.ts";
import { inferLevel } from "../src/levels.ts";
import { plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";
const ANA = "ana@client.example";

function statsOf(world: World) {
  return summarizeContact(
    ANA,
    world.interactions().filter((i) => i.contactEmail === ANA),
    world.user,
    world.now,
  );
}

describe("contact accumulator", () => {
  it("folds meetings: held, one-on-one, last 90 days, next meeting, initiations", () => {
    const world = new World(NOW);
    world.met(ANA, plus(NOW, { days: -200 }), { organizer: ANA });
    world.met(ANA, plus(NOW, { days: -20 }));
    world.meeting("group", { start: plus(NOW, { days: -10 }) }).invite(ANA, "bo@client.example");
    world.met(ANA, plus(NOW, { days: -5 }), { id: "c" }).set({ isCancelled: true });
    world.met(ANA, plus(NOW, { days: 4 }), { id: "next" });
    const stats = statsOf(world);
    expect(stats.meetingsHeld).toBe(3);
    expect(stats.oneOnOneMeetings).toBe(2);
    expect(stats.meetingsLast90Days).toBe(2);
    expect(stats.firstMetAt).toBe(plus(NOW, { days: -200 }));
    expect(stats.lastMetAt).toBe(plus(NOW, { days: -10 }));
    expect(stats.nextMeetingAt).toBe(plus(NOW, { days: 4 }));
    expect(stats.meetingsInitiatedByContact).toBe(1);
    expect(stats.meetingsInitiatedByUser).toBe(3);
    expect(stats.cancelledByUser).toBe(1);
  });

  it("counts each occurrence of a recurring series", () => {
    const world = new World(NOW);
    for (let w = 1; w <= 8; w++) world.met(ANA, plus(NOW, { days: -7 * w }), { seriesId: "weekly" });
    expect(statsOf(world).meetingsHeld).toBe(8);
  });

  it("folds mail: counts each way, last dates, threads started, unanswered with grace", () => {
    const world = new World(NOW);
    world.mailOut(ANA, plus(NOW, { days: -30 }), { thread: "a" });
    world.mailIn(ANA, plus(NOW, { days: -29 }), { thread: "a" });
    world.mailIn(ANA, plus(NOW, { days: -6 }), { thread: "b" });
    world.mailIn(ANA, plus(NOW, { hours: -10 }), { thread: "c" });
    const many = Array.from({ length: 11 }, (_, i) => `p${i}@x.example`);
    world.mailOut([ANA, ...many], plus(NOW, { days: -2 }), { thread: "g" });
    const stats = statsOf(world);
    expect(stats.mailIn).toBe(3);
    expect(stats.mailOut).toBe(1); // group mail is not counted...
    expect(stats.lastMailOutAt).toBe(plus(NOW, { days: -2 })); // ...but resets the clock
    expect(stats.threadsStartedByUser).toBe(1);
    expect(stats.threadsStartedByContact).toBe(2);
    // Ana's reply in thread a and her message in b wait; c is inside the 48-hour grace.
    expect(stats.unansweredInbound).toBe(2);
    expect(stats.oldestUnansweredAt).toBe(plus(NOW, { days: -29 }));
    expect(stats.firstInteractionAt).toBe(plus(NOW, { days: -30 }));
  });

  it("streams: the same result whether fed at once or one by one, and ignores other people", () => {
    const world = new World(NOW);
    for (let d = 300; d > 0; d -= 3) world.mailIn(ANA, plus(NOW, { days: -d }), { thread: `t${d}` });
    const all = world.interactions();
    const acc = createContactAccumulator(ANA, world.user, NOW);
    const other: Interaction = { ...(all[0] as Interaction), contactEmail: "zed@x.example" };
    acc.add(other);
    for (const i of all) acc.add(i);
    expect(acc.result()).toEqual(statsOf(world));
    expect(acc.result().mailIn).toBe(100);
  });
});

describe("contact accumulator over years", () => {
  it("gives exact counts for a long history, with now given up front or at the end", () => {
    const world = new World(NOW);
    let held = 0;
    let recent = 0;
    let mail = 0;
    let next = "";
    for (let d = 3 * 365; d >= -60; d -= 4) {
      world.met(ANA, plus(NOW, { days: -d }), { id: `w${d}` });
      if (d > 0) held += 1;
      if (d > 0 && d <= 90) recent += 1;
      if (d < 0 && !next) next = plus(NOW, { days: -d });
      if (d > 0) {
        world.mailIn(ANA, plus(NOW, { days: -d, hours: 3 }), { thread: `t${d}` });
        mail += 1;
      }
    }
    const interactions = world.interactions().filter((i) => i.contactEmail === ANA);
    const early = summarizeContact(ANA, interactions, world.user, NOW);
    const late = createContactAccumulator(ANA, world.user);
    for (const i of interactions) late.add(i);
    expect(late.result(new Date(NOW))).toEqual(early);
    expect(early.meetingsHeld).toBe(held);
    expect(early.meetingsLast90Days).toBe(recent);
    expect(early.nextMeetingAt).toBe(next);
    expect(early.firstMetAt).toBe(plus(NOW, { days: -3 * 365 }));
    expect(early.mailIn).toBe(mail);
    expect(early.unansweredInbound).toBe(15); // the messages 3..59 days old
  });

  it("asks for now when it was given nowhere", () => {
    const world = new World(NOW);
    expect(() => createContactAccumulator(ANA, world.user).result()).toThrow(/now/);
  });
});

describe("inferLevel", () => {
  it("calls a long, personal, two-way relationship trusted", () => {
    const world = new World(NOW);
    for (let d = 400; d >= 10; d -= 30) {
      world.met(ANA, plus(NOW, { days: -d }), d % 60 === 0 ? { organizer: ANA } : {});
      world.mailIn(ANA, plus(NOW, { days: -d - 2 }));
    }
    const { level, health } = inferLevel(statsOf(world), NOW);
    expect(level).toBe("trusted");
    expect(health).toBeGreaterThan(50);
  });

  it("calls repeated business transactional and little history tentative", () => {
    const business = new World(NOW);
    business.met(ANA, plus(NOW, { days: -40 }));
    business.met(ANA, plus(NOW, { days: -20 }));
    expect(inferLevel(statsOf(business), NOW).level).toBe("transactional");
    const cold = new World(NOW).mailIn(ANA, plus(NOW, { days: -20 })).mailIn(ANA, plus(NOW, { days: -10 }));
    expect(inferLevel(statsOf(cold), NOW).level).toBe("tentative");
  });

  it("does not let large meetings or group mail build a relationship", () => {
    const world = new World(NOW);
    const crowd = Array.from({ length: 16 }, (_, i) => `p${i}@x.example`);
    for (let d = 400; d >= 10; d -= 10) {
      world.meeting(`all-${d}`, { start: plus(NOW, { days: -d }) }).invite(ANA, ...crowd);
      world.mailOut([ANA, ...crowd], plus(NOW, { days: -d }));
    }
    expect(inferLevel(statsOf(world), NOW).level).toBe("tentative");
  });

  it("scores health lower as silence grows", () => {
    const recent = new World(NOW);
    recent.met(ANA, plus(NOW, { days: -3 }));
    const stale = new World(NOW);
    stale.met(ANA, plus(NOW, { days: -150 }));
    expect(inferLevel(statsOf(recent), NOW).health).toBeGreaterThan(inferLevel(statsOf(stale), NOW).health);
  });
});
