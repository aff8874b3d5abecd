import { describe, expect, it } from "vitest";
import { anInteraction, at } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("interactions");

describe("interactions", () => {
  it("are idempotent: a replay of the same source and contact overwrites, even with a new time", async () => {
    await store.interactions.putMany([anInteraction("usr_ana", { at: at(0) })]);
    await store.interactions.putMany([
      anInteraction("usr_ana", { at: at(30) }),
      anInteraction("usr_ana", { at: at(30), status: "cancelled" }),
    ]);
    const timeline = await store.interactions.listForContact("usr_ana", "dana@client.example");
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ at: at(30), status: "cancelled" });
  });

  it("of one contact come oldest first, and only that contact's", async () => {
    const mails = [300, 100, 200].map((m) =>
      anInteraction("usr_bo", { kind: "mail", sourceId: `msg-${m}`, at: at(m), direction: "inbound" }),
    );
    const other = anInteraction("usr_bo", {
      contactEmail: "raj@vendor.example",
      sourceId: "msg-x",
      at: at(150),
    });
    await store.interactions.putMany([...mails, other]);
    const timeline = await store.interactions.listForContact("usr_bo", "Dana@Client.example");
    expect(timeline.items.map((i) => i.sourceId)).toEqual(["msg-100", "msg-200", "msg-300"]);
  });

  it("in [from, to) are listed by time across contacts", async () => {
    const list = [0, 10, 20, 30].map((m) =>
      anInteraction("usr_cy", { sourceId: `evt-${m}`, contactEmail: `p${m}@client.example`, at: at(m) }),
    );
    await store.interactions.putMany(list);
    const page = await store.interactions.listByTime("usr_cy", at(10), at(30));
    expect(page.items.map((i) => i.sourceId)).toEqual(["evt-10", "evt-20"]);
  });

  it("of one source are deleted together, leaving sources whose id merely starts the same", async () => {
    const attendees = ["a@x.example", "b@x.example", "c@x.example"];
    await store.interactions.putMany([
      ...attendees.map((contactEmail) => anInteraction("usr_di", { sourceId: "evt-7", contactEmail })),
      anInteraction("usr_di", { sourceId: "evt-7", contactEmail: "a@x.example", provider: "microsoft" }),
      anInteraction("usr_di", { sourceId: "evt-77", contactEmail: "a@x.example" }),
    ]);
    await store.interactions.deleteBySource("usr_di", "evt-7");
    const left = await store.interactions.listByTime("usr_di", at(-1), at(1));
    expect(left.items.map((i) => i.sourceId)).toEqual(["evt-77"]);
  });

  it("are written in batches larger than one BatchWrite and read back page by page", async () => {
    const many = Array.from({ length: 60 }, (_, n) =>
      anInteraction("usr_ed", { kind: "mail", sourceId: `msg-${n}`, at: at(n), direction: "outbound" }),
    );
    await store.interactions.putMany(many);
    const pages = await allPages((cursor) =>
      store.interactions.listForContact("usr_ed", "dana@client.example", { limit: 25, cursor }),
    );
    const ids = pages.flat().map((i) => i.sourceId);
    expect(ids).toEqual(many.map((i) => i.sourceId));
  });
});
