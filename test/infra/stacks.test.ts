import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type Created, installFakeSst, seconds } from "./fake-sst.ts";

interface SstConfig {
  app(input: { stage: string }): Record<string, unknown>;
  run(): Promise<Record<string, unknown>>;
}

// Imported by URL so the root type-check does not pull in SST's platform sources.
const configUrl = pathToFileURL(resolve(import.meta.dirname, "../../sst.config.ts")).href;

async function deploy(stage: string) {
  const created = installFakeSst(stage);
  const config = ((await import(/* @vite-ignore */ configUrl)) as { default: SstConfig }).default;
  const outputs = await config.run();
  const find = (type: string, name: string): Created => {
    const found = created.find((c) => c.type === type && c.name === name);
    if (!found) throw new Error(`no ${type} named ${name}`);
    return found;
  };
  return { config, outputs, created, find };
}

type FunctionArgs = {
  handler: string;
  runtime: string;
  architecture: string;
  timeout: string;
  environment: Record<string, unknown>;
  link: unknown[];
};

beforeEach(() => {
  vi.resetModules();
});

describe("sst.config.ts and stacks", () => {
  it("retains and protects production only", async () => {
    const { config } = await deploy("dev");
    expect(config.app({ stage: "production" })).toMatchObject({
      name: "rapport",
      home: "aws",
      removal: "retain",
      protect: true,
    });
    expect(config.app({ stage: "dev" })).toMatchObject({ removal: "remove", protect: false });
  });

  it("makes a FIFO sync queue with a dead-letter queue and a worker that reports partial failures", async () => {
    const { find } = await deploy("dev");
    const queue = find("sst.aws.Queue", "SyncQueue");
    const deadLetter = find("sst.aws.Queue", "SyncDeadLetter");
    expect(queue.args.fifo).toEqual({ contentBasedDeduplication: false });
    expect(deadLetter.args.fifo).toBe(true);
    expect(queue.args.dlq).toEqual({ queue: deadLetter.instance.arn, retry: 5 });
    expect(seconds(queue.args.delay)).toBe(10);
    expect(queue.calls.map((call) => call.method)).toEqual(["subscribe"]);
    const [worker, options] = queue.calls[0]?.args ?? [];
    expect(worker).toBeDefined();
    const [workerArgs, subscribeOptions] = [worker, options] as [
      FunctionArgs,
      { batch: { partialResponses: boolean } },
    ];
    expect(workerArgs.handler).toBe("functions/src/sync-worker.handler");
    expect(subscribeOptions.batch.partialResponses).toBe(true);
    expect(seconds(queue.args.visibilityTimeout)).toBeGreaterThan(seconds(workerArgs.timeout));
  });

  it("gives every function the same runtime, links and configuration", async () => {
    const { created, find } = await deploy("dev");
    const table = find("sst.aws.Dynamo", "Table").instance;
    const queue = find("sst.aws.Queue", "SyncQueue").instance;
    const key = find("aws.kms.Key", "TokenKey").instance;
    const functions: FunctionArgs[] = [
      find("sst.aws.Function", "Api").args as FunctionArgs,
      find("sst.aws.Queue", "SyncQueue").calls[0]?.args[0] as FunctionArgs,
      ...created.filter((c) => c.type === "sst.aws.CronV2").map((c) => c.args.function as FunctionArgs),
    ];
    expect(functions).toHaveLength(7);
    for (const fn of functions) {
      expect(fn.runtime).toBe("nodejs22.x");
      expect(fn.architecture).toBe("arm64");
      expect(fn.environment).toMatchObject({
        RAPPORT_MODE: "aws",
        TABLE_NAME: table.name,
        SYNC_QUEUE_URL: queue.url,
        TOKEN_KMS_KEY_ID: key.arn,
        PUBLIC_BASE_URL: find("sst.aws.Router", "Public").instance.url,
      });
      expect(fn.link).toContain(table);
      expect(fn.link).toContain(find("sst.Linkable", "TokenKey").instance);
      expect(fn.link).toContain(find("sst.Secret", "MsClientSecret").instance);
      expect(fn.link).toContain(find("sst.Secret", "GoogleClientSecret").instance);
    }
  });

  it("schedules the five jobs", async () => {
    const { created } = await deploy("dev");
    const jobs = Object.fromEntries(
      created
        .filter((c) => c.type === "sst.aws.CronV2")
        .map((c) => [(c.args.function as FunctionArgs).handler, c.args.schedule]),
    );
    expect(jobs).toEqual({
      "functions/src/renew-subscriptions.handler": "rate(1 hour)",
      "functions/src/briefings.handler": "rate(5 minutes)",
      "functions/src/weekly-report.handler": "rate(1 hour)",
      "functions/src/reanalyze.handler": expect.stringMatching(/^cron\(/),
      "functions/src/scheduled-sync.handler": "rate(15 minutes)",
    });
  });

  it("serves the API with a function URL behind the public router, and returns the URLs", async () => {
    const { find, outputs } = await deploy("dev");
    const api = find("sst.aws.Function", "Api");
    expect(api.args.url).toBe(true);
    expect(find("sst.aws.Router", "Public").calls).toContainEqual({
      method: "route",
      args: ["/", api.instance.url],
    });
    const site = find("sst.aws.StaticSite", "Addins");
    expect(site.args.build).toEqual({ command: "pnpm --filter @rapport/addins build", output: "dist" });
    expect(outputs).toMatchObject({
      publicUrl: find("sst.aws.Router", "Public").instance.url,
      addinsUrl: site.instance.url,
      syncQueueUrl: find("sst.aws.Queue", "SyncQueue").instance.url,
    });
  });

  it("protects production data and keeps other stages disposable", async () => {
    const pitr = (table: Created) => {
      const args: Record<string, unknown> = {};
      (table.args.transform as { table: (a: Record<string, unknown>) => void }).table(args);
      return args.pointInTimeRecovery;
    };
    const production = await deploy("production");
    const prodTable = production.find("sst.aws.Dynamo", "Table");
    expect(prodTable.args.deletionProtection).toBe(true);
    expect(pitr(prodTable)).toEqual({ enabled: true });
    expect(prodTable.args.ttl).toBeTypeOf("string");
    expect(production.find("aws.kms.Key", "TokenKey").args.enableKeyRotation).toBe(true);

    vi.resetModules();
    const dev = await deploy("dev");
    const devTable = dev.find("sst.aws.Dynamo", "Table");
    expect(devTable.args.deletionProtection).toBe(false);
    expect(pitr(devTable)).toEqual({ enabled: false });
  });
});
