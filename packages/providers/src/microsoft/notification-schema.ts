import { z } from "zod";

/**
 * What Graph POSTs to a notification or lifecycle URL: `{ value: [...] }`, each item either a
 * change notification (`changeType`) or a lifecycle notification (`lifecycleEvent`), never both.
 * Pure schema; verifying `clientState` is the webhook's job.
 */
export const GraphChangeNotification = z.object({
  id: z.string().optional(),
  subscriptionId: z.string().min(1),
  subscriptionExpirationDateTime: z.string().optional(),
  clientState: z.string().nullish(),
  changeType: z.enum(["created", "updated", "deleted"]),
  resource: z.string(),
  tenantId: z.string().optional(),
  resourceData: z
    .object({
      "@odata.type": z.string().optional(),
      "@odata.id": z.string().optional(),
      "@odata.etag": z.string().optional(),
      id: z.string().min(1),
    })
    .optional(),
});
export type GraphChangeNotification = z.infer<typeof GraphChangeNotification>;

export const GraphLifecycleNotification = z.object({
  subscriptionId: z.string().min(1),
  subscriptionExpirationDateTime: z.string().optional(),
  clientState: z.string().nullish(),
  tenantId: z.string().optional(),
  lifecycleEvent: z.enum(["reauthorizationRequired", "subscriptionRemoved", "missed"]),
});
export type GraphLifecycleNotification = z.infer<typeof GraphLifecycleNotification>;

export const GraphNotification = z.union([GraphChangeNotification, GraphLifecycleNotification]);
export type GraphNotification = z.infer<typeof GraphNotification>;

export const GraphNotificationBatch = z.object({
  value: z.array(GraphNotification).min(1),
  /** Present only with rich notifications, which this product does not use. */
  validationTokens: z.array(z.string()).optional(),
});
export type GraphNotificationBatch = z.infer<typeof GraphNotificationBatch>;

export function isLifecycleNotification(n: GraphNotification): n is GraphLifecycleNotification {
  return "lifecycleEvent" in n;
}
