import { execFileSync, spawn } from "node:child_process";
import { freePort } from "@rapport/local/dynamodb-local";
import { describe, expect, it } from "vitest";

// `pnpm start` as a person runs it, then Ctrl-C: the terminal sends SIGINT to the whole
// foreground process group. Afterwards nothing it started may be left, Java included.
function groupMembers(pgid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "-g", String(pgid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("pnpm start", () => {
  it("serves /health, and Ctrl-C stops every process it started", async () => {
    const port = await freePort();
    const child = spawn("pnpm", ["-s", "start", "--memory"], {
      env: { ...process.env, PORT: String(port), LOG_LEVEL: "ERROR" },
      detached: true,
      stdio: "ignore",
    });
    const pgid = child.pid as number;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let healthy = false;
    for (let i = 0; i < 120 && !healthy; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      healthy = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    }
    expect(healthy).toBe(true);
    const members = groupMembers(pgid);
    const java = members.filter((pid) => {
      try {
        return execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).includes("DynamoDBLocal");
      } catch {
        return false;
      }
    });
    expect(java.length).toBe(1);

    process.kill(-pgid, "SIGINT");
    await exited;
    await new Promise((r) => setTimeout(r, 1500));
    expect(members.filter(alive)).toEqual([]);
  }, 180_000);
});
