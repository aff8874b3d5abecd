import { VisibleError } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { aContact, aMeeting, anInteraction, aSuggestion, at } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("paging");
const N = 25;

await Promise.all([
  ...Array.from({ length: N }, (_, i) =>
    store.meetings.put(aMeeting("usr_ana", `evt-${i}`, { start: at(i) })),
  ),
  ...Array.from({ length: N }, (_, i) =>
    store.suggestions.put(aSuggestion("usr_ana", { dedupeKey: `s-${i}`, createdAt: at(i) })),
  ),
]);
await store.interactions.putMany(
  Array.from({ length: N }, (_, i) => anInteraction("usr_ana", { sourceId: `evt-${i}`, at: at(i) })),
);

/** 25 items in pages of 10: three pages, each item once, none missing. */
function expectThreePages(pages: string[][], expected: string[]) {
  expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
  expect(pages.flat()).toEqual(expected);
}

const inOrder = Array.from({ length: N }, (_, i) => `evt-${i}`);

describe("paging", () => {
  it("walks meetings by start across three pages in time order", async () => {
    const pages = await allPages((cursor) =>
      store.meetings.listByStart("usr_ana", at(0), at(N), { limit: 10, cursor }),
    );
    expectThreePages(
      pages.map((p) => p.map((m) => m.eventId)),
      inOrder,
    );
  });

  it("walks interactions by time and by contact across three pages", async () => {
    const byTime = await allPages((cursor) =>
      store.interactions.listByTime("usr_ana", at(0), at(N), { limit: 10, cursor }),
    );
    expectThreePages(
      byTime.map((p) => p.map((i) => i.sourceId)),
      inOrder,
    );
    const byContact = await allPages((cursor) =>
      store.interactions.listForContact("usr_ana", "dana@client.example", { limit: 10, cursor }),
    );
    expectThreePages(
      byContact.map((p) => p.map((i) => i.sourceId)),
      inOrder,
    );
  });

  it("walks open suggestions newest first across three pages", async () => {
    const pages = await allPages((cursor) =>
      store.suggestions.listForUser("usr_ana", { state: "open", limit: 10, cursor }),
    );
    const all = pages.flat();
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(all.map((s) => s.createdAt)).toEqual(Array.from({ length: N }, (_, i) => at(N - 1 - i)));
  });

  it("hands out cursors that are opaque base64url strings", async () => {
    const page = await store.meetings.listForUser("usr_ana", { limit: 10 });
    expect(page.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("rejects a malformed cursor and a cursor from another user's list as bad input", async () => {
    await expect(store.meetings.listForUser("usr_ana", { cursor: "not-a-cursor!" })).rejects.toBeInstanceOf(
      VisibleError,
    );
    const page = await store.meetings.listForUser("usr_ana", { limit: 10 });
    await store.contacts.put(aContact("usr_bo", "x@y.example"));
    const stolen = store.meetings.listForUser("usr_bo", { limit: 10, cursor: page.cursor });
    await expect(stolen).rejects.toMatchObject({ kind: "input", code: "bad_cursor" });
  });

  it("rejects a limit that is not a positive integer", async () => {
    await expect(store.contacts.listForUser("usr_ana", { limit: 0 })).rejects.toMatchObject({
      code: "bad_limit",
    });
  });
});
