import { randomUUID } from "node:crypto";
import { Suggestion, type SuggestionState } from "@rapport/core";
import { z } from "zod";
import type { Item } from "../db.ts";
import { keys, segment } from "../keys.ts";

/** Store-only revision token, new on every write: the optimistic-concurrency check of setState. */
export const newRevision = () => randomUUID();

export const stateIndexKey = (userId: string, state: SuggestionState) =>
  keys.suggestionsByState(userId, state);

export function suggestionItem(suggestion: Suggestion): Item {
  const valid = Suggestion.parse(suggestion);
  const key = keys.suggestion(valid.userId, valid.id);
  const item: Item = {
    ...valid,
    ...key,
    gsi1pk: stateIndexKey(valid.userId, valid.state),
    gsi1sk: keys.timeOrdered(valid.createdAt, segment(valid.id)),
    rev: newRevision(),
    entity: "suggestion",
  };
  if (valid.meeting) {
    item.gsi2pk = keys.suggestionsForMeeting(valid.userId, valid.meeting.provider, valid.meeting.eventId);
    item.gsi2sk = segment(valid.id);
  }
  if (valid.contactEmail) {
    item.gsi3pk = keys.suggestionsForContact(valid.userId, valid.contactEmail);
    item.gsi3sk = segment(valid.id);
  }
  return item;
}

export function suggestionFromItem(item: Item): Suggestion {
  return Suggestion.parse(item);
}

const Revision = z.object({ rev: z.string().optional() });

export function revisionOf(item: Item): string | undefined {
  return Revision.parse(item).rev;
}
