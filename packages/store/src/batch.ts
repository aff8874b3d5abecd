import { BatchGetCommand, BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db, Item } from "./db.ts";

const WRITE_CHUNK = 25;
const GET_CHUNK = 100;
const MAX_ATTEMPTS = 8;

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Exponential backoff with jitter between retries of unprocessed items (throttling). */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** BatchWrite in chunks of 25, retrying unprocessed items until none are left. */
export async function batchWrite(db: Db, requests: WriteRequest[]): Promise<void> {
  for (const chunk of chunks(requests, WRITE_CHUNK)) {
    let pending: WriteRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWrite left ${pending.length} items unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const result = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }));
      pending = (result.UnprocessedItems?.[db.tableName] ?? []) as WriteRequest[];
    }
  }
}

export function batchPut(db: Db, items: Item[]): Promise<void> {
  return batchWrite(
    db,
    items.map((item) => ({ PutRequest: { Item: item } })),
  );
}

export function batchDelete(db: Db, keys: Item[]): Promise<void> {
  return batchWrite(
    db,
    keys.map((key) => ({ DeleteRequest: { Key: key } })),
  );
}

/** BatchGet in chunks of 100 (strongly consistent), retrying unprocessed keys. */
export async function batchGet(db: Db, keys: Item[]): Promise<Item[]> {
  const found: Item[] = [];
  for (const chunk of chunks(keys, GET_CHUNK)) {
    let pending: Item[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const result = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(result.Responses?.[db.tableName] ?? []));
      pending = result.UnprocessedKeys?.[db.tableName]?.Keys ?? [];
    }
  }
  return found;
}
