import { z } from "zod";

/** The fields of a Graph `event` the product reads. Unknown fields are ignored, bodies never read. */

const EmailAddress = z.object({ address: z.string().nullish(), name: z.string().nullish() });
const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });
const ResponseStatus = z.object({ response: z.string().nullish(), time: z.string().nullish() });

export const GraphAttendee = z.object({
  type: z.string().nullish(),
  status: ResponseStatus.nullish(),
  emailAddress: EmailAddress.nullish(),
});
export type GraphAttendee = z.infer<typeof GraphAttendee>;

export const GraphEvent = z.object({
  id: z.string().min(1),
  subject: z.string().nullish(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  originalStartTimeZone: z.string().nullish(),
  originalEndTimeZone: z.string().nullish(),
  isAllDay: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  isOrganizer: z.boolean().nullish(),
  isOnlineMeeting: z.boolean().nullish(),
  type: z.enum(["singleInstance", "occurrence", "exception", "seriesMaster"]).nullish(),
  seriesMasterId: z.string().nullish(),
  originalStart: z.string().nullish(),
  iCalUId: z.string().nullish(),
  createdDateTime: z.string().nullish(),
  lastModifiedDateTime: z.string().nullish(),
  changeKey: z.string().nullish(),
  responseStatus: ResponseStatus.nullish(),
  organizer: z.object({ emailAddress: EmailAddress.nullish() }).nullish(),
  attendees: z.array(GraphAttendee).nullish(),
  locations: z
    .array(
      z.object({
        locationType: z.string().nullish(),
        locationEmailAddress: z.string().nullish(),
        uniqueId: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type GraphEvent = z.infer<typeof GraphEvent>;

/** A deletion in a delta page: `{ id, "@removed": { reason } }`. */
export const GraphRemoved = z.object({
  id: z.string().min(1),
  "@removed": z.object({ reason: z.string().optional() }),
});

const Recipient = z.object({ emailAddress: EmailAddress.nullish() });

export const GraphMessage = z.object({
  id: z.string().min(1),
  subject: z.string().nullish(),
  from: Recipient.nullish(),
  sender: Recipient.nullish(),
  toRecipients: z.array(Recipient).nullish(),
  ccRecipients: z.array(Recipient).nullish(),
  sentDateTime: z.string().nullish(),
  receivedDateTime: z.string().nullish(),
  conversationId: z.string().nullish(),
  internetMessageId: z.string().nullish(),
});
export type GraphMessage = z.infer<typeof GraphMessage>;
