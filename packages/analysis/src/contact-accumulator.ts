import { type ContactStats, type Interaction, normalizeEmail } from "@rapport/core";
import type { UserContext } from "./identity.ts";
import { isGroupMail, isLargeMeetingInteraction } from "./interactions.ts";
import { DAY_MS, HOUR_MS, type Instant, ms, toInstant } from "./time.ts";

export interface ContactAccumulator {
  /** Interactions must arrive oldest first (by `at`), as the store lists a contact's timeline. */
  add(interaction: Interaction): void;
  /** The stats as of `now` (given here or when the accumulator was created). */
  result(now?: Instant): ContactStats;
}

const NO_THREAD = "\u0000no-thread";
const GRACE_MS = 48 * HOUR_MS;
const WINDOW_MS = 60 * DAY_MS;
/**
 * Meetings stay in a tail until 400 days older than the newest one seen. The sync window looks at
 * most 90 days ahead, so a folded meeting is long over and outside the 90-day window at any `now`.
 */
const TAIL_MS = 400 * DAY_MS;
const THREAD_MEMORY_MS = 365 * DAY_MS;

interface TailMeeting {
  at: string;
  start: number;
  end: number;
  oneOnOne: boolean;
}

/**
 * Folds one contact's interactions into ContactStats without keeping them: memory holds only the
 * meetings of the last ~400 days, the mail still waiting for an answer (at most 60 days of it)
 * and the ids of threads active in the last year.
 */
export function createContactAccumulator(
  email: string,
  _user: UserContext,
  now?: Instant,
): ContactAccumulator {
  const fixedNow = now === undefined ? undefined : toInstant("now", now);
  const contact = normalizeEmail(email);
  const folded = {
    held: 0,
    oneOnOne: 0,
    firstMetAt: undefined as string | undefined,
    lastMetAt: undefined as string | undefined,
  };
  const counts = {
    mailIn: 0,
    mailOut: 0,
    meetingsInitiatedByUser: 0,
    meetingsInitiatedByContact: 0,
    threadsStartedByUser: 0,
    threadsStartedByContact: 0,
    cancelledByUser: 0,
  };
  let firstMailAt: string | undefined;
  let lastMailInAt: string | undefined;
  let lastMailOutAt: string | undefined;
  let newestMail = Number.NEGATIVE_INFINITY;
  const tail: TailMeeting[] = [];
  const waitingForUser = new Map<string, string[]>(); // thread -> inbound sent times
  const waitingForContact = new Map<string, string[]>();
  const threads = new Map<string, number>(); // thread -> last activity

  function addMeeting(i: Interaction): void {
    if (i.status === "cancelled") {
      if (i.initiatedBy === "user") counts.cancelledByUser += 1;
      return;
    }
    if (i.status === "declined" || isLargeMeetingInteraction(i)) return;
    if (i.initiatedBy === "user") counts.meetingsInitiatedByUser += 1;
    if (i.initiatedBy === "contact") counts.meetingsInitiatedByContact += 1;
    const start = ms(i.at);
    tail.push({ at: i.at, start, end: i.endAt ? ms(i.endAt) : start, oneOnOne: i.participantCount === 1 });
    while (tail.length > 0 && (tail[0] as TailMeeting).start < start - TAIL_MS) {
      const old = tail.shift() as TailMeeting;
      folded.held += 1;
      if (old.oneOnOne) folded.oneOnOne += 1;
      folded.firstMetAt ??= old.at;
      folded.lastMetAt = old.at;
    }
  }

  function addMail(i: Interaction): void {
    const at = ms(i.at);
    newestMail = Math.max(newestMail, at);
    firstMailAt ??= i.at;
    const personal = !isGroupMail(i);
    const thread = i.threadId ?? NO_THREAD;
    const [mine, theirs] =
      i.direction === "outbound" ? [waitingForContact, waitingForUser] : [waitingForUser, waitingForContact];
    if (i.direction === "outbound") {
      lastMailOutAt = i.at;
      if (personal) counts.mailOut += 1;
    } else {
      lastMailInAt = i.at;
      if (personal) counts.mailIn += 1;
    }
    // A later message answers the thread; without a thread, any later message to or from them.
    theirs.delete(thread);
    theirs.delete(NO_THREAD);
    if (personal) push(mine, thread, i.at);
    noteThread(i, personal, at);
    prune(waitingForUser);
    prune(waitingForContact);
  }

  function noteThread(i: Interaction, personal: boolean, at: number): void {
    const isNew = !i.threadId || !threads.has(i.threadId);
    if (isNew && personal) {
      if (i.direction === "outbound") counts.threadsStartedByUser += 1;
      else counts.threadsStartedByContact += 1;
    }
    if (!i.threadId) return;
    threads.set(i.threadId, at);
    if (threads.size > 5000)
      for (const [id, last] of threads) if (last < at - THREAD_MEMORY_MS) threads.delete(id);
  }

  // Mail is never sent after now, so anything older than the newest mail minus 60 days is
  // outside the unanswered window at any now: it can go.
  function prune(map: Map<string, string[]>): void {
    for (const [thread, times] of map) {
      const kept = times.filter((t) => ms(t) >= newestMail - WINDOW_MS);
      if (kept.length === 0) map.delete(thread);
      else if (kept.length !== times.length) map.set(thread, kept);
    }
  }

  return {
    add(interaction) {
      if (normalizeEmail(interaction.contactEmail) !== contact) return;
      if (interaction.kind === "meeting") addMeeting(interaction);
      else addMail(interaction);
    },
    result(at) {
      const now = at === undefined ? fixedNow : toInstant("now", at);
      if (now === undefined) throw new TypeError("now must be given to createContactAccumulator or result");
      const nowMs = ms(now);
      const held = tail.filter((m) => m.end <= nowMs);
      const next = tail.find((m) => m.start > nowMs);
      const waiting = (map: Map<string, string[]>) =>
        [...map.values()]
          .flat()
          .filter((t) => ms(t) <= nowMs - GRACE_MS && ms(t) >= nowMs - WINDOW_MS)
          .sort();
      const waitingIn = waiting(waitingForUser);
      const firstMetAt = folded.firstMetAt ?? held[0]?.at;
      const stats: ContactStats = {
        ...counts,
        meetingsHeld: folded.held + held.length,
        meetingsLast90Days: held.filter((m) => m.start >= nowMs - 90 * DAY_MS).length,
        oneOnOneMeetings: folded.oneOnOne + held.filter((m) => m.oneOnOne).length,
        unansweredInbound: waitingIn.length,
        unansweredOutbound: waiting(waitingForContact).length,
      };
      const first = [firstMetAt, firstMailAt]
        .filter((d): d is string => !!d)
        .sort((a, b) => ms(a) - ms(b))[0];
      set(stats, "firstInteractionAt", first);
      set(stats, "firstMetAt", firstMetAt);
      set(stats, "lastMetAt", held.at(-1)?.at ?? folded.lastMetAt);
      set(stats, "nextMeetingAt", next?.at);
      set(stats, "lastMailInAt", lastMailInAt);
      set(stats, "lastMailOutAt", lastMailOutAt);
      set(stats, "oldestUnansweredAt", waitingIn[0]);
      return stats;
    },
  };
}

function set<K extends keyof ContactStats>(
  stats: ContactStats,
  key: K,
  value: ContactStats[K] | undefined,
): void {
  if (value !== undefined) stats[key] = value;
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
  now: Instant,
): ContactStats {
  const accumulator = createContactAccumulator(email, user, now);
  for (const interaction of interactions) accumulator.add(interaction);
  return accumulator.result();
}
