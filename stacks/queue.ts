import { appFunction } from "./lambda.ts";

/** Sync worker time limit; the queue's visibility timeout must stay above it (see below). */
const SYNC_TIMEOUT_SECONDS = 180;

/** FIFO dead-letter queue (a FIFO queue's DLQ must be FIFO too); kept 14 days for inspection. */
export const syncDeadLetterQueue = new sst.aws.Queue("SyncDeadLetter", {
  fifo: true,
  transform: { queue: { messageRetentionSeconds: 14 * 24 * 3600 } },
});

/**
 * One message group per connection, so syncs of one mailbox never overlap. Deduplication ids
 * come from platform/sqs-sync-queue (content-based dedup off): one id per connection per
 * 10-second bucket. The 10-second queue delay makes that safe: a bucket's message is only
 * seen after the bucket closes, so its sync covers every notification it swallowed.
 * Visibility timeout: above the worker's timeout, so a record is never handed out twice at
 * once; a failed record is retried after it (the worker may shorten it for a Retry-After).
 */
export const syncQueue = new sst.aws.Queue("SyncQueue", {
  fifo: { contentBasedDeduplication: false },
  delay: "10 seconds",
  visibilityTimeout: `${SYNC_TIMEOUT_SECONDS * 3} seconds`,
  dlq: { queue: syncDeadLetterQueue.arn, retry: 5 },
});

syncQueue.subscribe(
  {
    ...appFunction("functions/src/sync-worker.handler", {
      syncQueue,
      memory: "1024 MB",
      timeout: `${SYNC_TIMEOUT_SECONDS} seconds`,
    }),
  },
  // FIFO sources take no batching window. Partial responses: one failing connection does
  // not send the whole batch back (Powertools' SqsFifoPartialProcessor fills the list).
  { batch: { size: 5, partialResponses: true } },
);
