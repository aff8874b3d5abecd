import { describe, expect, it } from "vitest";
import { ConditionalWriteError } from "../src/store.ts";
import { aConnection } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("connections");

describe("connections", () => {
  it("are read back per user and provider, and listed for their user", async () => {
    await store.connections.put(aConnection("usr_ana"));
    await store.connections.put(aConnection("usr_ana", { provider: "google", accountId: "g-ana" }));
    expect((await store.connections.get("usr_ana", "google"))?.accountId).toBe("g-ana");
    const providers = (await store.connections.listForUser("usr_ana")).map((c) => c.provider).sort();
    expect(providers).toEqual(["google", "microsoft"]);
    expect(await store.connections.get("usr_ana", "microsoft")).toMatchObject({ scopes: ["Calendars.Read"] });
  });

  it("are found by provider account, for a returning user's OAuth callback", async () => {
    await store.connections.put(aConnection("usr_bo", { accountId: "ms-bo" }));
    expect((await store.connections.getByAccount("microsoft", "ms-bo"))?.userId).toBe("usr_bo");
    expect(await store.connections.getByAccount("google", "ms-bo")).toBeUndefined();
  });

  it("update only the given fields, remove fields given as undefined, and move the account lookup", async () => {
    await store.connections.put(
      aConnection("usr_cy", { accountId: "ms-cy", retryAfter: "2025-03-03T10:00:00Z" }),
    );
    await store.connections.update("usr_cy", "microsoft", {
      status: "needs-reauth",
      cursors: { calendarDeltaLink: "delta-2" },
      retryAfter: undefined,
      accountId: "ms-cy-2",
    });
    const updated = await store.connections.get("usr_cy", "microsoft");
    expect(updated).toMatchObject({ status: "needs-reauth", cursors: { calendarDeltaLink: "delta-2" } });
    expect(updated?.retryAfter).toBeUndefined();
    expect(updated?.encryptedRefreshToken).toBe("sealed");
    expect(await store.connections.getByAccount("microsoft", "ms-cy")).toBeUndefined();
    expect((await store.connections.getByAccount("microsoft", "ms-cy-2"))?.userId).toBe("usr_cy");
  });

  it("refuse to update a connection that does not exist", async () => {
    await expect(store.connections.update("usr_none", "google", { status: "error" })).rejects.toBeInstanceOf(
      ConditionalWriteError,
    );
    expect(await store.connections.get("usr_none", "google")).toBeUndefined();
  });

  it("reject an update with an invalid value or one that removes a required field", async () => {
    await expect(
      store.connections.update("usr_ana", "microsoft", { status: "sleepy" as never }),
    ).rejects.toThrow();
    await expect(
      store.connections.update("usr_ana", "microsoft", { accountId: undefined }),
    ).rejects.toMatchObject({
      code: "required_field",
    });
    expect((await store.connections.get("usr_ana", "microsoft"))?.status).toBe("active");
  });

  it("are all listed page by page for the scheduled sync", async () => {
    for (let i = 0; i < 7; i++) await store.connections.put(aConnection(`usr_walk${i}`));
    const pages = await allPages((cursor) => store.connections.list({ limit: 3, cursor }));
    const owners = pages.flat().map((c) => `${c.userId}/${c.provider}`);
    expect(new Set(owners).size).toBe(owners.length);
    for (let i = 0; i < 7; i++) expect(owners).toContain(`usr_walk${i}/microsoft`);
    expect(owners).toContain("usr_ana/google");
  });
});
