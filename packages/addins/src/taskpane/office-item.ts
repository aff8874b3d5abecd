import type {
  AppointmentComposeItem,
  AsyncCallback,
  EmailAddressDetails,
  OfficeSubset,
} from "./office-types.ts";
import { isComposeItem } from "./office-types.ts";

/**
 * What the task pane knows about the open meeting. Read mode always has a server identity;
 * compose mode has one only when the meeting was saved before, otherwise just its attendees.
 */
export type MeetingContext =
  | { mode: "read"; eventId: string; attendees: string[] }
  | { mode: "compose"; eventId?: string; attendees: string[] };

/** Reads the open appointment. Never calls saveAsync: saving an existing meeting sends updates. */
export async function readMeetingContext(office: OfficeSubset): Promise<MeetingContext> {
  const { mailbox } = office.context;
  const item = mailbox.item;
  if (!item) throw new Error("No meeting is open.");
  const rest = (id: string) => mailbox.convertToRestId(id, office.MailboxEnums.RestVersion.v2_0);
  if (!isComposeItem(item))
    return {
      mode: "read",
      eventId: rest(item.itemId),
      attendees: uniqueAddresses([...(item.requiredAttendees ?? []), ...(item.optionalAttendees ?? [])]),
    };

  const [required, optional, savedId] = await Promise.all([
    promisify(item.requiredAttendees.getAsync.bind(item.requiredAttendees)),
    promisify(item.optionalAttendees.getAsync.bind(item.optionalAttendees)),
    savedItemId(item),
  ]);
  const attendees = uniqueAddresses([...required, ...optional]);
  return savedId ? { mode: "compose", eventId: rest(savedId), attendees } : { mode: "compose", attendees };
}

/** The id of an already saved meeting in compose mode, or undefined (never saved, or Mailbox < 1.8). */
async function savedItemId(item: AppointmentComposeItem): Promise<string | undefined> {
  if (typeof item.getItemIdAsync !== "function") return undefined;
  try {
    const id = await promisify(item.getItemIdAsync.bind(item));
    return id || undefined;
  } catch {
    return undefined; // ItemNotSaved: a new meeting has no server identity yet.
  }
}

export function uniqueAddresses(details: EmailAddressDetails[]): string[] {
  const seen = new Set<string>();
  for (const d of details) {
    const address = d.emailAddress?.trim().toLowerCase();
    if (address) seen.add(address);
  }
  return [...seen];
}

export function promisify<T>(call: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    call((result) => {
      if (result.status === "succeeded") resolve(result.value);
      else reject(new Error(result.error?.message ?? "Office call failed"));
    });
  });
}
