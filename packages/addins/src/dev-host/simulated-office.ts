import type {
  AppointmentComposeItem,
  AppointmentReadItem,
  AsyncCallback,
  EmailAddressDetails,
  OfficeSubset,
} from "../taskpane/office-types.ts";

/** The meeting the simulated Outlook has open. */
export interface SimulatedMeeting {
  eventId: string;
  subject: string;
  start: Date;
  end: Date;
  organizer: { email: string; name?: string };
  attendees: { email: string; name?: string; response?: string; optional?: boolean }[];
}

export interface SimulatedOfficeOptions {
  meeting: SimulatedMeeting;
  userEmail: string;
  /** "compose" simulates the organizer's form; "unsaved" a compose form never saved. */
  mode: "read" | "compose" | "unsaved";
  /** Resolves when the host is ready; Office.onReady waits for it, like the real one. */
  ready: Promise<void>;
  onDraft(draft: { toRecipients: string[]; subject: string; htmlBody: string }): void;
  /** Which Mailbox requirement set the host claims; NestedAppAuth is never supported here. */
  mailboxVersion?: string;
}

/** A stand-in for the Office.js subset the add-in uses (office-types.ts), for browsers outside Outlook. */
export function createSimulatedOffice(options: SimulatedOfficeOptions): OfficeSubset {
  const { meeting } = options;
  const details = (a: { email: string; name?: string; response?: string }): EmailAddressDetails => ({
    emailAddress: a.email,
    displayName: a.name ?? a.email,
    appointmentResponse: a.response,
  });
  const required = meeting.attendees.filter((a) => !a.optional).map(details);
  const optional = meeting.attendees.filter((a) => a.optional).map(details);
  const succeed = <T>(callback: AsyncCallback<T>, value: T) =>
    setTimeout(() => callback({ status: "succeeded", value }), 0);

  const readItem: AppointmentReadItem = {
    itemId: meeting.eventId,
    subject: meeting.subject,
    start: meeting.start,
    end: meeting.end,
    organizer: details(meeting.organizer),
    requiredAttendees: required,
    optionalAttendees: optional,
  };
  const composeItem: AppointmentComposeItem = {
    requiredAttendees: { getAsync: (cb) => succeed(cb, required) },
    optionalAttendees: { getAsync: (cb) => succeed(cb, optional) },
    getItemIdAsync: (cb) =>
      options.mode === "unsaved"
        ? setTimeout(
            () =>
              cb({
                status: "failed",
                value: "",
                error: { name: "ItemNotSaved", message: "The item isn't saved." },
              }),
            0,
          )
        : succeed(cb, meeting.eventId),
    notificationMessages: {
      replaceAsync: (_k, _d, cb) => cb && succeed(cb, undefined),
      removeAsync: (_k, cb) => cb && succeed(cb, undefined),
    },
  };
  const mailboxVersion = Number(options.mailboxVersion ?? "1.13");

  return {
    async onReady(callback) {
      await options.ready;
      const info = { host: "Outlook", platform: "OfficeOnline" };
      callback?.(info);
      return info;
    },
    context: {
      requirements: {
        isSetSupported: (name, minVersion) =>
          name === "Mailbox" && Number(minVersion ?? "1.1") <= mailboxVersion,
      },
      mailbox: {
        item: options.mode === "read" ? readItem : composeItem,
        userProfile: { emailAddress: options.userEmail },
        convertToRestId: (itemId) => itemId,
        displayNewMessageForm: (draft) => options.onDraft(draft),
      },
    },
    MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
  };
}
