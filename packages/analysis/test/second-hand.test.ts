import { describe, expect, it } from "vitest";
import { ME, plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";
const KIM = "kim@client.example";
const EVA = "eva@client.example"; // Kim's colleague
const AIDE = "aide@gmail.com"; // Kim's assistant at a public domain

function keyKim() {
  return new World(NOW).set(KIM, { key: true });
}

describe("second_hand", () => {
  it("flags Kim's colleague (same domain) who waits for an answer, naming Kim", () => {
    const world = keyKim().mailIn(EVA, plus(NOW, { days: -4 }));
    world.met(KIM, plus(NOW, { days: -10 }));
    const [draft, ...rest] = world.suggestions("second_hand");
    expect(rest).toEqual([]);
    expect(draft?.contactEmail).toBe(EVA);
    expect(draft?.evidence.keyContacts).toEqual([KIM]);
    expect(draft?.title).toContain("Kim");
    expect(draft?.dedupeKey).toBe(EVA);
  });

  it("does not need the colleague to be known beyond that mail", () => {
    const world = keyKim().mailIn(EVA, plus(NOW, { days: -4 }));
    expect(world.subjects("second_hand")).toEqual([EVA]);
    expect(world.subjects("unanswered_mail")).toEqual([]);
  });

  it("finds people around Kim by two held meetings together in 180 days", () => {
    const world = keyKim().mailIn(AIDE, plus(NOW, { days: -4 }));
    world.meeting("a", { start: plus(NOW, { days: -30 }) }).invite(KIM, AIDE);
    expect(world.subjects("second_hand")).toEqual([]);
    world.meeting("b", { start: plus(NOW, { days: -20 }) }).invite(KIM, AIDE);
    expect(world.subjects("second_hand")).toEqual([AIDE]);
  });

  it("does not count a shared public mail domain as an organization", () => {
    const world = new World(NOW).set("kim@gmail.com", { key: true }).mailIn(AIDE, plus(NOW, { days: -4 }));
    expect(world.subjects("second_hand")).toEqual([]);
  });

  it("flags a meeting with the colleague that the user cancelled or declined in the last 60 days", () => {
    const cancelled = keyKim();
    cancelled.met(EVA, plus(NOW, { days: -10 }), { id: "x" }).set({ isCancelled: true });
    expect(cancelled.subjects("second_hand")).toEqual([EVA]);
    const declined = keyKim();
    declined
      .met(EVA, plus(NOW, { days: 3 }), { id: "y", organizer: EVA })
      .respond(ME, "declined", plus(NOW, { days: -1 }));
    expect(declined.subjects("second_hand")).toEqual([EVA]);
    const old = keyKim();
    old
      .met(EVA, plus(NOW, { days: -70 }), { id: "z" })
      .set({ isCancelled: true, lastModifiedAt: plus(NOW, { days: -75 }) });
    expect(old.subjects("second_hand")).toEqual([]);
  });

  it("does not flag when someone else cancelled, or when nothing is neglected", () => {
    const world = keyKim();
    world.met(EVA, plus(NOW, { days: -10 }), { id: "x", organizer: EVA }).set({ isCancelled: true });
    world
      .mailIn(EVA, plus(NOW, { days: -8 }), { thread: "t" })
      .mailOut(EVA, plus(NOW, { days: -7 }), { thread: "t" });
    expect(world.subjects("second_hand")).toEqual([]);
  });

  it("never flags the key contact, another key contact, lists or the user", () => {
    const world = keyKim().set(EVA, { key: true });
    world.mailIn(KIM, plus(NOW, { days: -4 })).mailIn(EVA, plus(NOW, { days: -4 }));
    world.mailIn("support@client.example", plus(NOW, { days: -4 }));
    expect(world.subjects("second_hand")).toEqual([]);
  });
});
