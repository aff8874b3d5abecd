import { describe, expect, it } from "vitest";
import { interactionsFromMeeting, interactionsFromMessage } from "../src/interactions.ts";
import { ME, plus, World } from "./builders.ts";

const NOW = "2026-02-09T14:00:00Z";

describe("interactionsFromMeeting", () => {
  it("makes one interaction per other person, without rooms, lists or the user", () => {
    const world = new World(NOW);
    const m = world
      .meeting("m", { start: plus(NOW, { days: -1 }), organizer: "Ana@Client.Example" })
      .invite(ME, "bo@client.example", "team@client.example")
      .room("room@client.example")
      .build(world.user);
    const out = interactionsFromMeeting(m, world.user);
    expect(out.map((i) => i.contactEmail).sort()).toEqual(["ana@client.example", "bo@client.example"]);
    expect(out.find((i) => i.contactEmail === "ana@client.example")?.initiatedBy).toBe("contact");
    expect(out.find((i) => i.contactEmail === "bo@client.example")?.initiatedBy).toBe("other");
    expect(out[0]?.participantCount).toBe(3); // Ana, Bo and the list; the room does not count
    expect(out[0]?.status).toBe("held");
  });

  it("marks cancelled meetings and declines by either side", () => {
    const world = new World(NOW);
    let n = 0;
    const base = () =>
      world.meeting(`m${++n}`, { start: plus(NOW, { days: 1 }) }).invite("ana@c.example", "bo@c.example");
    expect(
      interactionsFromMeeting(base().set({ isCancelled: true }).build(world.user), world.user)[0]?.status,
    ).toBe("cancelled");
    const declinedByAna = interactionsFromMeeting(
      base().respond("ana@c.example", "declined", NOW).build(world.user),
      world.user,
    );
    expect(declinedByAna.map((i) => i.status)).toEqual(["declined", "held"]);
    const declinedByMe = interactionsFromMeeting(
      base().set({ userResponse: "declined" }).build(world.user),
      world.user,
    );
    expect(declinedByMe.map((i) => i.status)).toEqual(["declined", "declined"]);
    expect(declinedByMe[0]?.initiatedBy).toBe("user");
  });

  it("marks occurrences of a series as recurring", () => {
    const world = new World(NOW);
    const m = world.met("ana@c.example", NOW, { seriesId: "s1" }).build(world.user);
    expect(interactionsFromMeeting(m, world.user)[0]?.recurring).toBe(true);
  });
});

describe("interactionsFromMessage", () => {
  const world = new World(NOW);
  const base = { provider: "google" as const, messageId: "x", sentAt: NOW, cc: [] };

  it("links inbound mail to its sender only", () => {
    const out = interactionsFromMessage(
      {
        ...base,
        from: { email: "Ana@C.example" },
        to: [{ email: ME }, { email: "bo@c.example" }],
        direction: "inbound",
        threadId: "t",
      },
      world.user,
    );
    expect(out.map((i) => [i.contactEmail, i.direction, i.initiatedBy, i.threadId])).toEqual([
      ["ana@c.example", "inbound", "contact", "t"],
    ]);
    expect(out[0]?.participantCount).toBe(2);
  });

  it("links outbound mail to each To and Cc recipient, never to lists or the user", () => {
    const out = interactionsFromMessage(
      {
        ...base,
        from: { email: ME },
        to: [{ email: "ana@c.example" }, { email: "all@c.example" }],
        cc: [{ email: ME }, { email: "bo@c.example" }],
        direction: "outbound",
      },
      world.user,
    );
    expect(out.map((i) => i.contactEmail)).toEqual(["ana@c.example", "bo@c.example"]);
    expect(out.every((i) => i.initiatedBy === "user")).toBe(true);
  });

  it("records mail to more than 10 recipients, or not naming the user, as group mail", () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ email: `p${i}@c.example` }));
    const group = interactionsFromMessage(
      { ...base, from: { email: ME }, to: many, direction: "outbound" },
      world.user,
    );
    expect(group[0]?.participantCount).toBeGreaterThan(10);
    const ten = interactionsFromMessage(
      { ...base, from: { email: ME }, to: many.slice(0, 10), direction: "outbound" },
      world.user,
    );
    expect(ten[0]?.participantCount).toBe(10);
    const viaList = interactionsFromMessage(
      {
        ...base,
        from: { email: "ana@c.example" },
        to: [{ email: "staff@home.example" }],
        direction: "inbound",
      },
      world.user,
    );
    expect(viaList[0]?.participantCount).toBeGreaterThan(10);
  });
});
