import { processPartialResponse, SqsFifoPartialProcessorAsync } from "@aws-lambda-powertools/batch";
import { ChangeMessageVisibilityCommand, SQSClient } from "@aws-sdk/client-sqs";
import { SyncRequest } from "@rapport/core";
import { deferralSeconds } from "@rapport/platform";
import { awsSystem } from "@rapport/runtime";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { Resource } from "sst";

const processor = new SqsFifoPartialProcessorAsync();
const sqs = new SQSClient({});

/**
 * One record = one connection's sync. A record that must wait (a provider's Retry-After,
 * carried as `notBefore` because FIFO queues take no per-message delay) is hidden until then
 * and reported failed, so SQS hands it out again at that time; a failing record is retried by
 * SQS and dead-lettered after 5 receives. On failure the rest of its group waits behind it.
 */
async function syncRecord(record: SQSRecord): Promise<void> {
  const wait = deferralSeconds(record, new Date());
  if (wait > 0) {
    const queueUrl = process.env.SYNC_QUEUE_URL;
    if (!queueUrl) throw new Error("SYNC_QUEUE_URL is not set");
    await sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: wait }),
    );
    throw new Error(`deferred ${wait} s`);
  }
  const request = SyncRequest.parse(JSON.parse(record.body));
  await awsSystem(Resource).handleSyncRequest(request);
}

export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, syncRecord, processor, { skipGroupOnError: true });
