import { describe, expect, it } from "vitest";
import { aSubscription, at } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("subscriptions");

describe("subscriptions", () => {
  it("resolve an incoming webhook by provider and subscription id", async () => {
    await store.subscriptions.put(aSubscription("usr_ana", "sub-1", at(60)));
    expect(await store.subscriptions.getById("microsoft", "sub-1")).toMatchObject({
      userId: "usr_ana",
      secret: "s3cret",
    });
    expect(await store.subscriptions.getById("google", "sub-1")).toBeUndefined();
    expect(await store.subscriptions.getById("microsoft", "sub-unknown")).toBeUndefined();
  });

  it("are listed for their user and deleted by id", async () => {
    await store.subscriptions.put(aSubscription("usr_bo", "sub-bo-1", at(60)));
    await store.subscriptions.put({ ...aSubscription("usr_bo", "sub-bo-2", at(60)), provider: "google" });
    expect((await store.subscriptions.listForUser("usr_bo")).map((s) => s.subscriptionId).sort()).toEqual([
      "sub-bo-1",
      "sub-bo-2",
    ]);
    await store.subscriptions.delete("microsoft", "sub-bo-1");
    await store.subscriptions.delete("microsoft", "sub-never-existed");
    expect((await store.subscriptions.listForUser("usr_bo")).map((s) => s.subscriptionId)).toEqual([
      "sub-bo-2",
    ]);
    expect(await store.subscriptions.getById("microsoft", "sub-bo-1")).toBeUndefined();
  });

  it("expiring before a time come soonest first, paged, and renewal moves them out", async () => {
    const { store } = await freshStore("subscriptions-expiry");
    // Expiry at minute 10*i; mixed precision on purpose.
    for (let i = 1; i <= 9; i++) {
      const expiresAt = i % 2 ? at(10 * i) : at(10 * i).replace(".000Z", "Z");
      await store.subscriptions.put(aSubscription(`usr_${i}`, `sub-${i}`, expiresAt));
    }
    const pages = await allPages((cursor) =>
      store.subscriptions.listExpiringBefore(at(50), { limit: 2, cursor }),
    );
    expect(pages.flat().map((s) => s.subscriptionId)).toEqual(["sub-1", "sub-2", "sub-3", "sub-4"]);

    await store.subscriptions.put(aSubscription("usr_2", "sub-2", at(500)));
    const after = await store.subscriptions.listExpiringBefore(at(50));
    expect(after.items.map((s) => s.subscriptionId)).toEqual(["sub-1", "sub-3", "sub-4"]);
  });
});
