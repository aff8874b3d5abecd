/** Graph `event` resources as the API returns them, for tests that drive the Graph emulator. */
export interface GraphAttendeeSpec {
  email: string;
  name?: string;
  response?: "none" | "accepted" | "tentativelyAccepted" | "declined";
  type?: "required" | "optional" | "resource";
}

export function graphEvent(input: {
  id: string;
  subject: string;
  start: string;
  end: string;
  organizer: string;
  isOrganizer: boolean;
  attendees: GraphAttendeeSpec[];
  createdDateTime: string;
  isCancelled?: boolean;
}) {
  return {
    id: input.id,
    iCalUId: `ical-${input.id}`,
    subject: input.subject,
    type: "singleInstance",
    isAllDay: false,
    isCancelled: input.isCancelled ?? false,
    isOrganizer: input.isOrganizer,
    createdDateTime: input.createdDateTime,
    start: { dateTime: input.start.replace("Z", ""), timeZone: "UTC" },
    end: { dateTime: input.end.replace("Z", ""), timeZone: "UTC" },
    organizer: { emailAddress: { address: input.organizer, name: input.organizer.split("@")[0] } },
    attendees: input.attendees.map((a) => ({
      type: a.type ?? "required",
      status: { response: a.response ?? "none", time: "0001-01-01T00:00:00Z" },
      emailAddress: { address: a.email, name: a.name ?? a.email.split("@")[0] },
    })),
  };
}

/** Calls the emulator's admin API and fails loudly on an error answer. */
export async function emulatorAdmin(origin: string, path: string, init: { method: string; body?: unknown }) {
  const response = await fetch(`${origin}/_emulator${path}`, {
    method: init.method,
    headers: { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}
