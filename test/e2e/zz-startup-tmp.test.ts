import { startLocalSystem } from "@rapport/local";
import { it } from "vitest";
it("startup", async () => {
  const t = performance.now();
  const s = await startLocalSystem({ memory: true, port: 0, coalesceMs: 0 });
  const t2 = performance.now();
  await s.reset();
  const t3 = performance.now();
  await s.stop();
  console.error("STARTUP", t2 - t, "RESET", t3 - t2, "STOP", performance.now() - t3);
}, 120_000);
