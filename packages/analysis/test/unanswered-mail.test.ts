import { describe, expect, it } from "vitest";
import { plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";
const ANA = "ana@client.example";

/** Ana is known: one held meeting. */
function knownAna() {
  const world = new World(NOW);
  world.met(ANA, plus(NOW, { days: -30 }));
  return world;
}

describe("unanswered_mail", () => {
  it("counts personal messages older than 48 hours without a reply, with the oldest date", () => {
    const world = knownAna();
    world.mailIn(ANA, plus(NOW, { days: -5 }), { thread: "t1" });
    world.mailIn(ANA, plus(NOW, { days: -3 }), { thread: "t2" });
    const [draft] = world.suggestions("unanswered_mail");
    expect(draft?.evidence.count).toBe(2);
    expect(draft?.evidence.oldestAt).toBe(plus(NOW, { days: -5 }));
    expect(draft?.dedupeKey).toBe(ANA);
  });

  it("gives 48 hours of grace and looks back 60 days", () => {
    const world = knownAna();
    world.mailIn(ANA, plus(NOW, { hours: -47 }), { thread: "fresh" });
    world.mailIn(ANA, plus(NOW, { days: -61 }), { thread: "old" });
    expect(world.suggestions("unanswered_mail")).toEqual([]);
    world.mailIn(ANA, plus(NOW, { hours: -49 }), { thread: "due" });
    expect(world.suggestions("unanswered_mail")[0]?.evidence.count).toBe(1);
  });

  it("treats a later message from the user in the same thread as a reply, to anyone", () => {
    const world = knownAna();
    world.mailIn(ANA, plus(NOW, { days: -5 }), { thread: "t1" });
    world.mailOut("bo@client.example", plus(NOW, { days: -4 }), { thread: "t1" });
    expect(world.suggestions("unanswered_mail")).toEqual([]);
  });

  it("does not count a reply in another thread, nor one sent before the message", () => {
    const world = knownAna();
    world.mailOut(ANA, plus(NOW, { days: -6 }), { thread: "t1" });
    world.mailIn(ANA, plus(NOW, { days: -5 }), { thread: "t1" });
    world.mailOut(ANA, plus(NOW, { days: -4 }), { thread: "other" });
    expect(world.suggestions("unanswered_mail")[0]?.evidence.count).toBe(1);
  });

  it("without a thread id, any later message to the person answers", () => {
    const world = knownAna();
    world.mailIn(ANA, plus(NOW, { days: -5 }));
    expect(world.subjects("unanswered_mail")).toEqual([ANA]);
    world.mailOut(ANA, plus(NOW, { days: -4 }));
    expect(world.subjects("unanswered_mail")).toEqual([]);
  });

  it("ignores group mail and mail that did not name the user", () => {
    const world = knownAna();
    const many = Array.from({ length: 10 }, (_, i) => `p${i}@x.example`);
    world.mailIn(ANA, plus(NOW, { days: -5 }), { to: ["me@home.example", ...many] });
    world.mailIn(ANA, plus(NOW, { days: -5 }), { to: ["team@home.example"] });
    expect(world.suggestions("unanswered_mail")).toEqual([]);
  });

  it("needs the person to be known beyond that mail, or on an upcoming meeting", () => {
    const stranger = new World(NOW).mailIn(ANA, plus(NOW, { days: -5 }));
    expect(stranger.suggestions("unanswered_mail")).toEqual([]);
    const key = new World(NOW).mailIn(ANA, plus(NOW, { days: -5 })).set(ANA, { key: true });
    expect(key.subjects("unanswered_mail")).toEqual([ANA]);
    const business = new World(NOW).mailIn(ANA, plus(NOW, { days: -5 })).set(ANA, { level: "transactional" });
    expect(business.subjects("unanswered_mail")).toEqual([ANA]);
    const tentative = new World(NOW).mailIn(ANA, plus(NOW, { days: -5 })).set(ANA, { level: "tentative" });
    expect(tentative.subjects("unanswered_mail")).toEqual([]);
    const upcoming = new World(NOW).mailIn(ANA, plus(NOW, { days: -5 }));
    upcoming.met(ANA, plus(NOW, { days: 4 }), { id: "soon" });
    const [draft] = upcoming.suggestions("unanswered_mail");
    expect(draft?.meeting?.eventId).toBe("soon");
  });

  it("ignores automated senders", () => {
    const world = new World(NOW).set("noreply@client.example", { key: true });
    world.mailIn("noreply@client.example", plus(NOW, { days: -5 }));
    expect(world.suggestions("unanswered_mail")).toEqual([]);
  });
});
