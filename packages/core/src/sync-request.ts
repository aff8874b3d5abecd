import { z } from "zod";
import { Provider } from "./provider.ts";

/** The queue message that asks the sync worker to pull changes for one connection. */
export const SyncRequest = z.object({
  userId: z.string(),
  provider: Provider,
  /** Why: a change notification, a lifecycle `missed`, a schedule, the first backfill. */
  reason: z.enum(["notification", "missed", "resubscribed", "schedule", "backfill", "retry"]),
  /** Force a full round (cursor reset), e.g. after `missed`. */
  full: z.boolean().optional(),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** Queue messages for one connection share a group, so syncs of one mailbox never overlap. */
export function syncGroupId(req: Pick<SyncRequest, "userId" | "provider">): string {
  return `${req.userId}:${req.provider}`;
}
