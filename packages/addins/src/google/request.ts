import { z } from "zod";

/**
 * The JSON body Google posts to an HTTP add-on's trigger and action endpoints (documented event
 * object: commonEventObject, authorizationEventObject, calendar). Unknown fields are dropped.
 */
export const AddonRequest = z.object({
  commonEventObject: z
    .object({
      hostApp: z.string().optional(),
      platform: z.string().optional(),
      userLocale: z.string().optional(),
      timeZone: z.object({ id: z.string(), offset: z.number().optional() }).optional(),
      parameters: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  authorizationEventObject: z
    .object({
      userOAuthToken: z.string().optional(),
      userIdToken: z.string().optional(),
      systemIdToken: z.string().optional(),
      authorizedScopes: z.array(z.string()).optional(),
    })
    .optional(),
  calendar: z
    .object({
      calendarId: z.string().optional(),
      id: z.string().optional(),
      recurringEventId: z.string().optional(),
      organizer: z.object({ email: z.string().optional() }).optional(),
      attendees: z
        .array(
          z.object({
            email: z.string().optional(),
            displayName: z.string().optional(),
            organizer: z.boolean().optional(),
            self: z.boolean().optional(),
            resource: z.boolean().optional(),
            responseStatus: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type AddonRequest = z.infer<typeof AddonRequest>;

/** Parameters our own buttons attach to a widget action. */
export const SuggestionActionParameters = z.object({
  suggestionId: z.string().min(1),
  action: z.enum(["dismiss", "snooze", "done"]),
  eventId: z.string().min(1),
  recurringEventId: z.string().optional(),
});
