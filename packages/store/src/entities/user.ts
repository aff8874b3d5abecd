import { normalizeEmail, User } from "@rapport/core";
import { z } from "zod";
import type { Item } from "../db.ts";
import { keys, segment } from "../keys.ts";

export function userItem(user: User): Item {
  const valid = User.parse(user);
  return {
    ...valid,
    ...keys.user(valid.userId),
    gsi1pk: keys.usersIndex(),
    gsi1sk: segment(valid.userId),
    entity: "user",
  };
}

export function userFromItem(item: Item): User {
  return User.parse(item);
}

/** The uniqueness guard for an address: the only user-data item outside the user's partition. */
export function emailLookupItem(user: Pick<User, "userId" | "email">): Item {
  return {
    ...keys.emailLookup(user.email),
    userId: user.userId,
    email: normalizeEmail(user.email),
    entity: "email",
  };
}

const EmailLookup = z.object({ userId: z.string() });

export function emailLookupUserId(item: Item): string {
  return EmailLookup.parse(item).userId;
}
