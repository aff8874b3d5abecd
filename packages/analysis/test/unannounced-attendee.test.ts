import { describe, expect, it } from "vitest";
import { ME, plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";
const START = "2026-02-12T15:00:00Z";
const CREATED = "2026-02-02T10:00:00Z";
const ANA = "ana@client.example";
const SAM = "sam@coach.example";

/** The user organizes; Ana accepted early; Sam is added three days later. */
function organizerStory(world = new World(NOW)) {
  const story = world
    .meeting("m1", { start: START, createdAt: CREATED })
    .invite(ANA)
    .accept(ANA, "2026-02-02T12:00:00Z")
    .add(SAM, "2026-02-05T09:00:00Z");
  return { world, story };
}

describe("unannounced_attendee", () => {
  it("asks the organizer to let the earlier attendees know, with a draft to them", () => {
    const { world } = organizerStory();
    const [draft, ...rest] = world.suggestions("unannounced_attendee");
    expect(rest).toHaveLength(0);
    expect(draft?.contactEmail).toBe(SAM);
    expect(draft?.meeting).toEqual({ provider: "microsoft", eventId: "m1" });
    expect(draft?.title).toBe("Let Ana know Sam is joining");
    const email = draft?.actions.find((a) => a.type === "draft_email");
    expect(email?.to).toEqual([ANA]);
    expect(draft?.dedupeKey).toBe(`microsoft:m1:${SAM}`);
  });

  it("tells an attendee that someone was added after they accepted", () => {
    const world = new World(NOW);
    world
      .meeting("m2", { start: START, createdAt: CREATED, organizer: ANA })
      .invite(ME)
      .accept(ME, "2026-02-02T11:00:00Z")
      .add(SAM, "2026-02-05T09:00:00Z");
    const [draft] = world.suggestions("unannounced_attendee");
    expect(draft?.title).toBe("Sam was added after you accepted");
    expect(draft?.actions.some((a) => a.type === "draft_email")).toBe(false);
  });

  it("counts being on the list for 24 hours as having the invitation, even without a response", () => {
    const world = new World(NOW);
    world.meeting("m1", { start: START, createdAt: CREATED }).invite(ANA).add(SAM, "2026-02-03T10:30:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([SAM]);
  });

  it("stays quiet when nobody earlier had the invitation yet", () => {
    const world = new World(NOW);
    world.meeting("m1", { start: START, createdAt: CREATED }).invite(ANA).add(SAM, "2026-02-03T09:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("ignores additions right after creation", () => {
    const world = new World(NOW);
    world
      .meeting("m1", { start: START, createdAt: CREATED })
      .invite(ANA)
      .accept(ANA, "2026-02-02T10:05:00Z")
      .add(SAM, plus(CREATED, { minutes: 20 }));
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("ignores people removed again", () => {
    const { world, story } = organizerStory();
    story.remove(SAM, "2026-02-06T09:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("ignores rooms, distribution lists and the user's own aliases", () => {
    const world = new World(NOW, { aliases: ["Me.Alias@Home.Example"] });
    world
      .meeting("m1", { start: START, createdAt: CREATED })
      .invite(ANA)
      .accept(ANA, "2026-02-02T12:00:00Z")
      .add("room-4@home.example", "2026-02-05T09:00:00Z", "resource")
      .add("team@client.example", "2026-02-05T09:00:00Z")
      .add("me.alias@home.example", "2026-02-05T09:00:00Z")
      .add("DL-Sales@client.example", "2026-02-05T09:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("skips a colleague of every earlier attendee (same domain)", () => {
    const world = new World(NOW);
    world
      .meeting("m1", { start: START, createdAt: CREATED })
      .invite(ANA)
      .accept(ANA, "2026-02-02T12:00:00Z")
      .add("raj@client.example", "2026-02-05T09:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("does not treat a shared public mail domain as being colleagues", () => {
    const world = new World(NOW);
    world
      .meeting("m1", { start: START, createdAt: CREATED })
      .invite("ana@gmail.com")
      .accept("ana@gmail.com", "2026-02-02T12:00:00Z")
      .add("sam@gmail.com", "2026-02-05T09:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual(["sam@gmail.com"]);
  });

  it("skips someone who already met every earlier attendee in a held meeting", () => {
    const { world } = organizerStory();
    world.meeting("past", { start: "2026-01-20T10:00:00Z" }).invite(ANA, SAM);
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("still flags when the shared meeting was cancelled or large", () => {
    const { world } = organizerStory();
    world.meeting("cancelled", { start: "2026-01-20T10:00:00Z" }).invite(ANA, SAM).set({ isCancelled: true });
    const crowd = Array.from({ length: 16 }, (_, i) => `p${i}@crowd.example`);
    world.meeting("townhall", { start: "2026-01-21T10:00:00Z" }).invite(ANA, SAM, ...crowd);
    expect(world.subjects("unannounced_attendee")).toEqual([SAM]);
  });

  it("skips when the organizer (the user) wrote to all earlier attendees after the addition", () => {
    const { world } = organizerStory();
    world.mailOut([ANA], "2026-02-05T10:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("does not count a note written before the addition, or to only some of them", () => {
    const world = new World(NOW);
    world
      .meeting("m1", { start: START, createdAt: CREATED })
      .invite(ANA, "bo@other.example")
      .accept(ANA, "2026-02-02T12:00:00Z")
      .accept("bo@other.example", "2026-02-02T12:00:00Z")
      .add(SAM, "2026-02-05T09:00:00Z");
    world.mailOut([ANA, "bo@other.example"], "2026-02-04T10:00:00Z");
    world.mailOut([ANA], "2026-02-06T10:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([SAM]);
  });

  it("skips when the organizer wrote to the attending user after the addition", () => {
    const world = new World(NOW);
    world
      .meeting("m2", { start: START, createdAt: CREATED, organizer: ANA })
      .invite(ME)
      .accept(ME, "2026-02-02T11:00:00Z")
      .add(SAM, "2026-02-05T09:00:00Z");
    world.mailIn(ANA, "2026-02-05T11:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });

  it("makes no meeting-scoped suggestion for large, cancelled, past or far-off meetings", () => {
    const world = new World(NOW);
    const crowd = Array.from({ length: 15 }, (_, i) => `p${i}@crowd.example`);
    const story = (id: string, start: string) =>
      world
        .meeting(id, { start, createdAt: CREATED })
        .invite(ANA)
        .accept(ANA, "2026-02-02T12:00:00Z")
        .add(SAM, "2026-02-05T09:00:00Z");
    story("large", START).invite(...crowd);
    story("cancelled", START).set({ isCancelled: true });
    story("past", "2026-02-08T10:00:00Z");
    story("far", "2026-02-24T15:00:00Z");
    expect(world.suggestions("unannounced_attendee")).toEqual([]);
  });

  it("flags every occurrence of a series within the 14-day horizon, not later ones", () => {
    const world = new World(NOW);
    for (const [id, start] of [
      ["occ-3", "2026-02-26T15:00:00Z"],
      ["occ-2", "2026-02-19T15:00:00Z"],
      ["occ-1", "2026-02-12T15:00:00Z"],
    ] as const) {
      world
        .meeting(id, { start, createdAt: CREATED, seriesId: "series-1" })
        .invite(ANA)
        .accept(ANA, "2026-02-02T12:00:00Z")
        .add(SAM, "2026-02-05T09:00:00Z");
    }
    const drafts = world.suggestions("unannounced_attendee");
    expect(drafts.map((d) => d.meeting?.eventId)).toEqual(["occ-1", "occ-2"]);
  });

  it("compares addresses whatever their case", () => {
    const world = new World(NOW);
    world
      .meeting("m1", { start: START, createdAt: CREATED })
      .invite("Ana@Client.Example")
      .accept("Ana@Client.Example", "2026-02-02T12:00:00Z")
      .add("SAM@coach.example", "2026-02-05T09:00:00Z");
    world.mailOut(["ana@client.example"], "2026-02-05T10:00:00Z");
    expect(world.subjects("unannounced_attendee")).toEqual([]);
  });
});
