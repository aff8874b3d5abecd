/** Both halves of the Microsoft provider are importable from here. */
export {
  createMicrosoftAuth,
  MICROSOFT_SCOPES,
  type MicrosoftAuth,
  type MicrosoftAuthOptions,
} from "./auth.ts";
export { type CalendarSyncInput, sameWindow, syncMicrosoftCalendar } from "./calendar-sync.ts";
export {
  createGraphClient,
  type GraphClientOptions,
  graphPath,
  MAILBOX_CONCURRENCY,
  splitGraphBaseUrl,
} from "./client.ts";
export { GraphAttendee, GraphEvent, GraphMessage, GraphRemoved } from "./graph-event.ts";
export { type MailSyncInput, MESSAGE_SELECT, syncMicrosoftMail } from "./mail-sync.ts";
export { type EventMapContext, mapGraphEvent, mapResponse } from "./map-event.ts";
export { type MessageMapContext, mapGraphMessage } from "./map-message.ts";
export {
  GraphChangeNotification,
  GraphLifecycleNotification,
  GraphNotification,
  GraphNotificationBatch,
  isLifecycleNotification,
} from "./notification-schema.ts";
export { parseGraphError } from "./parse-error.ts";
export { type OutgoingMail, sendGraphMail, sendMailBody } from "./send-mail.ts";
export { createMicrosoftSession, type MicrosoftSessionOptions } from "./session.ts";
export {
  createGraphSubscription,
  deleteGraphSubscription,
  renewGraphSubscription,
  SUBSCRIPTION_MINUTES,
} from "./subscriptions.ts";
export { graphInstant, toIanaZone, toUtcInstant } from "./time-zones.ts";
