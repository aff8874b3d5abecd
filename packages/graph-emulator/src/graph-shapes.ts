import { z } from "zod";

/** The parts of Graph resources the emulator reads; everything else passes through untouched. */

export const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().optional() });

export const EmailAddress = z.object({ address: z.string(), name: z.string().optional() });
export const Recipient = z.object({ emailAddress: EmailAddress });
export type Recipient = z.infer<typeof Recipient>;

export const RecurrencePattern = z.object({
  type: z.string(),
  interval: z.number().int().min(1).default(1),
  daysOfWeek: z.array(z.string()).optional(),
  dayOfMonth: z.number().int().optional(),
  firstDayOfWeek: z.string().optional(),
});

export const RecurrenceRange = z.object({
  type: z.enum(["numbered", "endDate", "noEnd"]),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  numberOfOccurrences: z.number().int().optional(),
  recurrenceTimeZone: z.string().optional(),
});

export const PatternedRecurrence = z.object({ pattern: RecurrencePattern, range: RecurrenceRange });
export type PatternedRecurrence = z.infer<typeof PatternedRecurrence>;

/** A Graph `event` as the admin API accepts it (id comes from the path). */
export const GraphEventInput = z
  .object({
    id: z.string().optional(),
    subject: z.string().optional(),
    start: DateTimeTimeZone,
    end: DateTimeTimeZone,
    type: z.enum(["singleInstance", "occurrence", "exception", "seriesMaster"]).optional(),
    seriesMasterId: z.string().nullish(),
    originalStart: z.string().nullish(),
    recurrence: PatternedRecurrence.nullish(),
    isAllDay: z.boolean().optional(),
    isCancelled: z.boolean().optional(),
    organizer: Recipient.optional(),
    attendees: z.array(z.looseObject({ emailAddress: EmailAddress })).optional(),
    createdDateTime: z.string().optional(),
    lastModifiedDateTime: z.string().optional(),
    changeKey: z.string().optional(),
    iCalUId: z.string().optional(),
  })
  .loose();
export type GraphEventInput = z.infer<typeof GraphEventInput>;

/** A Graph `message` as the admin API accepts it. */
export const GraphMessageInput = z
  .object({
    id: z.string().optional(),
    subject: z.string().optional(),
    from: Recipient.optional(),
    sender: Recipient.optional(),
    toRecipients: z.array(Recipient).default([]),
    ccRecipients: z.array(Recipient).default([]),
    bccRecipients: z.array(Recipient).default([]),
    sentDateTime: z.string().optional(),
    receivedDateTime: z.string().optional(),
    conversationId: z.string().optional(),
    internetMessageId: z.string().optional(),
    parentFolderId: z.string().optional(),
  })
  .loose();
export type GraphMessageInput = z.infer<typeof GraphMessageInput>;

/** `POST /me/sendMail` body. */
export const SendMailBody = z.object({
  message: z
    .object({
      subject: z.string().optional(),
      body: z.object({ contentType: z.string().optional(), content: z.string() }).optional(),
      toRecipients: z.array(Recipient).min(1),
      ccRecipients: z.array(Recipient).optional(),
      bccRecipients: z.array(Recipient).optional(),
    })
    .loose(),
  saveToSentItems: z.boolean().optional(),
});

/** `POST /subscriptions` body. */
export const SubscriptionInput = z.object({
  changeType: z.string().min(1),
  notificationUrl: z.string().url(),
  lifecycleNotificationUrl: z.string().url().optional(),
  resource: z.string().min(1),
  expirationDateTime: z.string(),
  clientState: z.string().optional(),
  latestSupportedTlsVersion: z.string().optional(),
});
