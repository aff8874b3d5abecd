import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ContactOverrides, normalizeEmail } from "@rapport/core";
import { batchGet } from "../batch.ts";
import { isConditionalFailure } from "../conditional.ts";
import { type Db, mapPage, queryPage } from "../db.ts";
import { bareContact, contactFromItem, contactItem, hasChoices } from "../entities/contact.ts";
import { keys, userPartition } from "../keys.ts";
import type { ContactRepository } from "../store.ts";

export function contactRepository(db: Db): ContactRepository {
  const { doc, tableName: TableName } = db;

  async function updateOverrides(userId: string, email: string, overrides: ContactOverrides, now: string) {
    const chosen = hasChoices(overrides);
    const result = await doc.send(
      new UpdateCommand({
        TableName,
        Key: keys.contact(userId, email),
        UpdateExpression: chosen
          ? "SET overrides = :o, updatedAt = :now, gsi2pk = :g, gsi2sk = :e"
          : "SET overrides = :o, updatedAt = :now REMOVE gsi2pk, gsi2sk",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: {
          ":o": overrides,
          ":now": now,
          ...(chosen ? { ":g": keys.contactsWithChoices(userId), ":e": normalizeEmail(email) } : {}),
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    return contactFromItem(result.Attributes ?? {});
  }

  async function createBare(userId: string, email: string, overrides: ContactOverrides, now: string) {
    const contact = bareContact(userId, email, overrides, now);
    await doc.send(
      new PutCommand({
        TableName,
        Item: contactItem(contact),
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return contact;
  }

  return {
    async get(userId, email) {
      const result = await doc.send(
        new GetCommand({ TableName, Key: keys.contact(userId, email), ConsistentRead: true }),
      );
      return result.Item ? contactFromItem(result.Item) : undefined;
    },

    async getMany(userId, emails) {
      const unique = [...new Set(emails.map(normalizeEmail))];
      const items = await batchGet(
        db,
        unique.map((email) => keys.contact(userId, email)),
      );
      // BatchGet answers in any order; give them back in the order asked.
      const byEmail = new Map(items.map(contactFromItem).map((c) => [normalizeEmail(c.email), c]));
      return unique.flatMap((email) => byEmail.get(email) ?? []);
    },

    async put(contact) {
      await doc.send(new PutCommand({ TableName, Item: contactItem(contact) }));
    },

    /** Update when present, else create bare; a concurrent create makes the update win on retry. */
    async setOverrides(userId, email, overrides, now) {
      const valid = ContactOverrides.parse(overrides);
      for (let attempt = 0; ; attempt++) {
        try {
          return await updateOverrides(userId, email, valid, now);
        } catch (error) {
          if (!isConditionalFailure(error)) throw error;
        }
        try {
          return await createBare(userId, email, valid, now);
        } catch (error) {
          if (!isConditionalFailure(error) || attempt > 0) throw error;
        }
      }
    },

    async listForUser(userId, options) {
      const query = { partition: userPartition(userId), beginsWith: keys.contactPrefix() };
      return mapPage(await queryPage(db, query, options), contactFromItem);
    },

    async listWithChoices(userId, options) {
      const query = { index: "gsi2" as const, partition: keys.contactsWithChoices(userId) };
      return mapPage(await queryPage(db, query, options), contactFromItem);
    },

    async listByDomain(userId, domain, options) {
      const query = { index: "gsi1" as const, partition: keys.contactsByDomain(userId, domain) };
      return mapPage(await queryPage(db, query, options), contactFromItem);
    },
  };
}
