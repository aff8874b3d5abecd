import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { evidenceHash, SuggestionState, VisibleError } from "@rapport/core";
import { conditionally } from "../conditional.ts";
import { type Db, mapPage, queryAll, queryPage } from "../db.ts";
import {
  newRevision,
  revisionOf,
  stateIndexKey,
  suggestionFromItem,
  suggestionItem,
} from "../entities/suggestion.ts";
import { keys, timeKey, userPartition } from "../keys.ts";
import type { SuggestionRepository } from "../store.ts";

export function suggestionRepository(db: Db): SuggestionRepository {
  const { doc, tableName: TableName } = db;

  async function read(userId: string, id: string) {
    const result = await doc.send(
      new GetCommand({ TableName, Key: keys.suggestion(userId, id), ConsistentRead: true }),
    );
    return result.Item;
  }

  return {
    async get(userId, id) {
      const item = await read(userId, id);
      return item ? suggestionFromItem(item) : undefined;
    },

    async put(suggestion) {
      await doc.send(new PutCommand({ TableName, Item: suggestionItem(suggestion) }));
    },

    /**
     * Optimistic: the write holds only if the revision read is still there. Dismissing records
     * the hash of the evidence dismissed, so analysis can reopen it when the evidence changes.
     */
    async setState(userId, id, state, now, snoozedUntil) {
      const valid = SuggestionState.parse(state);
      const item = await read(userId, id);
      if (!item) throw new VisibleError("not_found", "suggestion_not_found", "No such suggestion");
      const current = suggestionFromItem(item);
      const rev = revisionOf(item);
      const values: Record<string, unknown> = {
        ":state": valid,
        ":now": now,
        ":gsi1pk": stateIndexKey(userId, valid),
        ":newRev": newRevision(),
      };
      const sets = ["#state = :state", "updatedAt = :now", "gsi1pk = :gsi1pk", "rev = :newRev"];
      const removes: string[] = [];
      if (valid === "snoozed" && snoozedUntil) {
        sets.push("snoozedUntil = :until");
        values[":until"] = timeKey(snoozedUntil);
      } else removes.push("snoozedUntil");
      if (valid === "dismissed") {
        sets.push("dismissedEvidence = :evidence");
        values[":evidence"] = evidenceHash(current.materialEvidence);
      }
      let condition = "attribute_not_exists(rev)";
      if (rev !== undefined) {
        condition = "rev = :rev";
        values[":rev"] = rev;
      }
      const result = await conditionally(
        () =>
          doc.send(
            new UpdateCommand({
              TableName,
              Key: keys.suggestion(userId, id),
              UpdateExpression: `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`,
              ConditionExpression: `attribute_exists(pk) AND ${condition}`,
              ExpressionAttributeNames: { "#state": "state" },
              ExpressionAttributeValues: values,
              ReturnValues: "ALL_NEW",
            }),
          ),
        `Suggestion ${id} changed while its state was being set`,
      );
      return suggestionFromItem(result.Attributes ?? {});
    },

    async listForUser(userId, options) {
      if (options?.state) {
        const partition = stateIndexKey(userId, SuggestionState.parse(options.state));
        const page = await queryPage(db, { index: "gsi1", partition, newestFirst: true }, options);
        return mapPage(page, suggestionFromItem);
      }
      const query = { partition: userPartition(userId), beginsWith: keys.suggestionPrefix() };
      return mapPage(await queryPage(db, query, options), suggestionFromItem);
    },

    async listForMeeting(userId, provider, eventId) {
      const partition = keys.suggestionsForMeeting(userId, provider, eventId);
      return (await queryAll(db, { index: "gsi2", partition })).map(suggestionFromItem);
    },

    async listForContact(userId, contactEmail) {
      const partition = keys.suggestionsForContact(userId, contactEmail);
      return (await queryAll(db, { index: "gsi3", partition })).map(suggestionFromItem);
    },
  };
}
