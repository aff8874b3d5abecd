/** Both halves of the Microsoft provider are importable from here. */
export { MICROSOFT_SCOPES, type MicrosoftAuth, type MicrosoftAuthOptions, createMicrosoftAuth } from "./auth.ts";
export { type CalendarSyncInput, sameWindow, syncMicrosoftCalendar } from "./calendar-sync.ts";
export { type GraphClientOptions, MAILBOX_CONCURRENCY, createGraphClient, graphPath, splitGraphBaseUrl } from "./client.ts";
export { GraphAttendee, GraphEvent, GraphMessage, GraphRemoved } from "./graph-event.ts";
export { MESSAGE_SELECT, type MailSyncInput, syncMicrosoftMail } from "./mail-sync.ts";
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
export { SUBSCRIPTION_MINUTES, createGraphSubscription, deleteGraphSubscription, renewGraphSubscription } from "./subscriptions.ts";
export { graphInstant, toIanaZone, toUtcInstant } from "./time-zones.ts";
