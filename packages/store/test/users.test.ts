import { describe, expect, it } from "vitest";
import { ConditionalWriteError } from "../src/store.ts";
import { aUser } from "./fixtures.ts";
import { allPages, freshStore } from "./harness.ts";

const { store } = await freshStore("users");

describe("users", () => {
  it("are found by id and by email in any case", async () => {
    await store.users.create(aUser("usr_ana", "Ana@Rapport.example"));
    expect((await store.users.get("usr_ana"))?.email).toBe("Ana@Rapport.example");
    expect((await store.users.getByEmail(" ana@rapport.EXAMPLE "))?.userId).toBe("usr_ana");
    expect(await store.users.get("usr_nobody")).toBeUndefined();
    expect(await store.users.getByEmail("nobody@rapport.example")).toBeUndefined();
  });

  it("cannot be created twice with the same id or the same email", async () => {
    await store.users.create(aUser("usr_bo", "bo@rapport.example"));
    await expect(store.users.create(aUser("usr_bo", "other@rapport.example"))).rejects.toBeInstanceOf(
      ConditionalWriteError,
    );
    await expect(store.users.create(aUser("usr_bo2", "BO@rapport.example"))).rejects.toBeInstanceOf(
      ConditionalWriteError,
    );
    // The failed transaction wrote nothing.
    expect(await store.users.getByEmail("other@rapport.example")).toBeUndefined();
    expect(await store.users.get("usr_bo2")).toBeUndefined();
  });

  it("move their email lookup when put with a new address, and refuse another user's address", async () => {
    await store.users.create(aUser("usr_cy", "cy@rapport.example"));
    await store.users.put({ ...aUser("usr_cy", "cy.new@rapport.example"), name: "Cy" });
    expect((await store.users.getByEmail("cy.new@rapport.example"))?.name).toBe("Cy");
    expect(await store.users.getByEmail("cy@rapport.example")).toBeUndefined();

    await store.users.create(aUser("usr_di", "di@rapport.example"));
    await expect(store.users.put(aUser("usr_di", "cy.new@rapport.example"))).rejects.toBeInstanceOf(
      ConditionalWriteError,
    );
    expect((await store.users.getByEmail("cy.new@rapport.example"))?.userId).toBe("usr_cy");
  });

  it("put creates a user that did not exist, with its email lookup", async () => {
    await store.users.put(aUser("usr_ed", "ed@rapport.example"));
    expect((await store.users.getByEmail("ed@rapport.example"))?.userId).toBe("usr_ed");
  });

  it("reject a user that does not match the schema", async () => {
    await expect(store.users.create({ ...aUser("usr_bad"), email: 42 } as never)).rejects.toThrow();
  });

  it("are all listed, page by page", async () => {
    for (let i = 0; i < 12; i++) await store.users.create(aUser(`usr_list${String(i).padStart(2, "0")}`));
    const pages = await allPages((cursor) => store.users.list({ limit: 5, cursor }));
    const ids = pages.flat().map((u) => u.userId);
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 0; i < 12; i++) expect(ids).toContain(`usr_list${String(i).padStart(2, "0")}`);
  });
});
