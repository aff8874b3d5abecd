import { evidenceHash, VisibleError } from "@rapport/core";
import { describe, expect, inject, it } from "vitest";
import { createDynamoClient } from "../src/client.ts";
import { createStore } from "../src/create-store.ts";
import { ConditionalWriteError } from "../src/store.ts";
import { aSuggestion, at } from "./fixtures.ts";
import { freshStore } from "./harness.ts";

const { store, tableName } = await freshStore("suggestions");

/** A second store whose next update first lets `interfere` run: a deterministic race. */
function racingStore() {
  const client = createDynamoClient({ endpoint: inject("dynamodbEndpoint") });
  let interfere: (() => Promise<unknown>) | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName?.startsWith("Update") && interfere) {
        const run = interfere;
        interfere = undefined;
        await run();
      }
      return next(args);
    },
    { step: "initialize", name: "interfereBeforeUpdate" },
  );
  return {
    store: createStore({ client, tableName }),
    beforeNextUpdate: (fn: () => Promise<unknown>) => {
      interfere = fn;
    },
  };
}

describe("suggestions", () => {
  it("are read back by id, and re-analysis overwrites the same id", async () => {
    const first = aSuggestion("usr_ana");
    await store.suggestions.put(first);
    await store.suggestions.put({ ...first, title: "Reconnect with Dana soon" });
    expect((await store.suggestions.get("usr_ana", first.id))?.title).toBe("Reconnect with Dana soon");
    expect((await store.suggestions.listForUser("usr_ana")).items).toHaveLength(1);
  });

  it("are listed by state, newest first, following state changes", async () => {
    const a = aSuggestion("usr_bo", { dedupeKey: "a", createdAt: at(1) });
    const b = aSuggestion("usr_bo", { dedupeKey: "b", createdAt: at(2) });
    const c = aSuggestion("usr_bo", { dedupeKey: "c", createdAt: at(3), state: "done" });
    for (const s of [a, b, c]) await store.suggestions.put(s);
    const open = await store.suggestions.listForUser("usr_bo", { state: "open" });
    expect(open.items.map((s) => s.id)).toEqual([b.id, a.id]);

    await store.suggestions.setState("usr_bo", a.id, "dismissed", at(10));
    expect((await store.suggestions.listForUser("usr_bo", { state: "open" })).items.map((s) => s.id)).toEqual(
      [b.id],
    );
    expect(
      (await store.suggestions.listForUser("usr_bo", { state: "dismissed" })).items.map((s) => s.id),
    ).toEqual([a.id]);
    expect((await store.suggestions.listForUser("usr_bo")).items).toHaveLength(3);
  });

  it("dismissed remember the evidence they were dismissed on; unsnoozing clears snoozedUntil", async () => {
    const s = aSuggestion("usr_cy");
    await store.suggestions.put(s);
    const dismissed = await store.suggestions.setState("usr_cy", s.id, "dismissed", at(20));
    expect(dismissed).toMatchObject({
      state: "dismissed",
      updatedAt: at(20),
      dismissedEvidence: evidenceHash(s.materialEvidence),
    });

    const snoozed = await store.suggestions.setState(
      "usr_cy",
      s.id,
      "snoozed",
      at(21),
      "2025-03-10T09:00:00Z",
    );
    expect(snoozed).toMatchObject({ state: "snoozed", snoozedUntil: "2025-03-10T09:00:00.000Z" });
    const reopened = await store.suggestions.setState("usr_cy", s.id, "open", at(22));
    expect(reopened.snoozedUntil).toBeUndefined();
    expect(await store.suggestions.get("usr_cy", s.id)).toEqual(reopened);
  });

  it("setState of an unknown suggestion is not found", async () => {
    const error = await store.suggestions.setState("usr_cy", "sug_none", "done", at(1)).catch((e) => e);
    expect(error).toBeInstanceOf(VisibleError);
    expect(error.kind).toBe("not_found");
  });

  it("setState fails when the suggestion changed between its read and its write", async () => {
    const s = aSuggestion("usr_di");
    await store.suggestions.put(s);
    const race = racingStore();
    race.beforeNextUpdate(() => store.suggestions.put({ ...s, title: "Re-analysed meanwhile" }));
    await expect(race.store.suggestions.setState("usr_di", s.id, "done", at(30))).rejects.toBeInstanceOf(
      ConditionalWriteError,
    );
    const after = await store.suggestions.get("usr_di", s.id);
    expect(after).toMatchObject({ state: "open", title: "Re-analysed meanwhile" });

    race.beforeNextUpdate(() => store.suggestions.setState("usr_di", s.id, "snoozed", at(31), at(999)));
    await expect(race.store.suggestions.setState("usr_di", s.id, "done", at(31))).rejects.toBeInstanceOf(
      ConditionalWriteError,
    );
    expect((await store.suggestions.get("usr_di", s.id))?.state).toBe("snoozed");
  });

  it("of a meeting and of a contact are listed, following a contact-scoped suggestion's moving meeting", async () => {
    const meeting = { provider: "google" as const, eventId: "evt-9" };
    const unannounced = aSuggestion("usr_ed", {
      kind: "unannounced_attendee",
      dedupeKey: "google:evt-9:sam@client.example",
      meeting,
      contactEmail: "sam@client.example",
    });
    const reconnect = aSuggestion("usr_ed", { meeting, contactEmail: "dana@client.example" });
    const unrelated = aSuggestion("usr_ed", { dedupeKey: "x", contactEmail: "x@client.example" });
    for (const s of [unannounced, reconnect, unrelated]) await store.suggestions.put(s);

    const forMeeting = await store.suggestions.listForMeeting("usr_ed", "google", "evt-9");
    expect(forMeeting.map((s) => s.id).sort()).toEqual([unannounced.id, reconnect.id].sort());
    const forSam = await store.suggestions.listForContact("usr_ed", "SAM@client.example");
    expect(forSam.map((s) => s.id)).toEqual([unannounced.id]);

    await store.suggestions.put({ ...reconnect, meeting: { provider: "google", eventId: "evt-10" } });
    expect((await store.suggestions.listForMeeting("usr_ed", "google", "evt-9")).map((s) => s.id)).toEqual([
      unannounced.id,
    ]);
    expect((await store.suggestions.listForMeeting("usr_ed", "google", "evt-10")).map((s) => s.id)).toEqual([
      reconnect.id,
    ]);
  });
});
