import { z } from "zod";

/**
 * The provider objects a scenario carries, checked only as far as the replay and a reader
 * rely on: the id, and the fields whose typos would silently change what a scenario means.
 * Loose, because a real provider object has many more fields.
 */

const GraphDateTime = z.looseObject({ dateTime: z.string().min(1), timeZone: z.string().min(1) });
const GraphRecipient = z.looseObject({
  emailAddress: z.looseObject({ address: z.string().min(3), name: z.string().optional() }),
});

export const GraphEventShape = z.looseObject({
  id: z.string().min(1),
  start: GraphDateTime.optional(),
  end: GraphDateTime.optional(),
  type: z.enum(["singleInstance", "occurrence", "exception", "seriesMaster"]).optional(),
  isCancelled: z.boolean().optional(),
  isOrganizer: z.boolean().optional(),
  organizer: GraphRecipient.optional(),
  attendees: z
    .array(
      GraphRecipient.extend({
        type: z.enum(["required", "optional", "resource"]),
        status: z
          .looseObject({
            response: z.enum([
              "none",
              "organizer",
              "tentativelyAccepted",
              "accepted",
              "declined",
              "notResponded",
            ]),
          })
          .optional(),
      }),
    )
    .optional(),
});

export const GraphMessageShape = z.looseObject({
  id: z.string().min(1),
  conversationId: z.string().optional(),
  from: GraphRecipient,
  toRecipients: z.array(GraphRecipient).optional(),
  ccRecipients: z.array(GraphRecipient).optional(),
  sentDateTime: z.string().optional(),
  receivedDateTime: z.string().optional(),
});

const GoogleDateTime = z.looseObject({ dateTime: z.string().optional(), date: z.string().optional() });

export const GoogleEventShape = z.looseObject({
  id: z.string().min(1),
  status: z.enum(["confirmed", "tentative", "cancelled"]).optional(),
  start: GoogleDateTime.optional(),
  end: GoogleDateTime.optional(),
  organizer: z.looseObject({ email: z.string().optional(), self: z.boolean().optional() }).optional(),
  attendees: z
    .array(
      z.looseObject({
        email: z.string().min(3),
        responseStatus: z.enum(["needsAction", "declined", "tentative", "accepted"]).optional(),
        organizer: z.boolean().optional(),
        self: z.boolean().optional(),
        resource: z.boolean().optional(),
        optional: z.boolean().optional(),
      }),
    )
    .optional(),
});

export const GmailMessageShape = z.looseObject({
  id: z.string().min(1),
  threadId: z.string().optional(),
  labelIds: z.array(z.string()).optional(),
  internalDate: z.string().regex(/^\d+$/, "milliseconds since the epoch as a decimal string").optional(),
  payload: z.looseObject({
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
  }),
});

export const eventShapes = { microsoft: GraphEventShape, google: GoogleEventShape } as const;
export const messageShapes = { microsoft: GraphMessageShape, google: GmailMessageShape } as const;
