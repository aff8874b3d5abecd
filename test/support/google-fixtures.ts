import type { LocalSystem } from "@rapport/local";
import type { SettableClock } from "@rapport/platform";

/** Google Calendar `Event` and Gmail `Message` resources, for tests that drive the Google emulator. */
export interface GoogleAttendeeSpec {
  email: string;
  name?: string;
  responseStatus?: "needsAction" | "accepted" | "tentative" | "declined";
  optional?: boolean;
}

/** A confirmed single event as events.list returns it; the emulator fills etag, updated, iCalUID. */
export function googleEvent(input: {
  id: string;
  summary: string;
  start: string;
  end: string;
  organizer: string;
  attendees: GoogleAttendeeSpec[];
  created: string;
}) {
  return {
    id: input.id,
    status: "confirmed",
    summary: input.summary,
    created: input.created,
    start: { dateTime: input.start, timeZone: "UTC" },
    end: { dateTime: input.end, timeZone: "UTC" },
    organizer: { email: input.organizer },
    creator: { email: input.organizer },
    // Google lists the organizer among the attendees too.
    attendees: [
      { email: input.organizer, organizer: true, responseStatus: "accepted" },
      ...input.attendees.map((a) => ({
        email: a.email,
        ...(a.name ? { displayName: a.name } : {}),
        responseStatus: a.responseStatus ?? "needsAction",
        ...(a.optional ? { optional: true } : {}),
      })),
    ],
  };
}

/** A Gmail message in format=metadata: headers only, never a body. */
export function gmailMessage(input: {
  id: string;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  sentAt: string;
  labelIds?: string[];
  threadId?: string;
}) {
  const headers = [
    { name: "From", value: input.from },
    { name: "To", value: input.to.join(", ") },
    ...(input.cc?.length ? [{ name: "Cc", value: input.cc.join(", ") }] : []),
    { name: "Subject", value: input.subject },
    { name: "Date", value: new Date(input.sentAt).toUTCString() },
  ];
  return {
    id: input.id,
    threadId: input.threadId ?? input.id,
    labelIds: input.labelIds ?? ["INBOX"],
    internalDate: String(Date.parse(input.sentAt)),
    payload: { headers },
  };
}

/** One push as the emulator's delivery log records it. */
export interface GooglePushRecord {
  channelId: string;
  address: string;
  state: "sync" | "exists" | "not_exists";
  messageNumber: number;
  status?: number;
  error?: string;
}

/** Calls the Google emulator's admin API (under /_emulator) and fails loudly on an error answer. */
export async function googleAdmin(origin: string, path: string, init: { method: string; body?: unknown }) {
  const response = await fetch(`${origin}/_emulator${path}`, {
    method: init.method,
    headers: { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** The emulator's push delivery log, oldest first. */
export async function googlePushes(origin: string): Promise<GooglePushRecord[]> {
  const body = (await googleAdmin(origin, "/pushes", { method: "GET" })) as { pushes: GooglePushRecord[] };
  return body.pushes;
}

/**
 * Real time until the first `set` or `advance`, simulated (fixed) time from then on: one local
 * system can run real-time tests first and a simulated month after a `reset`.
 */
export function realTimeUntilSet(): SettableClock {
  let fixed: number | undefined;
  return {
    now: () => new Date(fixed ?? Date.now()),
    set(date) {
      const next = new Date(date).getTime();
      if (Number.isNaN(next)) throw new Error(`invalid date ${String(date)}`);
      fixed = next;
    },
    advance(ms) {
      fixed = (fixed ?? Date.now()) + ms;
    },
  };
}

/** One test mailbox in the Google emulator, driven through its HTTP admin API. */
export function googleMailbox(system: LocalSystem, email: string) {
  const origin = system.emulatorUrl("google");
  return {
    origin,
    create: () =>
      googleAdmin(origin, "/mailboxes", {
        method: "POST",
        body: { email, name: "Casey Tester", timeZone: "UTC" },
      }),
    put: (
      id: string,
      attendees: GoogleAttendeeSpec[],
      at: { start: string; end: string; created: string },
      summary = `Meeting ${id}`,
    ) =>
      googleAdmin(origin, `/mailboxes/${email}/events/${id}`, {
        method: "PUT",
        body: googleEvent({ id, summary, organizer: email, attendees, ...at }),
      }),
    remove: (id: string) => googleAdmin(origin, `/mailboxes/${email}/events/${id}`, { method: "DELETE" }),
    message: (input: Parameters<typeof gmailMessage>[0]) =>
      googleAdmin(origin, `/mailboxes/${email}/messages`, { method: "POST", body: gmailMessage(input) }),
    faults: (body: Record<string, unknown>) => googleAdmin(origin, "/faults", { method: "PUT", body }),
  };
}

export async function userIdOf(system: LocalSystem, email: string) {
  const user = await system.store.users.getByEmail(email);
  if (!user) throw new Error(`user ${email} was not created`);
  return user.userId;
}

/**
 * The emulator's truth and the store, as comparable "id: attendee=response,..." lines. The
 * organizer, whom Google lists among the attendees, is kept apart in the store.
 */
export async function compareWithTruth(system: LocalSystem, email: string) {
  const truth = (await googleAdmin(system.emulatorUrl("google"), `/mailboxes/${email}/events`, {
    method: "GET",
  })) as {
    items: Array<{
      id: string;
      status?: string;
      attendees?: Array<{ email: string; organizer?: boolean; responseStatus?: string }>;
    }>;
  };
  const line = (id: string, people: Array<{ email: string; response: string }>) =>
    `${id}:${people
      .map((p) => `${p.email.toLowerCase()}=${p.response}`)
      .sort()
      .join(",")}`;
  // Deleted meetings stay in the store as cancelled (evidence for "cancelled on"): compare the live ones.
  const expected = truth.items
    .filter((e) => e.status !== "cancelled")
    .map((e) =>
      line(
        e.id,
        (e.attendees ?? [])
          .filter((a) => !a.organizer)
          .map((a) => ({ email: a.email, response: a.responseStatus ?? "needsAction" })),
      ),
    )
    .sort();
  const userId = await userIdOf(system, email);
  const stored = (await system.store.meetings.listForUser(userId, { limit: 1000 })).items
    .filter((m) => m.provider === "google" && !m.isCancelled)
    .map((m) => line(m.eventId, m.attendees))
    .sort();
  return { expected, stored };
}

/** The mail interactions stored for one contact of a user, oldest first. */
export async function mailInteractions(system: LocalSystem, email: string, contact: string) {
  const page = await system.store.interactions.listForContact(await userIdOf(system, email), contact, {
    limit: 100,
  });
  return page.items.filter((i) => i.kind === "mail");
}
