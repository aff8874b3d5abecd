import type { Meeting } from "@rapport/core";

/** Keep at most this many attendee changes: the newest ones, which analysis uses. */
export const MEETING_HISTORY_CAP = 200;

/** Stay well under DynamoDB's 400 KB item limit, leaving room for keys and attribute names. */
export const MEETING_ITEM_BUDGET_BYTES = 350_000;

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/**
 * Drops the oldest attendee changes (the head of the array, which the sync engine appends to)
 * until at most MEETING_HISTORY_CAP remain and the meeting fits the item budget.
 */
export function capMeetingHistory(meeting: Meeting): Meeting {
  let history = meeting.history.slice(-MEETING_HISTORY_CAP);
  let size = jsonBytes({ ...meeting, history });
  while (history.length > 0 && size > MEETING_ITEM_BUDGET_BYTES) {
    // Drop in proportion to the overshoot, at least one change per round.
    const overshoot = (size - MEETING_ITEM_BUDGET_BYTES) / size;
    const drop = Math.max(1, Math.ceil(history.length * overshoot));
    history = history.slice(drop);
    size = jsonBytes({ ...meeting, history });
  }
  return history.length === meeting.history.length ? meeting : { ...meeting, history };
}
