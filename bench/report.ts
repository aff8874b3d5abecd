import { createAnalysisPipeline } from "@rapport/sync";
// Relative until the root package.json lists @rapport/notify among its devDependencies.
import { benchWeeklyReport } from "../packages/notify/src/index.ts";
import { BENCH_NOW, BENCH_SPEC, measure, newTally, openBenchStore, rssMiB } from "./analysis.ts";

/**
 * `pnpm bench:report`: building one weekly relationship report (buildWeeklyReport, through
 * benchWeeklyReport) for a user with the generated 5-year mailbox (2,000 contacts, 50,000
 * interactions) in DynamoDB Local, after a full analysis has written the suggestions.
 * Prints figures; asserts nothing.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const bench = await openBenchStore();
try {
  const { store, user, deps } = bench;
  // The report lists open suggestions; the daily job would have written them.
  const suggestions = await createAnalysisPipeline(deps).reanalyzeUser(user);
  console.log(
    `loaded ${bench.mailbox.meetings.length} meetings, ${bench.interactionCount} interactions, ${BENCH_SPEC.contacts} contacts, ` +
      `${suggestions} suggestions in ${(bench.loadMs / 1000).toFixed(1)} s (not counted); RSS after load ${rssMiB()} MiB`,
  );

  const tally = newTally();
  bench.counting(tally);
  const measured = await measure(() =>
    benchWeeklyReport({ store, userId: user.userId, now: new Date(BENCH_NOW), runs: RUNS }),
  );
  bench.counting(newTally());
  const result = measured.result;
  const builds = result.runs + 1; // benchWeeklyReport warms up once before the timed runs

  console.log(
    "\n| weekly report, one user | median ms | min ms | max ms | peak RSS MiB | heap growth MiB | DynamoDB requests / report | items read / report |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  console.log(
    `| buildWeeklyReport (median of ${result.runs}) | ${Math.round(result.medianMs)} | ${Math.round(result.minMs)} | ${Math.round(result.maxMs)} | ` +
      `${Math.round(measured.peakRssMiB)} | ${Math.round(measured.heapGrowthMiB)} | ${Math.round(tally.requests / builds)} | ${Math.round(tally.itemsRead / builds)} |`,
  );
  console.log("\nper report: requests (items read) per access pattern");
  for (const [pattern, { requests, items }] of [...tally.byPattern.entries()].sort(
    (a, b) => b[1].items - a[1].items,
  )) {
    console.log(`  ${pattern}: ${Math.round(requests / builds)} (${Math.round(items / builds)})`);
  }
  console.log(
    `\n(Node ${process.version}, seed ${BENCH_SPEC.seed}, now ${BENCH_NOW}, ran ${new Date().toISOString()})`,
  );
} finally {
  await bench.stop();
}
