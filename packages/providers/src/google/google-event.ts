import { z } from "zod";

/**
 * The parts of a Google Calendar `Event` resource this app reads. Loose: Google adds fields
 * over time and the mapper must not break on them. Descriptions are never read.
 */
export const GoogleEventDateTime = z.object({
  date: z.string().optional(),
  dateTime: z.string().optional(),
  timeZone: z.string().optional(),
});
export type GoogleEventDateTime = z.infer<typeof GoogleEventDateTime>;

const GooglePerson = z.looseObject({
  email: z.string().optional(),
  displayName: z.string().optional(),
  self: z.boolean().optional(),
});

export const GoogleAttendee = GooglePerson.extend({
  organizer: z.boolean().optional(),
  resource: z.boolean().optional(),
  optional: z.boolean().optional(),
  responseStatus: z.string().optional(),
});
export type GoogleAttendee = z.infer<typeof GoogleAttendee>;

export const GoogleEvent = z.looseObject({
  id: z.string().min(1),
  status: z.string().optional(),
  etag: z.string().optional(),
  summary: z.string().optional(),
  iCalUID: z.string().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  start: GoogleEventDateTime.optional(),
  end: GoogleEventDateTime.optional(),
  originalStartTime: GoogleEventDateTime.optional(),
  recurringEventId: z.string().optional(),
  recurrence: z.array(z.string()).optional(),
  organizer: GooglePerson.optional(),
  creator: GooglePerson.optional(),
  attendees: z.array(GoogleAttendee).optional(),
  attendeesOmitted: z.boolean().optional(),
  hangoutLink: z.string().optional(),
  conferenceData: z.unknown().optional(),
});
export type GoogleEvent = z.infer<typeof GoogleEvent>;
