import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Connection, VisibleError } from "@rapport/core";
import { conditionally } from "../conditional.ts";
import { type Db, mapPage, queryAll, queryPage } from "../db.ts";
import { connectionFromItem, connectionIndexKeys, connectionItem } from "../entities/connection.ts";
import { keys, userPartition } from "../keys.ts";
import type { ConnectionRepository } from "../store.ts";

const UpdatableFields = Connection.omit({ userId: true, provider: true }).partial();

export function connectionRepository(db: Db): ConnectionRepository {
  const { doc, tableName: TableName } = db;

  return {
    async get(userId, provider) {
      const key = keys.connection(userId, provider);
      const result = await doc.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
      return result.Item ? connectionFromItem(result.Item) : undefined;
    },

    async listForUser(userId) {
      const items = await queryAll(db, {
        partition: userPartition(userId),
        beginsWith: keys.connectionPrefix(),
      });
      return items.map(connectionFromItem);
    },

    async getByAccount(provider, accountId) {
      const page = await queryPage(
        db,
        { index: "gsi2", partition: keys.account(provider, accountId) },
        { limit: 1 },
      );
      return page.items[0] ? connectionFromItem(page.items[0]) : undefined;
    },

    async put(connection) {
      await doc.send(new PutCommand({ TableName, Item: connectionItem(connection) }));
    },

    /** SET each given field; a field given as `undefined` is REMOVEd (e.g. clearing retryAfter). */
    async update(userId, provider, changes) {
      const valid = UpdatableFields.parse(changes);
      const fields: Record<string, unknown> = {};
      for (const name of Object.keys(changes)) {
        // Keys (userId, provider) and unknown names are never written.
        if (!(name in UpdatableFields.shape)) continue;
        const value = (valid as Record<string, unknown>)[name];
        if (
          value === undefined &&
          !Connection.shape[name as keyof typeof Connection.shape].safeParse(undefined).success
        ) {
          throw new VisibleError("input", "required_field", `Connection field ${name} cannot be removed`);
        }
        fields[name] = value;
      }
      if (typeof valid.accountId === "string") {
        Object.assign(fields, connectionIndexKeys({ userId, provider, accountId: valid.accountId }));
      }
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const sets: string[] = [];
      const removes: string[] = [];
      Object.entries(fields).forEach(([name, value], i) => {
        names[`#f${i}`] = name;
        if (value === undefined) removes.push(`#f${i}`);
        else {
          values[`:v${i}`] = value;
          sets.push(`#f${i} = :v${i}`);
        }
      });
      if (sets.length + removes.length === 0) return;
      const expression = [
        sets.length ? `SET ${sets.join(", ")}` : "",
        removes.length ? `REMOVE ${removes.join(", ")}` : "",
      ];
      await conditionally(
        () =>
          doc.send(
            new UpdateCommand({
              TableName,
              Key: keys.connection(userId, provider),
              UpdateExpression: expression.join(" ").trim(),
              ConditionExpression: "attribute_exists(pk)",
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
            }),
          ),
        `No ${provider} connection for this user`,
      );
    },

    async list(options) {
      const page = await queryPage(db, { index: "gsi1", partition: keys.connectionsIndex() }, options);
      return mapPage(page, connectionFromItem);
    },
  };
}
