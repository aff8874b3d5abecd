import type { Interaction } from "@rapport/core";
import type { Facts } from "./facts.ts";
import { isGroupMail } from "./interactions.ts";
import { DAY_MS, HOUR_MS, ms } from "./time.ts";

export const UNANSWERED_GRACE_HOURS = 48;
export const UNANSWERED_WINDOW_DAYS = 60;

/**
 * Personal inbound messages from a person, sent between 60 days and 48 hours before now, that
 * the user has not answered: no later message from the user in the same thread (to anyone), or
 * for a message without a thread, no later message from the user to that person. Oldest first.
 */
export function unansweredFrom(facts: Facts, email: string): Interaction[] {
  const from = facts.nowMs - UNANSWERED_WINDOW_DAYS * DAY_MS;
  const to = facts.nowMs - UNANSWERED_GRACE_HOURS * HOUR_MS;
  const mail = facts.mailByContact.get(email) ?? [];
  return mail.filter((m) => {
    const at = ms(m.at);
    if (m.direction !== "inbound" || isGroupMail(m) || at < from || at > to) return false;
    const later = (i: Interaction) => i.direction === "outbound" && ms(i.at) > at;
    const answered = m.threadId ? (facts.threads.get(m.threadId) ?? []).some(later) : mail.some(later);
    return !answered;
  });
}
