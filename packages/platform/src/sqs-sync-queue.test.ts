import type { SendMessageCommand } from "@aws-sdk/client-sqs";
import { type SyncRequest, syncGroupId } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { fixedClock } from "./clock.ts";
import { createSqsSyncQueue, deferralSeconds } from "./sqs-sync-queue.ts";

const alice: SyncRequest = { userId: "user-alice", provider: "microsoft", reason: "notification" };
const bob: SyncRequest = { userId: "user-bob", provider: "microsoft", reason: "notification" };

function recordingSqs() {
  const sent: SendMessageCommand["input"][] = [];
  return { sent, client: { send: async (command: SendMessageCommand) => void sent.push(command.input) } };
}

describe("SQS FIFO sync queue", () => {
  it("groups by connection and gives a burst within one window the same deduplication id", async () => {
    const sqs = recordingSqs();
    const clock = fixedClock("2026-03-02T09:00:00.000Z");
    const queue = createSqsSyncQueue({ client: sqs.client, queueUrl: "https://sqs.test/q.fifo", clock });
    await queue.send(alice);
    clock.advance(9_000);
    await queue.send({ ...alice, reason: "schedule" });
    await queue.send(bob);
    const [first, second, other] = sqs.sent;
    expect(first?.MessageGroupId).toBe(syncGroupId(alice));
    expect(first?.QueueUrl).toBe("https://sqs.test/q.fifo");
    expect(JSON.parse(first?.MessageBody ?? "{}")).toEqual(alice);
    expect(second?.MessageDeduplicationId).toBe(first?.MessageDeduplicationId);
    expect(other?.MessageDeduplicationId).not.toBe(first?.MessageDeduplicationId);
  });

  it("gives a new window and a full round their own deduplication ids", async () => {
    const sqs = recordingSqs();
    const clock = fixedClock("2026-03-02T09:00:00.000Z");
    const queue = createSqsSyncQueue({ client: sqs.client, queueUrl: "q", clock });
    await queue.send(alice);
    await queue.send({ ...alice, reason: "missed", full: true });
    clock.advance(10_000);
    await queue.send(alice);
    const ids = sqs.sent.map((input) => input.MessageDeduplicationId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id?.length).toBeLessThanOrEqual(128);
  });

  it("carries a delay as a notBefore attribute, never as DelaySeconds", async () => {
    const sqs = recordingSqs();
    const clock = fixedClock("2026-03-02T09:00:00.000Z");
    const queue = createSqsSyncQueue({ client: sqs.client, queueUrl: "q", clock });
    await queue.send({ ...alice, reason: "retry" }, { delaySeconds: 120 });
    const input = sqs.sent[0];
    expect(input?.DelaySeconds).toBeUndefined();
    const notBefore = input?.MessageAttributes?.notBefore?.StringValue;
    expect(notBefore).toBe("2026-03-02T09:02:00.000Z");
    const record = { messageAttributes: { notBefore: { stringValue: notBefore } } };
    expect(deferralSeconds(record, new Date("2026-03-02T09:00:30.000Z"))).toBe(90);
    expect(deferralSeconds(record, new Date("2026-03-02T09:05:00.000Z"))).toBe(0);
    expect(deferralSeconds({}, clock.now())).toBe(0);
  });

  it("refuses to send a malformed request", async () => {
    const sqs = recordingSqs();
    const queue = createSqsSyncQueue({ client: sqs.client, queueUrl: "q" });
    await expect(queue.send({ ...alice, reason: "whenever" } as never)).rejects.toThrow();
    expect(sqs.sent).toHaveLength(0);
  });
});
