import { Provider } from "@rapport/core";
import { batchDelete, batchPut } from "../batch.ts";
import { type Db, mapPage, queryPage, queryPages } from "../db.ts";
import { interactionFromItem, interactionItem } from "../entities/interaction.ts";
import { keys, timeKey, userPartition } from "../keys.ts";
import type { InteractionRepository } from "../store.ts";

const KINDS = ["meeting", "mail"] as const;

export function interactionRepository(db: Db): InteractionRepository {
  return {
    async putMany(interactions) {
      // The same interaction twice in one batch is an error in BatchWrite; the last one wins here.
      const items = new Map<string, Record<string, unknown>>();
      for (const interaction of interactions) {
        const item = interactionItem(interaction);
        items.set(`${item.pk}\u0000${item.sk}`, item);
      }
      await batchPut(db, [...items.values()]);
    },

    /** Strongly consistent prefix queries, so a delete right after a put sees it. */
    async deleteBySource(userId, sourceId) {
      for (const provider of Provider.options) {
        for (const kind of KINDS) {
          const query = {
            partition: userPartition(userId),
            beginsWith: keys.interactionSourcePrefix(provider, kind, sourceId),
            keysOnly: true,
          };
          for await (const page of queryPages(db, query)) await batchDelete(db, page);
        }
      }
    },

    async listForContact(userId, contactEmail, options) {
      const query = { index: "gsi1" as const, partition: keys.interactionsWith(userId, contactEmail) };
      return mapPage(await queryPage(db, query, options), interactionFromItem);
    },

    async listByTime(userId, from, to, options) {
      const query = { index: "gsi2" as const, partition: keys.interactionsByTime(userId) };
      const between: [string, string] = [timeKey(from), timeKey(to)];
      return mapPage(await queryPage(db, { ...query, between }, options), interactionFromItem);
    },
  };
}
