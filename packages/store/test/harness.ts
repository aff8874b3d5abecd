import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDynamoClient } from "../src/client.ts";
import { createStore } from "../src/create-store.ts";
import { createTable } from "../src/create-table.ts";

/** A fresh, uniquely named table in the shared DynamoDB Local, and a store on it. */
export async function freshStore(label: string) {
  const client = createDynamoClient({ endpoint: inject("dynamodbEndpoint") });
  const tableName = `store-${label}-${randomUUID().slice(0, 8)}`;
  await createTable(client, tableName);
  return { client, tableName, store: createStore({ client, tableName }) };
}

/** Walks every page of a paged list, failing if it never ends. */
export async function allPages<T>(
  list: (cursor: string | undefined) => Promise<{ items: T[]; cursor?: string }>,
): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    pages.push(page.items);
    cursor = page.cursor;
    if (pages.length > 1000) throw new Error("paging never ended");
  } while (cursor);
  return pages;
}
