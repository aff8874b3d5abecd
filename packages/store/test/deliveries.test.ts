import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { DELIVERY_RETENTION_DAYS } from "../src/entities/delivery.ts";
import { keys } from "../src/keys.ts";
import { TTL_ATTRIBUTE } from "../src/table-definition.ts";
import { freshStore } from "./harness.ts";

const { store, client, tableName } = await freshStore("deliveries");
const briefing = {
  userId: "usr_ana",
  kind: "briefing" as const,
  key: "google:evt1:v3",
  sentAt: "2025-03-03T08:00:00Z",
};

describe("deliveries", () => {
  it("are recorded once: the second record of the same delivery returns false", async () => {
    expect(await store.deliveries.record(briefing)).toBe(true);
    expect(await store.deliveries.record({ ...briefing, sentAt: "2025-03-03T08:05:00Z" })).toBe(false);
    expect((await store.deliveries.get("usr_ana", "briefing", briefing.key))?.sentAt).toBe(briefing.sentAt);
  });

  it("can be recorded again after a failed send removed the record", async () => {
    const report = {
      userId: "usr_ana",
      kind: "weekly_report" as const,
      key: "2025-W10",
      sentAt: "2025-03-03T08:00:00Z",
    };
    expect(await store.deliveries.record(report)).toBe(true);
    await store.deliveries.remove("usr_ana", "weekly_report", "2025-W10");
    expect(await store.deliveries.get("usr_ana", "weekly_report", "2025-W10")).toBeUndefined();
    expect(await store.deliveries.record(report)).toBe(true);
  });

  it("are per user: the same delivery for another user is separate", async () => {
    expect(await store.deliveries.record({ ...briefing, userId: "usr_bo" })).toBe(true);
    expect(await store.deliveries.get("usr_cy", "briefing", briefing.key)).toBeUndefined();
  });

  it("expire through TTL some months after sending", async () => {
    const doc = DynamoDBDocumentClient.from(client);
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.delivery("usr_ana", "briefing", briefing.key) }),
    );
    const expected = Date.parse(briefing.sentAt) / 1000 + DELIVERY_RETENTION_DAYS * 86_400;
    expect(Item?.[TTL_ATTRIBUTE]).toBe(expected);
  });
});
