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
