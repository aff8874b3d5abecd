import { writeFile } from "node:fs/promises";
import { startLocalSystem } from "./system.ts";

/**
 * `pnpm report --user EMAIL [--html FILE]`: the weekly relationship health report of a local
 * user, as text in the terminal or as the HTML email in a file. Uses the running `pnpm start`
 * when there is one (PORT), else starts the local system on its stored data for the moment.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const port = process.env.PORT ?? "3000";
  let base = `http://127.0.0.1:${port}`;
  let stop: (() => Promise<void>) | undefined;
  if (!(await reachable(base))) {
    console.error("No local server running; starting the local system on its stored data…");
    const system = await startLocalSystem({ port: 0, seedDemo: true });
    base = system.apiUrl;
    stop = () => system.stop();
  }
  try {
    const tokenResponse = await fetch(`${base}/dev/token?email=${encodeURIComponent(args.user)}`);
    if (!tokenResponse.ok) throw new Error(`no local user ${args.user} (see ${base}/dev/users)`);
    const { token } = (await tokenResponse.json()) as { token: string };
    const format = args.html ? "html" : "text";
    const report = await fetch(`${base}/api/v1/reports/weekly?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!report.ok) throw new Error(`report failed with ${report.status}: ${await report.text()}`);
    const body = await report.text();
    if (args.html) {
      await writeFile(args.html, body);
      console.error(`Wrote ${args.html} (${body.length} bytes)`);
    } else {
      console.log(body);
    }
  } finally {
    await stop?.();
  }
}

function parseArgs(argv: string[]): { user: string; html?: string } {
  const user = valueOf(argv, "--user");
  const html = valueOf(argv, "--html");
  const known = new Set(["--user", "--html", user, html]);
  const unknown = argv.filter((a) => !known.has(a));
  if (!user || unknown.length > 0) {
    console.error("Usage: pnpm report --user EMAIL [--html FILE]");
    process.exit(2);
  }
  return { user, html };
}

function valueOf(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function reachable(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
