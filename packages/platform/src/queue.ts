import type { SyncRequest } from "@rapport/core";

/**
 * Asks the sync worker to pull changes for one connection. Two adapters share these semantics:
 * SQS FIFO on AWS (sqs-sync-queue.ts) and an in-process queue locally (in-process-sync-queue.ts).
 * Both run at most one sync per connection at a time and coalesce bursts, because a sync pulls
 * everything since the stored cursor: one round after a burst of notifications sees them all.
 */
export interface SyncQueue {
  send(request: SyncRequest, options?: SendOptions): Promise<void>;
}

export interface SendOptions {
  /** Do not start the sync before this many seconds (a provider's Retry-After, a backoff). */
  delaySeconds?: number;
}

/** Requests for one connection within this window become one sync. */
export const COALESCE_WINDOW_SECONDS = 10;

/** One request standing for both: a full round wins over an incremental one. */
export function mergeSyncRequests(queued: SyncRequest, incoming: SyncRequest): SyncRequest {
  if (incoming.full && !queued.full) return incoming;
  return queued;
}
