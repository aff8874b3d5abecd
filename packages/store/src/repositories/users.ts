import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { normalizeEmail, type User } from "@rapport/core";
import { batchDelete } from "../batch.ts";
import { conditionally, isConditionalFailure } from "../conditional.ts";
import { type Db, mapPage, queryPage, queryPages } from "../db.ts";
import { emailLookupItem, emailLookupUserId, userFromItem, userItem } from "../entities/user.ts";
import { keys, userPartition } from "../keys.ts";
import type { UserRepository } from "../store.ts";

/** Keys read per page while deleting a partition; BatchWrite then takes 25 at a time. */
const DELETE_PAGE_SIZE = 100;

export function userRepository(db: Db): UserRepository {
  const { doc, tableName: TableName } = db;

  async function get(userId: string): Promise<User | undefined> {
    const result = await doc.send(
      new GetCommand({ TableName, Key: keys.user(userId), ConsistentRead: true }),
    );
    return result.Item ? userFromItem(result.Item) : undefined;
  }

  /** Removes the email guard only if it still points at this user. */
  async function releaseEmail(userId: string, email: string): Promise<void> {
    try {
      await doc.send(
        new DeleteCommand({
          TableName,
          Key: keys.emailLookup(email),
          ConditionExpression: "userId = :me",
          ExpressionAttributeValues: { ":me": userId },
        }),
      );
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
    }
  }

  return {
    get,

    async getByEmail(email) {
      const lookup = await doc.send(
        new GetCommand({ TableName, Key: keys.emailLookup(email), ConsistentRead: true }),
      );
      return lookup.Item ? get(emailLookupUserId(lookup.Item)) : undefined;
    },

    async create(user) {
      const notThere = "attribute_not_exists(pk)";
      await conditionally(
        () =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName, Item: userItem(user), ConditionExpression: notThere } },
                { Put: { TableName, Item: emailLookupItem(user), ConditionExpression: notThere } },
              ],
            }),
          ),
        `A user with id ${user.userId} or the same email already exists`,
      );
    },

    async put(user) {
      const before = await get(user.userId);
      const sameEmail = before !== undefined && normalizeEmail(before.email) === normalizeEmail(user.email);
      if (sameEmail) {
        await doc.send(new PutCommand({ TableName, Item: userItem(user) }));
        return;
      }
      const mine = { ":me": user.userId };
      await conditionally(
        () =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName, Item: userItem(user) } },
                {
                  Put: {
                    TableName,
                    Item: emailLookupItem(user),
                    ConditionExpression: "attribute_not_exists(pk) OR userId = :me",
                    ExpressionAttributeValues: mine,
                  },
                },
                ...(before
                  ? [
                      {
                        Delete: {
                          TableName,
                          Key: keys.emailLookup(before.email),
                          ConditionExpression: "userId = :me",
                          ExpressionAttributeValues: mine,
                        },
                      },
                    ]
                  : []),
              ],
            }),
          ),
        `The email of user ${user.userId} belongs to another user`,
      );
    },

    async list(options) {
      const page = await queryPage(db, { index: "gsi1", partition: keys.usersIndex() }, options);
      return mapPage(page, userFromItem);
    },

    async deleteAllData(userId) {
      const user = await get(userId);
      // Page by page, never the whole partition in memory. The user item (sk USER) sorts last,
      // so a run cut short can be repeated: it still finds the email to release.
      for await (const page of queryPages(
        db,
        { partition: userPartition(userId), keysOnly: true },
        DELETE_PAGE_SIZE,
      )) {
        await batchDelete(db, page);
      }
      if (user) await releaseEmail(userId, user.email);
    },
  };
}
