import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkStackHandlers,
  findHandlerReferences,
  formatProblems,
} from "../../scripts/check-stack-handlers.ts";

const repoRoot = resolve(import.meta.dirname, "../..");

describe("check-stack-handlers", () => {
  let fixture: string;
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(fixture, path)), { recursive: true });
    await writeFile(join(fixture, path), text);
  };

  beforeEach(async () => {
    fixture = await mkdtemp(join(tmpdir(), "rapport-stacks-"));
    await write("functions/src/api.ts", "export const handler = async () => {};\n");
    await write("functions/src/jobs/nightly.ts", "async function handler() {}\nexport { handler };\n");
    await write("stacks/api.ts", `new sst.aws.Function("Api", { handler: "functions/src/api.handler" });\n`);
    await write("stacks/nested/cron.ts", `job("Nightly", 'functions/src/jobs/nightly.handler');\n`);
  });

  afterEach(async () => {
    await rm(fixture, { recursive: true, force: true });
  });

  it("passes when every named handler file exists and exports the handler", () => {
    expect(
      findHandlerReferences(fixture)
        .map((r) => r.handler)
        .sort(),
    ).toEqual(["functions/src/api.handler", "functions/src/jobs/nightly.handler"]);
    expect(checkStackHandlers(fixture)).toEqual([]);
  });

  it("fails naming the stack and the handler whose file is missing", async () => {
    await write("stacks/queue.ts", `queue.subscribe({ handler: "functions/src/sync-worker.handler" });\n`);
    const problems = checkStackHandlers(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ stackFile: "stacks/queue.ts", problem: "missing file" });
    expect(formatProblems(problems)).toContain("functions/src/sync-worker.handler");
  });

  it("fails when the file exists but does not export the named function", async () => {
    await write("functions/src/api.ts", "export const main = async () => {};\n");
    expect(checkStackHandlers(fixture)).toMatchObject([
      { handler: "functions/src/api.handler", problem: "missing export" },
    ]);
  });

  it("passes for the real stacks, which name every function the system deploys", () => {
    const handlers = new Set(findHandlerReferences(repoRoot).map((r) => r.handler));
    for (const name of [
      "api",
      "sync-worker",
      "renew-subscriptions",
      "briefings",
      "weekly-report",
      "reanalyze",
      "scheduled-sync",
    ]) {
      expect(handlers).toContain(`functions/src/${name}.handler`);
    }
    expect(formatProblems(checkStackHandlers(repoRoot))).toBe("");
  });
});
