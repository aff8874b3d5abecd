import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { keys, userPartition } from "../src/keys.ts";
import type { Store } from "../src/store.ts";
import {
  aConnection,
  aContact,
  aMeeting,
  anInteraction,
  aSubscription,
  aSuggestion,
  at,
  aUser,
} from "./fixtures.ts";
import { freshStore } from "./harness.ts";

const { store, client, tableName } = await freshStore("isolation");
const doc = DynamoDBDocumentClient.from(client);

/** The same-shaped data for a user: same event ids, contacts and sources; over one delete page. */
async function seed(store: Store, userId: string) {
  await store.users.create(aUser(userId));
  await store.connections.put(aConnection(userId, { accountId: `acct-${userId}` }));
  await store.subscriptions.put(aSubscription(userId, `sub-${userId}`, at(60)));
  await store.meetings.put(
    aMeeting(userId, "evt-shared", { iCalUId: "ical-shared", seriesId: "ser-shared" }),
  );
  await store.interactions.putMany(
    Array.from({ length: 120 }, (_, i) => anInteraction(userId, { sourceId: `evt-${i}`, at: at(i) })),
  );
  await store.contacts.put(aContact(userId, "dana@client.example"));
  await store.suggestions.put(
    aSuggestion(userId, { meeting: { provider: "google", eventId: "evt-shared" } }),
  );
  await store.deliveries.record({ userId, kind: "briefing", key: "evt-shared", sentAt: at(0) });
}

async function countPartition(pk: string): Promise<number> {
  const result = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk },
    }),
  );
  return result.Count ?? 0;
}

await seed(store, "usr_a");
await seed(store, "usr_b");

describe("user isolation", () => {
  it("never returns one user's items from another user's queries", async () => {
    const results = [
      ...(await store.connections.listForUser("usr_a")),
      ...(await store.subscriptions.listForUser("usr_a")),
      ...(await store.meetings.getByICalUId("usr_a", "ical-shared")),
      ...(await store.meetings.listBySeries("usr_a", "ser-shared")),
      ...(await store.meetings.listByStart("usr_a", at(-1000), at(1000))).items,
      ...(await store.meetings.listForUser("usr_a")).items,
      ...(await store.interactions.listForContact("usr_a", "dana@client.example", { limit: 100 })).items,
      ...(await store.interactions.listByTime("usr_a", at(-1000), at(1000), { limit: 100 })).items,
      ...(await store.contacts.listForUser("usr_a")).items,
      ...(await store.contacts.listByDomain("usr_a", "client.example")).items,
      ...(await store.contacts.getMany("usr_a", ["dana@client.example"])),
      ...(await store.suggestions.listForUser("usr_a")).items,
      ...(await store.suggestions.listForUser("usr_a", { state: "open" })).items,
      ...(await store.suggestions.listForMeeting("usr_a", "google", "evt-shared")),
      ...(await store.suggestions.listForContact("usr_a", "dana@client.example")),
    ];
    expect(results.length).toBeGreaterThan(40);
    expect(new Set(results.map((r) => r.userId))).toEqual(new Set(["usr_a"]));
  });
});

describe("deleteAllData", () => {
  it("removes every item and lookup of one user, and nothing of another", async () => {
    const before = await countPartition(userPartition("usr_b"));
    await store.users.deleteAllData("usr_a");

    expect(await countPartition(userPartition("usr_a"))).toBe(0);
    expect(await countPartition(keys.emailLookup("usr_a@rapport.example").pk)).toBe(0);
    expect(await store.users.getByEmail("usr_a@rapport.example")).toBeUndefined();
    expect(await store.connections.getByAccount("microsoft", "acct-usr_a")).toBeUndefined();
    expect(await store.subscriptions.getById("microsoft", "sub-usr_a")).toBeUndefined();
    const walked = [...(await store.users.list()).items.map((u) => u.userId)];
    expect(walked).toEqual(["usr_b"]);

    expect(await countPartition(userPartition("usr_b"))).toBe(before);
    expect((await store.users.getByEmail("usr_b@rapport.example"))?.userId).toBe("usr_b");
    expect((await store.connections.getByAccount("microsoft", "acct-usr_b"))?.userId).toBe("usr_b");
    expect(
      (await store.interactions.listByTime("usr_b", at(-1), at(1000), { limit: 1000 })).items,
    ).toHaveLength(120);
  });

  it("frees the address for a new sign-up, and is harmless for an unknown user", async () => {
    await store.users.create(aUser("usr_a2", "usr_a@rapport.example"));
    expect((await store.users.getByEmail("usr_a@rapport.example"))?.userId).toBe("usr_a2");
    await expect(store.users.deleteAllData("usr_never")).resolves.toBeUndefined();
  });
});
