import { type ContactStats, type Interaction, normalizeEmail } from "@rapport/core";
import type { UserContext } from "./identity.ts";
import { isGroupMail, isLargeMeetingInteraction } from "./interactions.ts";
import { DAY_MS, HOUR_MS, ms } from "./time.ts";

export interface ContactAccumulator {
  /** Interactions must arrive oldest first (by `at`), as the store lists a contact's timeline. */
  add(interaction: Interaction): void;
  result(): ContactStats;
}

const NO_THREAD = "\u0000no-thread";
const UNANSWERED_GRACE_MS = 48 * HOUR_MS;
const UNANSWERED_WINDOW_MS = 60 * DAY_MS;
const THREAD_MEMORY_MS = 365 * DAY_MS;

/**
 * Folds one contact's interactions into ContactStats without keeping them: memory holds only the
 * recent mail still waiting for an answer and the ids of threads active in the last year.
 * `now` is fixed up front so every interaction is classified (past, upcoming, in a window) once.
 */
export function createContactAccumulator(email: string, _user: UserContext, now: string): ContactAccumulator {
  const contact = normalizeEmail(email);
  const nowMs = ms(now);
  const stats: ContactStats = {
    meetingsHeld: 0,
    meetingsLast90Days: 0,
    oneOnOneMeetings: 0,
    mailIn: 0,
    mailOut: 0,
    unansweredInbound: 0,
    unansweredOutbound: 0,
    meetingsInitiatedByUser: 0,
    meetingsInitiatedByContact: 0,
    threadsStartedByUser: 0,
    threadsStartedByContact: 0,
    cancelledByUser: 0,
  };
  const waitingForUser = new Map<string, string[]>(); // thread -> inbound sent times
  const waitingForContact = new Map<string, string[]>();
  const threads = new Map<string, number>(); // thread -> last activity
  const firstContact = (at: string) => {
    stats.firstInteractionAt ??= at;
  };

  function addMeeting(i: Interaction): void {
    const start = ms(i.at);
    const end = i.endAt ? ms(i.endAt) : start;
    if (i.status === "cancelled") {
      if (i.initiatedBy === "user") stats.cancelledByUser += 1;
      return;
    }
    if (i.status === "declined" || isLargeMeetingInteraction(i)) return;
    if (i.initiatedBy === "user") stats.meetingsInitiatedByUser += 1;
    if (i.initiatedBy === "contact") stats.meetingsInitiatedByContact += 1;
    if (start > nowMs) {
      if (!stats.nextMeetingAt || start < ms(stats.nextMeetingAt)) stats.nextMeetingAt = i.at;
      return;
    }
    if (end > nowMs) return; // in progress: not held yet
    firstContact(i.at);
    stats.firstMetAt ??= i.at;
    stats.lastMetAt = i.at;
    stats.meetingsHeld += 1;
    if (start >= nowMs - 90 * DAY_MS) stats.meetingsLast90Days += 1;
    if (i.participantCount === 1) stats.oneOnOneMeetings += 1;
  }

  function noteThread(i: Interaction, personal: boolean): void {
    if (!i.threadId) {
      if (personal) countThreadStart(i);
      return;
    }
    const at = ms(i.at);
    if (!threads.has(i.threadId) && personal) countThreadStart(i);
    threads.set(i.threadId, at);
    if (threads.size > 5000) {
      for (const [id, last] of threads) if (last < at - THREAD_MEMORY_MS) threads.delete(id);
    }
  }

  function countThreadStart(i: Interaction): void {
    if (i.direction === "outbound") stats.threadsStartedByUser += 1;
    else stats.threadsStartedByContact += 1;
  }

  function addMail(i: Interaction): void {
    const at = ms(i.at);
    if (at > nowMs) return;
    firstContact(i.at);
    const personal = !isGroupMail(i);
    const thread = i.threadId ?? NO_THREAD;
    if (i.direction === "outbound") {
      stats.lastMailOutAt = i.at;
      if (personal) stats.mailOut += 1;
      // Any later message from the user answers the thread; without a thread, any message to C.
      waitingForUser.delete(thread);
      waitingForUser.delete(NO_THREAD);
      if (personal && isInWaitingWindow(at)) push(waitingForContact, thread, i.at);
    } else {
      stats.lastMailInAt = i.at;
      if (personal) stats.mailIn += 1;
      waitingForContact.delete(thread);
      waitingForContact.delete(NO_THREAD);
      if (personal && isInWaitingWindow(at)) push(waitingForUser, thread, i.at);
    }
    noteThread(i, personal);
  }

  function isInWaitingWindow(at: number): boolean {
    return at <= nowMs - UNANSWERED_GRACE_MS && at >= nowMs - UNANSWERED_WINDOW_MS;
  }

  return {
    add(interaction) {
      if (normalizeEmail(interaction.contactEmail) !== contact) return;
      if (interaction.kind === "meeting") addMeeting(interaction);
      else addMail(interaction);
    },
    result() {
      const waitingIn = [...waitingForUser.values()].flat().sort();
      const waitingOut = [...waitingForContact.values()].flat();
      const out: ContactStats = { ...stats, unansweredInbound: waitingIn.length, unansweredOutbound: waitingOut.length };
      if (waitingIn[0]) out.oldestUnansweredAt = waitingIn[0];
      return out;
    },
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Convenience over an array or any iterable, oldest first. */
export function summarizeContact(
  email: string,
  interactions: Iterable<Interaction>,
  user: UserContext,
  now: string,
): ContactStats {
  const accumulator = createContactAccumulator(email, user, now);
  for (const interaction of interactions) accumulator.add(interaction);
  return accumulator.result();
}
