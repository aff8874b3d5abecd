import { describe, expect, it } from "vitest";
import { ME, plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";
const NEW = "nia@prospect.example";

describe("first_meeting", () => {
  it("flags an external person the user has never met or written to", () => {
    const world = new World(NOW);
    world.met(NEW, plus(NOW, { days: 3 }), { id: "intro" });
    const [draft, ...rest] = world.suggestions("first_meeting");
    expect(rest).toEqual([]);
    expect(draft?.contactEmail).toBe(NEW);
    expect(draft?.meeting?.eventId).toBe("intro");
    expect(draft?.dedupeKey).toBe(`microsoft:intro:${NEW}`);
  });

  it("gives it to the earliest upcoming meeting only, recurring occurrences included", () => {
    const world = new World(NOW);
    world.met(NEW, plus(NOW, { days: 10 }), { id: "occ-2", seriesId: "s" });
    world.met(NEW, plus(NOW, { days: 3 }), { id: "occ-1", seriesId: "s" });
    expect(world.suggestions("first_meeting").map((d) => d.meeting?.eventId)).toEqual(["occ-1"]);
  });

  it("is not for someone met before, or written to either way", () => {
    for (const before of [
      (w: World) => w.met(NEW, plus(NOW, { days: -40 }), { id: "old" }),
      (w: World) => w.mailIn(NEW, plus(NOW, { days: -10 })),
      (w: World) => w.mailOut(NEW, plus(NOW, { days: -10 })),
    ]) {
      const world = new World(NOW);
      before(world);
      world.met(NEW, plus(NOW, { days: 3 }), { id: "intro" });
      expect(world.suggestions("first_meeting")).toEqual([]);
    }
  });

  it("still counts as first when the only earlier meeting was cancelled or declined", () => {
    const world = new World(NOW);
    world.met(NEW, plus(NOW, { days: -40 }), { id: "c" }).set({ isCancelled: true });
    world.met(NEW, plus(NOW, { days: -30 }), { id: "d" }).respond(NEW, "declined", plus(NOW, { days: -32 }));
    world.met(NEW, plus(NOW, { days: 3 }), { id: "intro" });
    expect(world.subjects("first_meeting")).toEqual([NEW]);
  });

  it("skips colleagues, rooms, lists, declined people, and meetings the user declined", () => {
    const world = new World(NOW, {
      settings: { ...new World(NOW).user.settings, internalDomains: ["sister.example"] },
    });
    world
      .meeting("m", { start: plus(NOW, { days: 2 }) })
      .invite("colleague@home.example", "partner@sister.example", "all@prospect.example", NEW)
      .room("room@prospect.example")
      .respond(NEW, "declined", plus(NOW, { days: -1 }));
    world
      .meeting("declined-by-me", { start: plus(NOW, { days: 4 }), organizer: "zoe@prospect.example" })
      .invite(ME)
      .respond(ME, "declined", NOW);
    expect(world.suggestions("first_meeting")).toEqual([]);
  });

  it("ignores cancelled, large and far-off meetings", () => {
    const world = new World(NOW);
    world.met(NEW, plus(NOW, { days: 2 }), { id: "c" }).set({ isCancelled: true });
    world.met(NEW, plus(NOW, { days: 20 }), { id: "far" });
    const crowd = Array.from({ length: 15 }, (_, i) => `p${i}@crowd.example`);
    world.meeting("big", { start: plus(NOW, { days: 3 }) }).invite(NEW, ...crowd);
    expect(world.subjects("first_meeting")).toEqual([]);
  });
});
