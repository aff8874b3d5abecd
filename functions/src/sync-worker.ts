import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { SyncRequest } from "@rapport/core";
import { awsSystem } from "@rapport/runtime";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { Resource } from "sst";

const processor = new BatchProcessor(EventType.SQS);

// One record = one connection's sync; a failed record is retried by SQS, then dead-lettered.
async function syncRecord(record: SQSRecord): Promise<void> {
  const request = SyncRequest.parse(JSON.parse(record.body));
  await awsSystem(Resource).handleSyncRequest(request);
}

export const handler = async (event: SQSEvent) => processPartialResponse(event, syncRecord, processor);
