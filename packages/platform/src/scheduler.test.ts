import { afterEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "./clock.ts";
import type { Log } from "./logger.ts";
import { createInProcessScheduler, type Job } from "./scheduler.ts";

function recordingJob(name: string, everyMs: number, runs: Date[], fail = false): Job {
  return {
    name,
    schedule: `rate(${everyMs / 60_000} minutes)`,
    everyMs,
    run: async (now) => {
      runs.push(now);
      if (fail) throw new Error(`${name} broke`);
    },
  };
}

const errors: unknown[] = [];
const log: Log = {
  debug() {},
  info() {},
  warn() {},
  error: (...args: unknown[]) => void errors.push(args),
} as never;

afterEach(() => {
  vi.useRealTimers();
  errors.length = 0;
});

describe("in-process scheduler", () => {
  it("runs each job on its own interval with the clock's time, until stopped", async () => {
    vi.useFakeTimers();
    const clock = fixedClock("2026-03-02T09:00:00Z");
    const fast: Date[] = [];
    const slow: Date[] = [];
    const scheduler = createInProcessScheduler(
      [recordingJob("briefings", 5 * 60_000, fast), recordingJob("renew", 60 * 60_000, slow)],
      { clock, logger: log },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fast).toHaveLength(12);
    expect(slow).toHaveLength(1);
    expect(fast[0]?.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fast).toHaveLength(12);
  });

  it("logs a failing scheduled run and keeps the schedule going", async () => {
    vi.useFakeTimers();
    const runs: Date[] = [];
    const scheduler = createInProcessScheduler([recordingJob("weekly", 1_000, runs, true)], { logger: log });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3_000);
    await scheduler.stop();
    expect(runs).toHaveLength(3);
    expect(errors).toHaveLength(3);
  });

  it("runNow runs the named job and reports its failure to the caller", async () => {
    const runs: Date[] = [];
    const scheduler = createInProcessScheduler(
      [recordingJob("reanalyze", 1_000, runs), recordingJob("broken", 1_000, [], true)],
      { clock: fixedClock("2026-03-02T03:00:00Z"), logger: log },
    );
    await scheduler.runNow("reanalyze");
    expect(runs.map((d) => d.toISOString())).toEqual(["2026-03-02T03:00:00.000Z"]);
    await expect(scheduler.runNow("broken")).rejects.toThrow("broken broke");
    await expect(scheduler.runNow("missing")).rejects.toThrow("no job named missing");
  });

  it("does not start a second run of a job while one is in progress", async () => {
    let release!: () => void;
    let starts = 0;
    const job: Job = {
      name: "slow",
      schedule: "rate(1 minute)",
      everyMs: 60_000,
      run: () => {
        starts++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const scheduler = createInProcessScheduler([job], { logger: log });
    const first = scheduler.runNow("slow");
    const second = scheduler.runNow("slow");
    release();
    await Promise.all([first, second]);
    expect(starts).toBe(1);
  });
});
