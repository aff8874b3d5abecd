export { parseAddressList } from "./address-list.ts";
export { createGoogleAuth, type GoogleAuthOptions } from "./auth.ts";
export { GMAIL_METADATA_HEADERS, GmailMessage } from "./gmail-message.ts";
export { GoogleEvent } from "./google-event.ts";
export { type EventMapContext, type GoogleEventChange, mapGoogleEvent, toInstant } from "./map-event.ts";
export { type GmailMessageChange, type MessageMapContext, mapGmailMessage } from "./map-message.ts";
export { type ParseErrorOptions, parseGoogleError } from "./parse-error.ts";
export {
  GooglePushHeaders,
  type GooglePushNotification,
  type PushHeadersResult,
  parseGooglePushHeaders,
} from "./push-headers.ts";
export {
  GOOGLE_REQUESTED_SCOPES,
  GOOGLE_REQUIRED_SCOPES,
  GOOGLE_SCOPES,
  missingGoogleScopes,
} from "./scopes.ts";
export { buildMimeMessage, type OutgoingMail } from "./send-mail.ts";
export { createGoogleSession, type GoogleSessionOptions } from "./session.ts";
