import type { EmailLinks } from "@rapport/email";
import type { Store } from "@rapport/store";
import { buildWeeklyReport } from "../weekly/build.ts";

const BENCH_LINKS: EmailLinks = {
  sidebar: "https://rapport.invalid/addin/taskpane.html",
  settings: "https://rapport.invalid/settings",
  unsubscribe: "https://rapport.invalid/unsubscribe?t=bench",
};

export interface ReportBenchResult {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Peak resident set size of the process during the runs, in MiB. */
  peakRssMiB: number;
}

/** Times buildWeeklyReport for one user `runs` times (after one warm-up) against a real store. */
export async function benchWeeklyReport(input: {
  store: Store;
  userId: string;
  now: Date;
  runs: number;
}): Promise<ReportBenchResult> {
  const user = await input.store.users.get(input.userId);
  if (!user) throw new Error(`No user ${input.userId} in the store`);
  const build = () => buildWeeklyReport({ store: input.store, user, now: input.now, links: BENCH_LINKS });
  await build();
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < Math.max(1, input.runs); i++) {
    const started = performance.now();
    await build();
    times.push(performance.now() - started);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return {
    runs: times.length,
    medianMs: Math.round(median * 10) / 10,
    minMs: Math.round((times[0] ?? 0) * 10) / 10,
    maxMs: Math.round((times.at(-1) ?? 0) * 10) / 10,
    peakRssMiB: Math.round(peak / 1048576),
  };
}
