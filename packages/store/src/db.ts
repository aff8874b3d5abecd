import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { decodeCursor, encodeCursor, pageLimit } from "./paging.ts";
import type { Page, PageOptions } from "./store.ts";
import { GLOBAL_INDEXES, type GlobalIndexName, PRIMARY_KEY } from "./table-definition.ts";

export type Item = Record<string, unknown>;

/** What every repository needs: the document client and the table. */
export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export function createDb(client: DynamoDBClient, tableName: string): Db {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { doc, tableName };
}

/** One key-condition query: a partition of the table or of a GSI, and an optional sort-key range. */
export interface KeyQuery {
  index?: GlobalIndexName;
  partition: string;
  beginsWith?: string;
  /** Inclusive both ends; with `<time>#<id>` sort keys this is [from, to). */
  between?: [string, string];
  lessThan?: string;
  newestFirst?: boolean;
  /** Keys only, for deletes. */
  keysOnly?: boolean;
}

function keyNames(index: GlobalIndexName | undefined) {
  return index ? GLOBAL_INDEXES[index] : PRIMARY_KEY;
}

function queryInput(db: Db, q: KeyQuery): QueryCommandInput {
  const { hashKey, rangeKey } = keyNames(q.index);
  const values: Record<string, string> = { ":p": q.partition };
  let condition = "#h = :p";
  if (q.beginsWith !== undefined) {
    condition += " AND begins_with(#r, :a)";
    values[":a"] = q.beginsWith;
  } else if (q.between) {
    condition += " AND #r BETWEEN :a AND :b";
    [values[":a"], values[":b"]] = q.between;
  } else if (q.lessThan !== undefined) {
    condition += " AND #r < :a";
    values[":a"] = q.lessThan;
  }
  const names: Record<string, string> = { "#h": hashKey };
  if (condition.includes("#r")) names["#r"] = rangeKey;
  const input: QueryCommandInput = {
    TableName: db.tableName,
    IndexName: q.index,
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !q.newestFirst,
  };
  if (q.keysOnly) {
    input.ProjectionExpression = "#pk, #sk";
    names["#pk"] = PRIMARY_KEY.hashKey;
    names["#sk"] = PRIMARY_KEY.rangeKey;
  }
  return input;
}

/** One page of raw items, with the opaque cursor of the next. */
export async function queryPage(db: Db, q: KeyQuery, options?: PageOptions): Promise<Page<Item>> {
  const { hashKey } = keyNames(q.index);
  const result = await db.doc.send(
    new QueryCommand({
      ...queryInput(db, q),
      Limit: pageLimit(options),
      ExclusiveStartKey: decodeCursor(options?.cursor, { name: hashKey, value: q.partition }),
    }),
  );
  const cursor = encodeCursor(result.LastEvaluatedKey);
  return cursor ? { items: result.Items ?? [], cursor } : { items: result.Items ?? [] };
}

/** Every page of a query, one after another, for bounded sub-collections and deletes. */
export async function* queryPages(db: Db, q: KeyQuery, pageSize = 100): AsyncGenerator<Item[]> {
  let cursor: string | undefined;
  do {
    const page = await queryPage(db, q, { limit: pageSize, cursor });
    yield page.items;
    cursor = page.cursor;
  } while (cursor);
}

export async function queryAll(db: Db, q: KeyQuery): Promise<Item[]> {
  const all: Item[] = [];
  for await (const items of queryPages(db, q)) all.push(...items);
  return all;
}

/** Maps a raw page to domain objects. */
export function mapPage<T>(page: Page<Item>, parse: (item: Item) => T): Page<T> {
  const items = page.items.map(parse);
  return page.cursor ? { items, cursor: page.cursor } : { items };
}
