/**
 * The subset of Office.js the add-in uses, written out so the task pane, the event handlers,
 * the dev host's simulated Office and the unit tests' fake all implement one small contract.
 * `office-types.check.ts` proves the real @types/office-js shapes satisfy it.
 */

export interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { name?: string; message: string; code?: number };
}
export type AsyncCallback<T> = (result: AsyncResult<T>) => void;

export interface EmailAddressDetails {
  emailAddress: string;
  displayName: string;
  appointmentResponse?: string;
  recipientType?: string;
}

/** Read mode (the attendee's surface): plain values. */
export interface AppointmentReadItem {
  itemId: string;
  subject: string;
  start: Date;
  end: Date;
  organizer: EmailAddressDetails;
  requiredAttendees: EmailAddressDetails[];
  optionalAttendees: EmailAddressDetails[];
}

export interface Recipients {
  getAsync(callback: AsyncCallback<EmailAddressDetails[]>): void;
}

export interface NotificationMessageDetails {
  type: string;
  message: string;
  icon?: string;
  persistent?: boolean;
  actions?: { actionType: string; actionText: string; commandId: string; contextData?: unknown }[];
}

/** Compose mode (the organizer's surface): async getters, no itemId before a save. */
export interface AppointmentComposeItem {
  requiredAttendees: Recipients;
  optionalAttendees: Recipients;
  /** Mailbox 1.8; fails with ItemNotSaved for a meeting that was never saved. */
  getItemIdAsync?: (callback: AsyncCallback<string>) => void;
  notificationMessages: {
    replaceAsync(key: string, details: NotificationMessageDetails, callback?: AsyncCallback<void>): void;
    removeAsync(key: string, callback?: AsyncCallback<void>): void;
  };
  /** Mailbox 1.11: per-item storage that lives as long as the compose form. */
  sessionData?: {
    getAsync(name: string, callback: AsyncCallback<string>): void;
    setAsync(name: string, value: string, callback?: AsyncCallback<void>): void;
  };
}

export interface OfficeSubset {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => unknown): Promise<unknown>;
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    mailbox: {
      item: AppointmentReadItem | AppointmentComposeItem | null | undefined;
      userProfile: { emailAddress: string; displayName?: string };
      convertToRestId(itemId: string, restVersion: unknown): string;
      displayNewMessageForm(parameters: { toRecipients: string[]; subject: string; htmlBody: string }): void;
    };
  };
  MailboxEnums: { RestVersion: { v2_0: unknown } };
}

export function isComposeItem(
  item: AppointmentReadItem | AppointmentComposeItem,
): item is AppointmentComposeItem {
  return typeof (item as AppointmentComposeItem).requiredAttendees?.getAsync === "function";
}
