import { describe, expect, it } from "vitest";
import { isInternal, isLargeMeeting, isOwnAddress, isPerson, publicMailDomains } from "../src/identity.ts";
import { ME, plus, userContext, World } from "./builders.ts";

describe("identity", () => {
  it("recognises the user's addresses and aliases whatever the case or spacing", () => {
    const user = userContext({ aliases: ["Boss@Old.Example"] });
    expect(isOwnAddress(" ME@home.example ", user)).toBe(true);
    expect(isOwnAddress("boss@old.example", user)).toBe(true);
    expect(isOwnAddress("ana@home.example", user)).toBe(false);
    user.settings.aliases = ["second@home.example"];
    expect(isOwnAddress("Second@Home.Example", user)).toBe(true);
  });

  it("calls the user's domain and listed domains internal", () => {
    const user = userContext();
    user.settings.internalDomains = ["Sister.Example"];
    expect(isInternal("ana@HOME.example", user)).toBe(true);
    expect(isInternal("bo@sister.example", user)).toBe(true);
    expect(isInternal("cy@client.example", user)).toBe(false);
  });

  it("excludes resources, distribution lists and automated senders from people", () => {
    for (const list of [
      "all",
      "Everyone",
      "team",
      "staff",
      "noreply",
      "no-reply",
      "donotreply",
      "do-not-reply",
      "notifications",
      "info",
      "support",
      "newsletter",
      "mailer-daemon",
      "calendar",
      "dl-sales",
      "list-announce",
    ]) {
      expect(isPerson(`${list}@client.example`), list).toBe(false);
    }
    expect(isPerson({ email: "room-4@home.example", type: "resource" })).toBe(false);
    expect(isPerson("ana@client.example")).toBe(true);
    expect(isPerson("teamlead@client.example")).toBe(true);
    expect(publicMailDomains.has("gmail.com")).toBe(true);
  });

  it("calls a meeting of more than 15 people large, resources not counted", () => {
    const world = new World("2026-02-09T14:00:00Z");
    const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@x.example`);
    const fifteen = world
      .meeting("a", { start: plus(world.now, { days: 1 }) })
      .invite(...people(14))
      .room("room@home.example");
    expect(isLargeMeeting(fifteen.build(world.user), world.user)).toBe(false); // 14 + the user
    const sixteen = world.meeting("b", { start: plus(world.now, { days: 1 }) }).invite(...people(15));
    expect(isLargeMeeting(sixteen.build(world.user), world.user)).toBe(true);
    expect(ME).toBe(world.user.email);
  });
});
