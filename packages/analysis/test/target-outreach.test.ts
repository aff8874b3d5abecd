import { describe, expect, it } from "vitest";
import { plus, World } from "./builders.ts";

// Monday 9 February 2026, 10:00 in Los Angeles.
const NOW = "2026-02-09T18:00:00Z";
const LA = { timeZone: "America/Los_Angeles" };

describe("target_outreach", () => {
  it("suggests the never-contacted target first, then the longest silent, ties by address", () => {
    const world = new World(NOW, LA);
    world.set("zed@a.example", { level: "target" }).set("amy@b.example", { level: "target" });
    world.mailOut("old@c.example", plus(NOW, { days: -40 })).set("old@c.example", { level: "target" });
    const [draft, ...rest] = world.suggestions("target_outreach");
    expect(rest).toEqual([]);
    expect(draft?.contactEmail).toBe("amy@b.example");
    expect(draft?.dedupeKey).toBe("2026-W07");
  });

  it("picks the target with the oldest last contact when all were contacted", () => {
    const world = new World(NOW, LA);
    world.mailOut("new@c.example", plus(NOW, { days: -10 })).set("new@c.example", { level: "target" });
    world.mailIn("old@c.example", plus(NOW, { days: -40 })).set("old@c.example", { level: "target" });
    expect(world.subjects("target_outreach")).toEqual(["old@c.example"]);
  });

  it("is quiet once the user wrote to a target this week", () => {
    const world = new World(NOW, LA)
      .set("amy@b.example", { level: "target" })
      .set("zed@a.example", { level: "target" });
    world.mailOut("zed@a.example", "2026-02-09T17:00:00Z"); // Monday 09:00 local
    expect(world.suggestions("target_outreach")).toEqual([]);
  });

  it("is quiet once the user created a meeting with a target this week", () => {
    const world = new World(NOW, LA).set("amy@b.example", { level: "target" });
    world
      .meeting("m", { start: plus(NOW, { days: 5 }), createdAt: "2026-02-09T16:00:00Z" })
      .invite("amy@b.example");
    expect(world.suggestions("target_outreach")).toEqual([]);
  });

  it("starts the week on Monday in the user's time zone, not in UTC", () => {
    const world = new World(NOW, LA).set("amy@b.example", { level: "target" });
    // Sunday 23:00 in Los Angeles is already Monday in UTC: last week for the user.
    world.mailOut("amy@b.example", "2026-02-09T07:00:00Z");
    expect(world.subjects("target_outreach")).toEqual(["amy@b.example"]);
    const utc = new World(NOW).set("amy@b.example", { level: "target" });
    utc.mailOut("amy@b.example", "2026-02-09T07:00:00Z");
    expect(utc.suggestions("target_outreach")).toEqual([]);
  });

  it("needs a target the user chose: none is ever inferred", () => {
    const world = new World(NOW, LA);
    world.mailIn("someone@c.example", plus(NOW, { days: -3 }));
    expect(world.suggestions("target_outreach")).toEqual([]);
    expect(world.contacts().every((c) => c.inferredLevel !== "target")).toBe(true);
  });
});
