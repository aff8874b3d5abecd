import { describe, expect, it } from "vitest";
import { plus, World } from "./builders.ts";

const NOW = "2026-06-01T12:00:00Z";
const RAJ = "raj@partner.example";

/** Meetings with Raj every `step` days, going back from `fromDaysAgo`, organized by `by`. */
function meetings(world: World, by: "user" | "raj", count: number, fromDaysAgo: number, step = 7) {
  for (let i = 0; i < count; i++) {
    const start = plus(NOW, { days: -fromDaysAgo + i * step });
    world.met(RAJ, start, { id: `${by}-${fromDaysAgo}-${i}`, ...(by === "raj" ? { organizer: RAJ } : {}) });
  }
}

describe("reciprocity", () => {
  it("flags the user starting the last six meetings", () => {
    const world = new World(NOW);
    meetings(world, "raj", 2, 100);
    meetings(world, "user", 6, 60);
    const [draft] = world.suggestions("reciprocity");
    expect(draft?.evidence.side).toBe("user");
    expect(draft?.evidence.initiatedByUser).toBe(6);
    expect(draft?.evidence.initiatedByContact).toBe(2);
    expect(draft?.title).toContain("You started the last 6");
  });

  it("flags the other direction: the contact started the last six threads", () => {
    const world = new World(NOW);
    for (let i = 0; i < 6; i++) {
      world.mailIn(RAJ, plus(NOW, { days: -60 + i * 5 }), { thread: `t${i}` });
      world.mailOut(RAJ, plus(NOW, { days: -60 + i * 5, hours: 3 }), { thread: `t${i}` });
    }
    const [draft] = world.suggestions("reciprocity");
    expect(draft?.evidence.side).toBe("contact");
    expect(draft?.actions.some((a) => a.type === "draft_email")).toBe(true);
  });

  it("needs six in a row from one side", () => {
    const world = new World(NOW);
    meetings(world, "user", 5, 60);
    meetings(world, "raj", 1, 10);
    expect(world.suggestions("reciprocity")).toEqual([]);
    const five = new World(NOW);
    meetings(five, "user", 5, 60);
    expect(five.suggestions("reciprocity")).toEqual([]);
  });

  it("accepts a stable asymmetric norm judged against the tie's own history", () => {
    const world = new World(NOW);
    meetings(world, "user", 12, 170, 14); // a weekly-ish one-on-one the user always schedules
    expect(world.suggestions("reciprocity")).toEqual([]);
  });

  it("flags again when the other side used to take its share", () => {
    const world = new World(NOW);
    meetings(world, "raj", 3, 170, 7);
    meetings(world, "user", 3, 140, 7);
    meetings(world, "user", 6, 60, 7);
    expect(world.subjects("reciprocity")).toEqual([RAJ]);
  });

  it("counts every occurrence of a recurring series, and ignores cancelled, declined and large ones", () => {
    const world = new World(NOW);
    for (let i = 0; i < 6; i++) {
      world.met(RAJ, plus(NOW, { days: -50 + i * 7 }), { id: `occ-${i}`, seriesId: "weekly" });
    }
    expect(world.subjects("reciprocity")).toEqual([RAJ]);
    const other = new World(NOW);
    meetings(other, "user", 5, 60);
    other.met(RAJ, plus(NOW, { days: -5 }), { id: "c" }).set({ isCancelled: true });
    other.met(RAJ, plus(NOW, { days: -4 }), { id: "d" }).respond(RAJ, "declined", plus(NOW, { days: -6 }));
    const crowd = Array.from({ length: 16 }, (_, i) => `p${i}@crowd.example`);
    other.meeting("big", { start: plus(NOW, { days: -3 }) }).invite(RAJ, ...crowd);
    expect(other.suggestions("reciprocity")).toEqual([]);
  });

  it("ignores group mail threads and initiations older than 180 days", () => {
    const world = new World(NOW);
    meetings(world, "user", 3, 250);
    meetings(world, "user", 3, 60);
    const many = Array.from({ length: 11 }, (_, i) => `p${i}@x.example`);
    for (let i = 0; i < 3; i++)
      world.mailOut([RAJ, ...many], plus(NOW, { days: -20 + i }), { thread: `g${i}` });
    expect(world.suggestions("reciprocity")).toEqual([]);
  });

  it("carries the next meeting with the contact as context", () => {
    const world = new World(NOW);
    meetings(world, "user", 6, 60);
    world.met(RAJ, plus(NOW, { days: 3 }), { id: "next", organizer: RAJ });
    // The upcoming meeting is Raj's: the run is broken, no suggestion at all.
    expect(world.suggestions("reciprocity")).toEqual([]);
    const again = new World(NOW);
    meetings(again, "user", 6, 60);
    again.met(RAJ, plus(NOW, { days: 3 }), { id: "next" });
    expect(again.suggestions("reciprocity")[0]?.meeting?.eventId).toBe("next");
  });
});
