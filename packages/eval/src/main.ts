import { fixedClock } from "@rapport/platform";
import { parseArgs, UsageError } from "./args.ts";
import { evaluate } from "./evaluate.ts";
import { formatJson, formatTable } from "./format.ts";
import type { ReplayTarget, StartLocalSystem } from "./replay-target.ts";
import { loadScenarios, ScenarioLoadError } from "./scenario.ts";
import { meetsBar } from "./score.ts";

/**
 * `pnpm eval [--scenarios DIR] [--json]`: replays the scenario corpus through the local system
 * and prints precision and recall per suggestion kind. Exit 0 when the bar is met, 1 when not,
 * 2 when the arguments or scenario files are wrong.
 */

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Imported late so this package compiles and its tests run without the local runtime. The
 * replay owns the clock (every step sets it) and runs the jobs itself; no demo data.
 */
async function startSystem(): Promise<ReplayTarget> {
  const specifier = "@rapport/local";
  const local = (await import(specifier)) as { startLocalSystem?: StartLocalSystem };
  if (typeof local.startLocalSystem !== "function") {
    throw new Error("@rapport/local does not export startLocalSystem");
  }
  return local.startLocalSystem({
    memory: true,
    port: 0,
    seedDemo: false,
    scheduler: false,
    // Each step is drained before the next, so there are no bursts to coalesce.
    coalesceMs: 0,
    clock: fixedClock("2026-01-01T00:00:00Z"),
  });
}

/** With --json, stdout carries exactly one line: everything else anyone writes goes to stderr. */
function reserveStdout(): (line: string) => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return (line) => void write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  let scenarios: Awaited<ReturnType<typeof loadScenarios>>;
  try {
    options = parseArgs(argv);
    scenarios = await loadScenarios(options.scenariosDir);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScenarioLoadError) {
      log(error.message);
      return 2;
    }
    throw error;
  }
  const print = options.json ? reserveStdout() : (line: string) => void process.stdout.write(`${line}\n`);
  log(`replaying ${scenarios.length} scenarios from ${options.scenariosDir}`);
  const target = await startSystem();
  try {
    const { report, scores } = await evaluate(target, scenarios, log);
    print(options.json ? formatJson(report) : formatTable(report, scores));
    return meetsBar(report) ? 0 : 1;
  } finally {
    await target.stop?.();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
