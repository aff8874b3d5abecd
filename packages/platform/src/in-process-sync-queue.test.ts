import type { SyncRequest } from "@rapport/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createInProcessSyncQueue } from "./in-process-sync-queue.ts";
import type { Log } from "./logger.ts";

const alice: SyncRequest = { userId: "user-alice", provider: "microsoft", reason: "notification" };
const bob: SyncRequest = { userId: "user-bob", provider: "google", reason: "notification" };

function silentLog(): Log & { errors: unknown[] } {
  const errors: unknown[] = [];
  const noop = () => {};
  return {
    debug: noop,
    info: noop,
    warn: noop,
    error: (...args: unknown[]) => errors.push(args),
    errors,
  } as never;
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("in-process sync queue", () => {
  it("turns a burst of 100 requests for one connection into at most two syncs", async () => {
    const handled: SyncRequest[] = [];
    const queue = createInProcessSyncQueue({
      logger: silentLog(),
      handle: async (request) => {
        handled.push(request);
        await tick();
      },
    });
    for (let i = 0; i < 100; i++) {
      await queue.send({ ...alice, full: i === 57 });
    }
    await queue.drain();
    expect(handled.length).toBeGreaterThanOrEqual(1);
    expect(handled.length).toBeLessThanOrEqual(2);
    expect(handled.some((request) => request.full)).toBe(true);
  });

  it("never runs two syncs of one connection at once, but runs other connections meanwhile", async () => {
    const aliceGate = deferred();
    const bobDone = deferred();
    let aliceRunning = 0;
    let maxAliceRunning = 0;
    const finished: string[] = [];
    const queue = createInProcessSyncQueue({
      logger: silentLog(),
      handle: async (request) => {
        if (request.userId === alice.userId) {
          aliceRunning++;
          maxAliceRunning = Math.max(maxAliceRunning, aliceRunning);
          await aliceGate.promise;
          aliceRunning--;
        } else {
          bobDone.release();
        }
        finished.push(request.userId);
      },
    });
    await queue.send(alice);
    await queue.send({ ...alice, reason: "schedule" });
    await queue.send(bob);
    await bobDone.promise; // bob's sync completes while alice's first sync is still blocked
    await tick();
    expect(finished).toEqual([bob.userId]);
    aliceGate.release();
    await queue.drain();
    expect(maxAliceRunning).toBe(1);
    expect(finished).toEqual([bob.userId, alice.userId, alice.userId]);
  });

  it("drain waits for running and queued syncs", async () => {
    const gate = deferred();
    const finished: string[] = [];
    const queue = createInProcessSyncQueue({
      logger: silentLog(),
      handle: async (request) => {
        await gate.promise;
        finished.push(request.userId);
      },
    });
    await queue.send(alice);
    await queue.send(bob);
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    await tick();
    expect(drained).toBe(false);
    gate.release();
    await draining;
    expect(finished.sort()).toEqual([alice.userId, bob.userId]);
  });

  it("holds a delayed request until its delay has passed", async () => {
    vi.useFakeTimers();
    const handled: SyncRequest[] = [];
    const queue = createInProcessSyncQueue({
      logger: silentLog(),
      handle: async (r) => void handled.push(r),
    });
    await queue.send({ ...alice, reason: "retry" }, { delaySeconds: 30 });
    await queue.drain({ includeDelayed: false });
    expect(handled).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(handled).toHaveLength(0);
    const draining = queue.drain();
    await vi.advanceTimersByTimeAsync(1_000);
    await draining;
    expect(handled.map((r) => r.reason)).toEqual(["retry"]);
  });

  it("retries a failing sync and succeeds when the failure passes", async () => {
    let calls = 0;
    const queue = createInProcessSyncQueue({
      logger: silentLog(),
      retryBaseMs: 1,
      handle: async () => {
        calls++;
        if (calls < 3) throw new Error("provider busy");
      },
    });
    await queue.send(alice);
    await queue.drain();
    expect(calls).toBe(3);
  });

  it("gives up after five retries and logs an error, then keeps serving the connection", async () => {
    const log = silentLog();
    let calls = 0;
    const queue = createInProcessSyncQueue({
      logger: log,
      retryBaseMs: 1,
      handle: async (request) => {
        calls++;
        if (request.reason === "notification") throw new Error("always failing");
      },
    });
    await queue.send(alice);
    await queue.drain();
    expect(calls).toBe(6);
    expect(log.errors).toHaveLength(1);
    await queue.send({ ...alice, reason: "schedule" });
    await queue.drain();
    expect(calls).toBe(7);
  });

  it("rejects a malformed request", async () => {
    const queue = createInProcessSyncQueue({ logger: silentLog(), handle: async () => {} });
    await expect(
      queue.send({ userId: "u", provider: "yahoo", reason: "notification" } as never),
    ).rejects.toThrow();
  });
});
