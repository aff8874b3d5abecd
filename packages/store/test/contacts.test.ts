import { describe, expect, it } from "vitest";
import { aContact, at } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("contacts");

describe("contacts", () => {
  it("are read back by address in any case", async () => {
    await store.contacts.put(aContact("usr_ana", "dana@client.example"));
    expect((await store.contacts.get("usr_ana", "DANA@client.example"))?.health).toBe(70);
    expect(await store.contacts.get("usr_ana", "nobody@client.example")).toBeUndefined();
  });

  it("are fetched many at once in the order asked, skipping unknown ones, beyond one BatchGet", async () => {
    const emails = Array.from({ length: 130 }, (_, i) => `p${i}@many.example`);
    for (const email of emails) await store.contacts.put(aContact("usr_bo", email));
    const asked = ["p129@many.example", "ghost@many.example", ...emails.slice(0, 110), "P5@many.example"];
    const found = await store.contacts.getMany("usr_bo", asked);
    expect(found.map((c) => c.email)).toEqual(["p129@many.example", ...emails.slice(0, 110)]);
    expect(await store.contacts.getMany("usr_bo", [])).toEqual([]);
  });

  it("setOverrides creates a bare contact for someone never seen", async () => {
    const overrides = { level: "target" as const, key: true, updatedAt: at(5) };
    const created = await store.contacts.setOverrides("usr_cy", "Raj@Vendor.Example", overrides, at(5));
    expect(created).toMatchObject({
      email: "raj@vendor.example",
      domain: "vendor.example",
      isInternal: false,
      inferredLevel: "tentative",
      health: 0,
      overrides,
      updatedAt: at(5),
    });
    expect(created.stats.meetingsHeld).toBe(0);
    expect(await store.contacts.get("usr_cy", "raj@vendor.example")).toEqual(created);
  });

  it("setOverrides on a known contact changes only the overrides", async () => {
    const known = aContact("usr_cy", "ana@client.example", { overrides: { level: "trusted" } });
    await store.contacts.put(known);
    const updated = await store.contacts.setOverrides(
      "usr_cy",
      "ana@client.example",
      { cadenceDays: 14 },
      at(9),
    );
    expect(updated).toEqual({ ...known, overrides: { cadenceDays: 14 }, updatedAt: at(9) });
  });

  it("setOverrides rejects an invalid cadence", async () => {
    await expect(
      store.contacts.setOverrides("usr_cy", "x@y.example", { cadenceDays: 0 }, at(1)),
    ).rejects.toThrow();
    expect(await store.contacts.get("usr_cy", "x@y.example")).toBeUndefined();
  });

  it("of one organization are listed by domain", async () => {
    await store.contacts.put(aContact("usr_di", "a@acme.example"));
    await store.contacts.put(aContact("usr_di", "b@acme.example"));
    await store.contacts.put(aContact("usr_di", "c@other.example"));
    const acme = await store.contacts.listByDomain("usr_di", "ACME.example");
    expect(acme.items.map((c) => c.email)).toEqual(["a@acme.example", "b@acme.example"]);
  });

  it("are all listed for their user, 25 in pages of 10", async () => {
    for (let i = 0; i < 25; i++) await store.contacts.put(aContact("usr_ed", `c${i}@list.example`));
    const pages = await allPages((cursor) => store.contacts.listForUser("usr_ed", { limit: 10, cursor }));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(new Set(pages.flat().map((c) => c.email)).size).toBe(25);
  });

  it("lists only the contacts the user chose something about, and forgets a choice cleared", async () => {
    await store.contacts.put(aContact("usr_ch", "plain@x.example"));
    await store.contacts.put(aContact("usr_ch", "keyed@x.example", { overrides: { key: true } }));
    await store.contacts.setOverrides("usr_ch", "target@y.example", { level: "target" }, at(1));
    await store.contacts.setOverrides("usr_ch", "plain@x.example", { cadenceDays: 14 }, at(2));
    const chosen = (await allPages((cursor) => store.contacts.listWithChoices("usr_ch", { cursor }))).flat();
    expect(chosen.map((c) => c.email).sort()).toEqual(["keyed@x.example", "plain@x.example", "target@y.example"]);
    await store.contacts.setOverrides("usr_ch", "plain@x.example", {}, at(3));
    const after = (await allPages((cursor) => store.contacts.listWithChoices("usr_ch", { cursor }))).flat();
    expect(after.map((c) => c.email).sort()).toEqual(["keyed@x.example", "target@y.example"]);
  });
});
