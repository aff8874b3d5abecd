import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, mapPage, queryAll, queryPage } from "../db.ts";
import { meetingFromItem, meetingItem } from "../entities/meeting.ts";
import { keys, timeKey, userPartition } from "../keys.ts";
import type { MeetingRepository } from "../store.ts";

export function meetingRepository(db: Db): MeetingRepository {
  const { doc, tableName: TableName } = db;

  return {
    async get(userId, provider, eventId) {
      const key = keys.meeting(userId, provider, eventId);
      const result = await doc.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
      return result.Item ? meetingFromItem(result.Item) : undefined;
    },

    async getByICalUId(userId, iCalUId) {
      const items = await queryAll(db, { index: "gsi2", partition: keys.meetingsByICalUId(userId, iCalUId) });
      return items.map(meetingFromItem);
    },

    /** History is capped before writing (see meeting-history.ts). */
    async put(meeting) {
      await doc.send(new PutCommand({ TableName, Item: meetingItem(meeting) }));
    },

    async delete(userId, provider, eventId) {
      await doc.send(new DeleteCommand({ TableName, Key: keys.meeting(userId, provider, eventId) }));
    },

    async listByStart(userId, from, to, options) {
      const query = { index: "gsi1" as const, partition: keys.meetingsByStart(userId) };
      const between: [string, string] = [timeKey(from), timeKey(to)];
      return mapPage(await queryPage(db, { ...query, between }, options), meetingFromItem);
    },

    async listForUser(userId, options) {
      const query = { partition: userPartition(userId), beginsWith: keys.meetingPrefix() };
      return mapPage(await queryPage(db, query, options), meetingFromItem);
    },

    async listBySeries(userId, seriesId) {
      const items = await queryAll(db, { index: "gsi3", partition: keys.meetingsBySeries(userId, seriesId) });
      return items.map(meetingFromItem);
    },
  };
}
