import { Meeting } from "@rapport/core";
import type { Item } from "../db.ts";
import { keys } from "../keys.ts";
import { capMeetingHistory } from "../meeting-history.ts";

export function meetingItem(meeting: Meeting): Item {
  const valid = capMeetingHistory(Meeting.parse(meeting));
  const key = keys.meeting(valid.userId, valid.provider, valid.eventId);
  const item: Item = {
    ...valid,
    ...key,
    gsi1pk: keys.meetingsByStart(valid.userId),
    gsi1sk: keys.timeOrdered(valid.start, key.sk),
    entity: "meeting",
  };
  if (valid.iCalUId) {
    item.gsi2pk = keys.meetingsByICalUId(valid.userId, valid.iCalUId);
    item.gsi2sk = key.sk;
  }
  if (valid.seriesId) {
    item.gsi3pk = keys.meetingsBySeries(valid.userId, valid.seriesId);
    item.gsi3sk = keys.timeOrdered(valid.start, key.sk);
  }
  return item;
}

export function meetingFromItem(item: Item): Meeting {
  return Meeting.parse(item);
}
