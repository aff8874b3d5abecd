import { DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { createTable } from "../src/create-table.ts";
import { GLOBAL_INDEXES, sstDynamoArgs, TTL_ATTRIBUTE } from "../src/table-definition.ts";
import { freshStore } from "./harness.ts";

describe("the table definition", () => {
  it("creates an active on-demand table with every GSI and TTL, and tolerates a second create", async () => {
    const { client, tableName } = await freshStore("table");
    await createTable(client, tableName);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe("ACTIVE");
    expect(Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(Table?.KeySchema?.map((k: { AttributeName?: string }) => k.AttributeName)).toEqual(["pk", "sk"]);
    const indexes = Object.fromEntries((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
    for (const [name, index] of Object.entries(GLOBAL_INDEXES)) {
      expect(indexes[name]?.KeySchema?.map((k: { AttributeName?: string }) => k.AttributeName)).toEqual([
        index.hashKey,
        index.rangeKey,
      ]);
      expect(indexes[name]?.Projection?.ProjectionType).toBe("ALL");
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(TTL_ATTRIBUTE);
  });

  it("gives SST the same keys, indexes and TTL, every index key declared as a field", () => {
    const args = sstDynamoArgs();
    expect(args.primaryIndex).toEqual({ hashKey: "pk", rangeKey: "sk" });
    expect(Object.keys(args.globalIndexes).sort()).toEqual(Object.keys(GLOBAL_INDEXES).sort());
    for (const index of [args.primaryIndex, ...Object.values(args.globalIndexes)]) {
      expect(args.fields[index.hashKey]).toBe("string");
      expect(args.fields[index.rangeKey]).toBe("string");
    }
    expect(args.ttl).toBe(TTL_ATTRIBUTE);
  });
});
