import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionalFailure } from "../conditional.ts";
import type { Db } from "../db.ts";
import { deliveryFromItem, deliveryItem } from "../entities/delivery.ts";
import { keys } from "../keys.ts";
import type { DeliveryRepository } from "../store.ts";

export function deliveryRepository(db: Db): DeliveryRepository {
  const { doc, tableName: TableName } = db;

  return {
    async record(delivery) {
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: deliveryItem(delivery),
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalFailure(error)) return false;
        throw error;
      }
    },

    async get(userId, kind, key) {
      const result = await doc.send(
        new GetCommand({ TableName, Key: keys.delivery(userId, kind, key), ConsistentRead: true }),
      );
      return result.Item ? deliveryFromItem(result.Item) : undefined;
    },

    async remove(userId, kind, key) {
      await doc.send(new DeleteCommand({ TableName, Key: keys.delivery(userId, kind, key) }));
    },
  };
}
