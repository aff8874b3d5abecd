import { z } from "zod";
import { Provider } from "./provider.ts";

/** A Graph subscription or a Google push channel. */
export const Subscription = z.object({
  userId: z.string(),
  provider: Provider,
  /** Graph subscription id, or Google channel id. */
  subscriptionId: z.string(),
  /** What it watches: `events`, `mail`. */
  resource: z.string(),
  /** Google `resourceId` returned by events.watch; checked on each push. */
  resourceId: z.string().optional(),
  /** Graph clientState or Google channel token. Secret, compared in constant time, never logged. */
  secret: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Subscription = z.infer<typeof Subscription>;
