import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { buildAddins } from "../src/build.ts";
import { createFakeApi } from "../test/fake-api.ts";

/**
 * Static pictures from the sample data (no real API needed): the task pane in the dev host and the
 * Google card preview, written to docs/screenshots/. Run: pnpm --filter @rapport/addins screenshots
 */
const repo = resolve(new URL("../../..", import.meta.url).pathname);
const outDir = join(tmpdir(), `rapport-addin-shots-${process.pid}`);
await buildAddins({ outDir, publicBaseUrl: "http://localhost/addin" });
const { app } = createFakeApi(outDir);
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;
const shots = join(repo, "docs", "screenshots");
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1000, height: 1000 },
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
  });
  await page.goto(`${base}/addin/dev-host.html?eventId=evt-sample&email=maya@contoso.example`);
  await page.waitForSelector("[data-suggestion-id]");
  await page.screenshot({ path: join(shots, "taskpane-dev.png"), fullPage: true });
  await page.goto(`${base}/addin/google-card.html?eventId=evt-sample&email=maya@contoso.example`);
  await page.waitForSelector(".gc-card");
  await page.screenshot({ path: join(shots, "google-card.png"), fullPage: true });
  console.log(`wrote ${shots}/taskpane-dev.png and google-card.png`);
} finally {
  await browser.close();
  server.close();
}
