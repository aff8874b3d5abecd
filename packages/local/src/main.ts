import { ConfigError } from "@rapport/platform";
import { JavaMissingError } from "./dynamodb-local.ts";
import { startLocalSystem } from "./system.ts";

/**
 * `pnpm start`: the whole system on this machine with demo data. `--memory` keeps DynamoDB
 * Local in memory. Ctrl-C stops everything it started, DynamoDB Local's Java process included.
 */
async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !["--memory", "--no-demo"].includes(a));
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(" ")}. Usage: pnpm start [--memory] [--no-demo]`);
    process.exit(2);
  }
  const memory = args.includes("--memory");
  const started = Date.now();
  const system = await startLocalSystem({ memory, seedDemo: !args.includes("--no-demo"), scheduler: true });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await system.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGHUP", () => void stop("SIGHUP"));

  const api = system.apiUrl.replace("127.0.0.1", "localhost");
  const lines = [
    "",
    `Rapport is running (${((Date.now() - started) / 1000).toFixed(1)} s, store ${memory ? "in memory" : "in .local/"})`,
    `  API            ${api}            (GET /health)`,
    `  Local users    ${api}/dev/users  (token: /dev/token?email=…)`,
    `  Outlook pane   ${api}/addin/dev-host.html`,
    `  Google card    ${api}/addin/google-card.html`,
    `  Outbox         ${api}/dev/outbox?format=html`,
    `  DynamoDB Local ${system.config.dynamodbEndpoint}`,
    `  Microsoft      ${system.config.explicit.graph ? "real endpoints" : "emulator"} ${system.config.microsoft.graphBaseUrl}`,
    `  Google         ${system.config.explicit.google ? "real endpoints" : "emulator"} ${system.config.google.apiRootUrl}`,
    `  Demo users     ${system.demoUsers.join(", ") || "none"}`,
    "Press Ctrl-C to stop.",
  ];
  console.log(lines.join("\n"));
}

main().catch((error) => {
  if (error instanceof JavaMissingError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error("Start-up failed:", error);
  process.exit(1);
});
