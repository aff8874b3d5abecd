import { VisibleError } from "@rapport/core";
import { z } from "zod";
import type { PageOptions } from "./store.ts";

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 1000;

type Key = Record<string, unknown>;

const CursorKey = z.record(z.string(), z.string());

/** base64url JSON of LastEvaluatedKey: opaque to callers, and only key strings inside. */
export function encodeCursor(lastEvaluatedKey: Key | undefined): string | undefined {
  if (!lastEvaluatedKey) return undefined;
  return Buffer.from(JSON.stringify(lastEvaluatedKey), "utf8").toString("base64url");
}

/**
 * Decodes a cursor and checks it belongs to the partition being queried, so a cursor from
 * another query (or another user) is bad input rather than a surprise.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: { name: string; value: string },
): Key | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const key = CursorKey.safeParse(parsed);
  if (!key.success || key.data[partition.name] !== partition.value) throw badCursor();
  return key.data;
}

export function pageLimit(options: PageOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new VisibleError("input", "bad_limit", `Page limit must be a positive integer, got ${limit}`);
  }
  return Math.min(limit, MAX_PAGE_LIMIT);
}

function badCursor(): VisibleError {
  return new VisibleError("input", "bad_cursor", "The paging cursor is not valid for this list");
}
