/**
 * The one table definition, as plain data. Consumed by `createTable` (DynamoDB Local, tests)
 * and by the SST stack through `sstDynamoArgs()`. Dependency-free on purpose: stacks/ imports it.
 */

export const PRIMARY_KEY = { hashKey: "pk", rangeKey: "sk" } as const;

export const GLOBAL_INDEXES = {
  gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" },
  gsi2: { hashKey: "gsi2pk", rangeKey: "gsi2sk" },
  gsi3: { hashKey: "gsi3pk", rangeKey: "gsi3sk" },
} as const;

export type GlobalIndexName = keyof typeof GLOBAL_INDEXES;

/** Epoch seconds; DynamoDB deletes the item some time after it passes. */
export const TTL_ATTRIBUTE = "expireAt";

export const BILLING_MODE = "PAY_PER_REQUEST" as const;

/** Every key attribute is a string. */
export const KEY_FIELDS: Record<string, "string"> = {
  pk: "string",
  sk: "string",
  gsi1pk: "string",
  gsi1sk: "string",
  gsi2pk: "string",
  gsi2sk: "string",
  gsi3pk: "string",
  gsi3sk: "string",
};

export interface SstDynamoArgs {
  fields: Record<string, "string" | "number" | "binary">;
  primaryIndex: { hashKey: string; rangeKey: string };
  globalIndexes: Record<string, { hashKey: string; rangeKey: string; projection: "all" }>;
  ttl: string;
}

/** Arguments for `new sst.aws.Dynamo("Table", sstDynamoArgs())`; SST bills on demand by default. */
export function sstDynamoArgs(): SstDynamoArgs {
  const globalIndexes: SstDynamoArgs["globalIndexes"] = {};
  for (const [name, index] of Object.entries(GLOBAL_INDEXES)) {
    globalIndexes[name] = { hashKey: index.hashKey, rangeKey: index.rangeKey, projection: "all" };
  }
  return {
    fields: { ...KEY_FIELDS },
    primaryIndex: { hashKey: PRIMARY_KEY.hashKey, rangeKey: PRIMARY_KEY.rangeKey },
    globalIndexes,
    ttl: TTL_ATTRIBUTE,
  };
}

/** The CreateTable request for a table name, in the AWS API's own shape (no SDK import). */
export function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: BILLING_MODE,
    AttributeDefinitions: Object.keys(KEY_FIELDS).map((name) => ({
      AttributeName: name,
      AttributeType: "S" as const,
    })),
    KeySchema: [
      { AttributeName: PRIMARY_KEY.hashKey, KeyType: "HASH" as const },
      { AttributeName: PRIMARY_KEY.rangeKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: Object.entries(GLOBAL_INDEXES).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.hashKey, KeyType: "HASH" as const },
        { AttributeName: index.rangeKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
  };
}
