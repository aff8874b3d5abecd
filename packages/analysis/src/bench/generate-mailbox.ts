import { defaultUserSettings, type MailMessage, type Meeting } from "@rapport/core";
import type { UserContext } from "../identity.ts";
import { interactionsFromMeeting, interactionsFromMessage } from "../interactions.ts";
import { DAY_MS, iso, ms } from "../time.ts";

export interface MailboxSpec {
  years: number;
  /** Distinct people the user deals with. */
  contacts: number;
  /** Interactions the meetings and messages yield in total (exactly). */
  interactions: number;
  seed: number;
  now: string;
}

export interface Mailbox {
  user: UserContext;
  meetings: Meeting[];
  messages: MailMessage[];
  /** The contact addresses, most active first. */
  people: string[];
}

/** Small deterministic PRNG (mulberry32): the same seed always gives the same mailbox. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A large synthetic mailbox for benchmarks: people spread over a few hundred organizations with
 * a skewed activity (a few close contacts, a long tail), meetings one-on-one, in groups and large,
 * some cancelled or declined, upcoming ones with late additions, and mail threads both ways.
 */
export function generateMailbox(spec: MailboxSpec): Mailbox {
  const rand = random(spec.seed);
  const user: UserContext = {
    userId: "usr_bench",
    email: "me@home.example",
    aliases: [],
    settings: defaultUserSettings({ timeZone: "Europe/Berlin" }),
  };
  const domains = Array.from({ length: Math.max(1, Math.floor(spec.contacts / 7)) }, (_, i) =>
    i % 10 === 0 ? "gmail.com" : i % 10 === 1 ? "home.example" : `org${i}.example`,
  );
  const people = Array.from({ length: spec.contacts }, (_, i) => `person${i}@${domains[i % domains.length]}`);
  // Skewed activity: index ~ contacts * r^3 favours the first people.
  const someone = (): string => people[Math.floor(spec.contacts * rand() ** 3)] as string;
  const nowMs = ms(spec.now);
  const from = nowMs - spec.years * 365 * DAY_MS;
  const span = nowMs + 30 * DAY_MS - from;
  const meetings: Meeting[] = [];
  const messages: MailMessage[] = [];
  let produced = 0;
  let item = 0;

  while (produced < spec.interactions) {
    const remaining = spec.interactions - produced;
    // Every person appears once first, then activity follows the skew.
    const first = item < people.length ? (people[item] as string) : someone();
    const at = from + Math.floor(rand() * span);
    const roll = rand();
    const size = roll < 0.02 ? 20 : roll < 0.15 ? 2 + Math.floor(rand() * 4) : 1;
    const others = new Set([first]);
    while (others.size < Math.min(size, remaining)) others.add(someone());
    if (rand() < 0.35 || others.size > 3) {
      const m = meeting(item, [...others], at, user, rand, nowMs);
      meetings.push(m);
      produced += interactionsFromMeeting(m, user).length;
    } else {
      for (const message of thread(item, [...others], at, rand, nowMs)) {
        const count = interactionsFromMessage(message, user).length;
        if (produced + count > spec.interactions) break;
        messages.push(message);
        produced += count;
      }
    }
    item += 1;
  }
  return { user, meetings, messages, people };
}

function meeting(
  item: number,
  others: string[],
  at: number,
  user: UserContext,
  rand: () => number,
  nowMs: number,
): Meeting {
  const byUser = rand() < 0.5;
  const organizer = byUser ? user.email : (others[0] as string);
  const invited = byUser ? others : [user.email, ...others.slice(1)];
  const created = at - Math.floor((1 + rand() * 10) * DAY_MS);
  const upcoming = at > nowMs;
  const late = upcoming && invited.length > 1 && rand() < 0.3 ? invited.at(-1) : undefined;
  const attendees = invited.map((email) => ({
    email,
    type: "required" as const,
    response: rand() < 0.05 ? ("declined" as const) : ("accepted" as const),
    respondedAt: iso(created + 3_600_000),
  }));
  const changedAt = iso(created + 2 * DAY_MS);
  return {
    provider: "microsoft",
    eventId: `e${item}`,
    type: item % 9 === 0 ? "occurrence" : "single",
    ...(item % 9 === 0 ? { seriesId: `series${item % 90}` } : {}),
    subject: `Meeting ${item}`,
    start: iso(at),
    end: iso(at + 45 * 60_000),
    isAllDay: false,
    isCancelled: rand() < 0.04,
    organizer: { email: organizer },
    isOrganizer: byUser,
    userResponse: byUser ? undefined : rand() < 0.05 ? "declined" : "accepted",
    attendees,
    createdAt: iso(created),
    userId: user.userId,
    firstSeenAt: iso(created),
    updatedAt: iso(created),
    history: late
      ? [
          {
            email: late,
            change: "added",
            at: changedAt,
            existingAttendees: attendees
              .filter((a) => a.email !== late)
              .map((a) => ({ email: a.email, response: a.response })),
          },
        ]
      : [],
    attendeeFirstSeen: Object.fromEntries(invited.map((e) => [e, e === late ? changedAt : iso(created)])),
  };
}

/** A thread of one to three messages, started by either side. */
function thread(
  item: number,
  others: string[],
  at: number,
  rand: () => number,
  nowMs: number,
): MailMessage[] {
  const out: MailMessage[] = [];
  let inbound = rand() < 0.5;
  let when = Math.min(at, nowMs - 3_600_000);
  const length = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < length && when <= nowMs; i++) {
    const other = others[0] as string;
    out.push({
      provider: "microsoft",
      messageId: `m${item}-${i}`,
      threadId: `t${item}`,
      subject: `Thread ${item}`,
      from: { email: inbound ? other : "me@home.example" },
      to: inbound ? [{ email: "me@home.example" }] : others.map((email) => ({ email })),
      cc: [],
      sentAt: iso(when),
      direction: inbound ? "inbound" : "outbound",
    });
    inbound = !inbound;
    when += Math.floor(rand() * 3 * DAY_MS);
  }
  return out;
}
