import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, mapPage, queryAll, queryPage } from "../db.ts";
import { subscriptionFromItem, subscriptionItem } from "../entities/subscription.ts";
import { keys, timeKey, userPartition } from "../keys.ts";
import type { SubscriptionRepository } from "../store.ts";

export function subscriptionRepository(db: Db): SubscriptionRepository {
  const { doc, tableName: TableName } = db;

  const getById: SubscriptionRepository["getById"] = async (provider, subscriptionId) => {
    const partition = keys.subscriptionById(provider, subscriptionId);
    const page = await queryPage(db, { index: "gsi2", partition }, { limit: 1 });
    return page.items[0] ? subscriptionFromItem(page.items[0]) : undefined;
  };

  return {
    getById,

    async listForUser(userId) {
      const items = await queryAll(db, {
        partition: userPartition(userId),
        beginsWith: keys.subscriptionPrefix(),
      });
      return items.map(subscriptionFromItem);
    },

    async put(subscription) {
      await doc.send(new PutCommand({ TableName, Item: subscriptionItem(subscription) }));
    },

    async delete(provider, subscriptionId) {
      const found = await getById(provider, subscriptionId);
      if (!found) return;
      await doc.send(
        new DeleteCommand({ TableName, Key: keys.subscription(found.userId, provider, subscriptionId) }),
      );
    },

    async listExpiringBefore(before, options) {
      const query = {
        index: "gsi1" as const,
        partition: keys.subscriptionsIndex(),
        lessThan: timeKey(before),
      };
      return mapPage(await queryPage(db, query, options), subscriptionFromItem);
    },
  };
}
