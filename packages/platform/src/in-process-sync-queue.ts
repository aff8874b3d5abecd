import { SyncRequest, syncGroupId } from "@rapport/core";
import { createLogger, type Log } from "./logger.ts";
import { mergeSyncRequests, type SendOptions, type SyncQueue } from "./queue.ts";

/**
 * The local stand-in for SQS FIFO, with the same promises: one sync per connection at a time;
 * requests arriving while one is queued merge into it (full wins); delays honoured; a failing
 * sync is retried with exponential backoff, then dropped with an error log (SQS would move it
 * to the dead-letter queue).
 */
export interface InProcessSyncQueue extends SyncQueue {
  /** Resolves once nothing is queued or running (and, unless told otherwise, nothing delayed). */
  drain(options?: { includeDelayed?: boolean }): Promise<void>;
  /** Cancels delayed requests; running syncs finish. */
  close(): void;
}

export interface InProcessSyncQueueOptions {
  handle: (request: SyncRequest) => Promise<void>;
  logger?: Log;
  /** Retries after the first failure; the lead's brief: 5, like the DLQ's maxReceiveCount. */
  maxRetries?: number;
  /** First retry delay; doubles each time. */
  retryBaseMs?: number;
  /**
   * How long a connection's sync waits before it starts, so a burst of notifications becomes
   * one round (SQS does this with its 10-second delivery delay). Read at each start, so the
   * local runtime can turn it off while it seeds the demo. Default 0.
   */
  coalesceMs?: () => number;
}

interface ConnectionLane {
  queued?: SyncRequest;
  running: boolean;
}

export function createInProcessSyncQueue(options: InProcessSyncQueueOptions): InProcessSyncQueue {
  const logger = options.logger ?? createLogger("sync-queue");
  const maxRetries = options.maxRetries ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const lanes = new Map<string, ConnectionLane>();
  const delayTimers = new Set<ReturnType<typeof setTimeout>>();
  let waiters: Array<{ includeDelayed: boolean; resolve: () => void }> = [];

  const isIdle = (includeDelayed: boolean) => lanes.size === 0 && (!includeDelayed || delayTimers.size === 0);

  function wakeWaiters() {
    const ready = waiters.filter((w) => isIdle(w.includeDelayed));
    waiters = waiters.filter((w) => !isIdle(w.includeDelayed));
    for (const waiter of ready) waiter.resolve();
  }

  async function syncWithRetries(request: SyncRequest) {
    for (let attempt = 0; ; attempt++) {
      try {
        await options.handle(request);
        return;
      } catch (error) {
        const context = { groupId: syncGroupId(request), reason: request.reason, attempt, error };
        if (attempt >= maxRetries) {
          logger.error("sync failed; giving up", context);
          return;
        }
        logger.warn("sync failed; retrying", context);
        await new Promise((resolve) => setTimeout(resolve, retryBaseMs * 2 ** attempt));
      }
    }
  }

  async function runLane(key: string, lane: ConnectionLane) {
    try {
      while (lane.queued) {
        const wait = options.coalesceMs?.() ?? 0;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const request = lane.queued;
        lane.queued = undefined;
        await syncWithRetries(request);
      }
    } finally {
      lanes.delete(key);
      wakeWaiters();
    }
  }

  function enqueue(request: SyncRequest) {
    const key = syncGroupId(request);
    const lane = lanes.get(key) ?? { running: false };
    lanes.set(key, lane);
    lane.queued = lane.queued ? mergeSyncRequests(lane.queued, request) : request;
    if (!lane.running) {
      // Marked before the first await, so every request of a synchronous burst merges.
      lane.running = true;
      void runLane(key, lane);
    }
  }

  return {
    async send(request, sendOptions: SendOptions = {}) {
      const parsed = SyncRequest.parse(request);
      const delayMs = Math.max(0, (sendOptions.delaySeconds ?? 0) * 1000);
      if (delayMs === 0) return enqueue(parsed);
      const timer = setTimeout(() => {
        delayTimers.delete(timer);
        enqueue(parsed);
        wakeWaiters();
      }, delayMs);
      delayTimers.add(timer);
    },
    drain({ includeDelayed = true } = {}) {
      if (isIdle(includeDelayed)) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ includeDelayed, resolve }));
    },
    close() {
      for (const timer of delayTimers) clearTimeout(timer);
      delayTimers.clear();
      wakeWaiters();
    },
  };
}
