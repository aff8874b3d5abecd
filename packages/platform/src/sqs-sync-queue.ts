import { createHash } from "node:crypto";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { SyncRequest, syncGroupId } from "@rapport/core";
import { type Clock, systemClock } from "./clock.ts";
import { COALESCE_WINDOW_SECONDS, type SendOptions, type SyncQueue } from "./queue.ts";

/**
 * The SQS FIFO adapter.
 *
 * - MessageGroupId = the connection: SQS hands out one group's messages in order and never two
 *   at once, so syncs of one mailbox never overlap.
 * - MessageDeduplicationId = connection + kind (full/incremental) + 10-second bucket: SQS drops
 *   the rest of a burst (providers send several notifications per change). This is only safe
 *   because the queue has a queue-level delay of COALESCE_WINDOW_SECONDS (stacks/queue.ts): the
 *   first message of a bucket becomes visible after its bucket has closed, so the one sync it
 *   starts runs after every notification it swallowed. A full request gets its own id, so it is
 *   never swallowed by an incremental one.
 * - FIFO queues reject per-message DelaySeconds. A delayed request instead carries a
 *   `notBefore` message attribute; the worker that receives it early calls
 *   ChangeMessageVisibility for `deferralSeconds(record, now)` and reports the record as a
 *   batch failure, so SQS delivers it again at that time. The group waits behind it, which is
 *   what a Retry-After asks for. Each deferral uses one of the DLQ's maxReceiveCount receives.
 */

export const NOT_BEFORE_ATTRIBUTE = "notBefore";

export interface SqsSender {
  send(command: SendMessageCommand): Promise<unknown>;
}

export function syncDeduplicationId(request: SyncRequest, at: Date, label = ""): string {
  // Hashed: user ids may hold characters SQS does not allow, and the id must stay under 128.
  const group = createHash("sha256").update(syncGroupId(request)).digest("hex").slice(0, 40);
  const bucket = Math.floor(at.getTime() / (COALESCE_WINDOW_SECONDS * 1000));
  return `${group}-${request.full ? "full" : "incr"}${label}-${bucket}`;
}

export function createSqsSyncQueue(options: {
  client: SqsSender;
  queueUrl: string;
  clock?: Clock;
}): SyncQueue {
  const clock = options.clock ?? systemClock;
  return {
    async send(request: SyncRequest, sendOptions: SendOptions = {}) {
      const message = SyncRequest.parse(request);
      const now = clock.now();
      const delaySeconds = Math.max(0, Math.ceil(sendOptions.delaySeconds ?? 0));
      const notBefore = new Date(now.getTime() + delaySeconds * 1000);
      await options.client.send(
        new SendMessageCommand({
          QueueUrl: options.queueUrl,
          MessageBody: JSON.stringify(message),
          MessageGroupId: syncGroupId(message),
          MessageDeduplicationId:
            delaySeconds > 0
              ? syncDeduplicationId(message, notBefore, "-later")
              : syncDeduplicationId(message, now),
          ...(delaySeconds > 0 && {
            MessageAttributes: {
              [NOT_BEFORE_ATTRIBUTE]: { DataType: "String", StringValue: notBefore.toISOString() },
            },
          }),
        }),
      );
    },
  };
}

/** The shape of an SQS record's attributes in a Lambda event. */
export interface SqsRecordAttributes {
  messageAttributes?: Record<string, { stringValue?: string | undefined } | undefined>;
}

/** Seconds the worker must still wait before syncing this record (0: go now). */
export function deferralSeconds(record: SqsRecordAttributes, now: Date): number {
  const value = record.messageAttributes?.[NOT_BEFORE_ATTRIBUTE]?.stringValue;
  const notBefore = value ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(notBefore)) return 0;
  // SQS caps a visibility timeout at 12 hours.
  return Math.min(43_200, Math.max(0, Math.ceil((notBefore - now.getTime()) / 1000)));
}
