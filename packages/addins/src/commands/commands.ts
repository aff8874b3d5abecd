import type { AppointmentComposeItem, AsyncCallback, EmailAddressDetails } from "../taskpane/office-types.ts";
import { attendeeNotice } from "./attendee-notice.ts";

/**
 * Event-based activation. Bundled as one classic script with no imports at run time: classic
 * Outlook on Windows runs it in its JavaScript-only runtime, where Office.onReady never fires.
 * OnAppointmentOrganizer remembers who was on a saved meeting; OnAppointmentAttendeesChanged
 * compares and, if someone joined a meeting with external guests, shows an insight message
 * whose button opens the task pane.
 */

interface LaunchEvent {
  completed(options?: unknown): void;
}
interface OfficeForEvents {
  actions: { associate(name: string, handler: (event: LaunchEvent) => void): void };
  context: {
    mailbox: {
      item: AppointmentComposeItem & { requiredAttendees: unknown };
      userProfile: { emailAddress: string };
    };
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
}

declare const Office: OfficeForEvents;

const BASELINE_KEY = "rapport.attendees";
const NOTICE_KEY = "rapportAttendeeNotice";
/** The id of the organizer task pane button in the manifests. */
export const ORGANIZER_PANE_COMMAND = "rapportOrganizerPaneButton";

function call<T>(run: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((result) =>
      result.status === "succeeded" ? resolve(result.value) : reject(new Error(result.error?.message)),
    ),
  );
}

async function currentAttendees(item: AppointmentComposeItem): Promise<EmailAddressDetails[]> {
  const [required, optional] = await Promise.all([
    call<EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
    call<EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
  ]);
  return [...required, ...optional];
}

async function isSaved(item: AppointmentComposeItem): Promise<boolean> {
  if (typeof item.getItemIdAsync !== "function") return false;
  return call<string>((cb) => item.getItemIdAsync?.(cb)).then(
    (id) => Boolean(id),
    () => false,
  );
}

async function onAppointmentOrganizer(event: LaunchEvent): Promise<void> {
  try {
    const item = Office.context.mailbox.item;
    if (item.sessionData && (await isSaved(item))) {
      const emails = (await currentAttendees(item)).map((a) => a.emailAddress);
      await call<void>((cb) => item.sessionData?.setAsync(BASELINE_KEY, JSON.stringify(emails), cb));
    }
  } catch {
    // Never block the organizer; without a baseline we simply stay quiet.
  } finally {
    event.completed();
  }
}

async function onAppointmentAttendeesChanged(event: LaunchEvent): Promise<void> {
  try {
    const item = Office.context.mailbox.item;
    const stored = item.sessionData
      ? await call<string>((cb) => item.sessionData?.getAsync(BASELINE_KEY, cb)).catch(() => "")
      : "";
    const baseline = stored ? (JSON.parse(stored) as string[]) : undefined;
    const current = await currentAttendees(item);
    const message = attendeeNotice({
      userEmail: Office.context.mailbox.userProfile.emailAddress,
      baseline,
      current,
    });
    if (!message) {
      await call<void>((cb) => item.notificationMessages.removeAsync(NOTICE_KEY, cb)).catch(() => undefined);
      return;
    }
    const insight = Office.context.requirements.isSetSupported("Mailbox", "1.10");
    await call<void>((cb) =>
      item.notificationMessages.replaceAsync(
        NOTICE_KEY,
        insight
          ? {
              type: "insightMessage",
              message,
              icon: "Icon.16x16",
              actions: [
                { actionType: "showTaskPane", actionText: "Open Rapport", commandId: ORGANIZER_PANE_COMMAND },
              ],
            }
          : { type: "informationalMessage", message, icon: "Icon.16x16", persistent: false },
        cb,
      ),
    );
  } catch {
    // A failed notice must not get in the organizer's way.
  } finally {
    event.completed();
  }
}

// Outside Outlook (tests, a plain browser) there is no Office global: register nothing.
const host = (globalThis as { Office?: OfficeForEvents }).Office;
if (host?.actions) {
  host.actions.associate("onAppointmentOrganizerHandler", (event) => void onAppointmentOrganizer(event));
  host.actions.associate(
    "onAppointmentAttendeesChangedHandler",
    (event) => void onAppointmentAttendeesChanged(event),
  );
}
