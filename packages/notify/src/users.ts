import { randomBytes } from "node:crypto";
import type { User } from "@rapport/core";
import type { Store } from "@rapport/store";

/** Every user, one page at a time, so a job never holds the whole user list. */
export async function* eachUser(store: Store, pageSize = 100): AsyncGenerator<User> {
  let cursor: string | undefined;
  do {
    const page = await store.users.list({ limit: pageSize, cursor });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}

/**
 * The unsubscribe link needs the user's token; users created before tokens existed get one
 * the first time an email is built for them.
 */
export async function withUnsubscribeToken(store: Store, user: User, now: Date): Promise<User> {
  if (user.unsubscribeToken) return user;
  const updated = {
    ...user,
    unsubscribeToken: randomBytes(24).toString("base64url"),
    updatedAt: now.toISOString(),
  };
  await store.users.put(updated);
  return updated;
}
