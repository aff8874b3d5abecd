import { fileURLToPath } from "node:url";

/** Command-line options of `pnpm eval`. */
export interface EvalOptions {
  scenariosDir: string;
  json: boolean;
}

export const USAGE = "usage: pnpm eval [--scenarios DIR] [--json]";

/** The project's own corpus, wherever the command is run from. */
export const DEFAULT_SCENARIOS_DIR = fileURLToPath(new URL("../../../test/scenarios", import.meta.url));

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = "UsageError";
  }
}

export function parseArgs(argv: readonly string[]): EvalOptions {
  const options: EvalOptions = { scenariosDir: DEFAULT_SCENARIOS_DIR, json: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === "--json") options.json = true;
    else if (arg === "--scenarios") {
      const dir = argv[++index];
      if (dir === undefined || dir.startsWith("--")) throw new UsageError("--scenarios needs a directory");
      options.scenariosDir = dir;
    } else if (arg.startsWith("--scenarios=")) {
      const dir = arg.slice("--scenarios=".length);
      if (dir === "") throw new UsageError("--scenarios needs a directory");
      options.scenariosDir = dir;
    } else if (arg === "--") continue;
    else throw new UsageError(`unknown argument: ${arg}`);
  }
  return options;
}
