import { type Clock, systemClock } from "./clock.ts";
import { createLogger, type Log } from "./logger.ts";

/**
 * A recurring job. On AWS, stacks/cron.ts gives each job an `sst.aws.CronV2` whose function
 * handler calls `run(new Date())` with the same `schedule` text (EventBridge rate/cron syntax);
 * locally, the in-process scheduler below calls `run` every `everyMs`. Keep the two in step.
 */
export interface Job {
  name: string;
  /** EventBridge schedule expression, e.g. "rate(1 hour)". */
  schedule: string;
  /** The same interval in milliseconds, for the local scheduler. */
  everyMs: number;
  run(now: Date): Promise<void>;
}

export interface InProcessScheduler {
  start(): void;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
  /** Runs one job now (tests, scenario replay, the local dev page); rejects if it fails. */
  runNow(name: string): Promise<void>;
}

export function createInProcessScheduler(
  jobs: Job[],
  options: { clock?: Clock; logger?: Log } = {},
): InProcessScheduler {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger("scheduler");
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const running = new Map<string, Promise<void>>();
  let timers: ReturnType<typeof setInterval>[] = [];

  for (const job of jobs) {
    if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
  }
  if (byName.size !== jobs.length) throw new Error("job names must be unique");

  function run(job: Job): Promise<void> {
    // A run that outlasts its interval is not doubled up: callers share the run in progress.
    const inProgress = running.get(job.name);
    if (inProgress) return inProgress;
    const started = job.run(clock.now()).finally(() => running.delete(job.name));
    running.set(job.name, started);
    return started;
  }

  return {
    start() {
      if (timers.length > 0) return;
      timers = jobs.map((job) =>
        setInterval(() => {
          run(job).catch((error) => logger.error("scheduled job failed", { job: job.name, error }));
        }, job.everyMs),
      );
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      timers = [];
      await Promise.allSettled(running.values());
    },
    runNow(name) {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return run(job);
    },
  };
}
