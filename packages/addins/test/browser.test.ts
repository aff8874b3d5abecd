import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltFile, buildAddins } from "../src/build.ts";
import { createFakeApi } from "./fake-api.ts";

/**
 * The built task pane in headless Chromium, in the dev host, against the sample-data stand-in
 * of the API (the real-API run is test/e2e/taskpane.test.ts).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const outDir = mkdtempSync(join(tmpdir(), "rapport-addin-"));
let files: BuiltFile[] = [];
let server: ServerType;
let browser: Browser;
let base = "";

beforeAll(async () => {
  files = await buildAddins({ outDir, publicBaseUrl: "http://localhost/addin" });
  server = serve({ fetch: createFakeApi(outDir).app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
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
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("built add-in", () => {
  it("keeps the task pane small and MSAL out of its first load", () => {
    const pane = files.find((f) => f.path === "taskpane.js");
    expect(pane?.gzipBytes).toBeLessThan(20_000);
    const largest = [...files].sort((a, b) => b.bytes - a.bytes)[0];
    expect(largest?.path).toMatch(/^chunks\//);
    for (const name of [
      "taskpane.html",
      "taskpane.css",
      "commands.html",
      "commands.js",
      "dev-host.html",
      "google-card.html",
      "manifest.xml",
      "manifest.json",
      "assets/icon-80.png",
    ])
      expect(existsSync(join(outDir, name)), name).toBe(true);
  });

  it("in the dev host: shows the meeting's suggestions, dismisses one that stays gone after reload, opens the draft", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${base}/addin/dev-host.html?eventId=evt-sample&email=maya@contoso.example`);
    const titles = page.locator(".rp-suggestion-title");
    await expect.poll(() => titles.allTextContents()).toContain("Let Dana know Sam is joining");

    await page.locator('[data-suggestion-id="sug_reconnect"] [data-action="dismiss"]').click();
    await expect.poll(() => page.locator(".rp-status").textContent()).toContain("Dismissed");
    await page.reload();
    await expect.poll(() => titles.count()).toBeGreaterThan(0);
    expect(await titles.allTextContents()).not.toContain("You last met Dana 41 days ago");

    await page.getByRole("button", { name: "Let them know" }).click();
    await expect
      .poll(() => page.locator('#dh-drafts [data-field="to"]').textContent())
      .toBe("dana@northwind.example");
    await page.close();
  });

  it("is usable from the keyboard: Tab reaches the actions and Enter runs them", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/addin/dev-host.html?eventId=evt-sample&email=maya@contoso.example`);
    await page.locator(".rp-suggestion").first().waitFor();
    let reached = "";
    for (let i = 0; i < 12 && reached !== "Let them know"; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.textContent ?? "");
    }
    expect(reached).toBe("Let them know");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#dh-drafts").isVisible()).toBe(true);
    await page.close();
  });

  it("renders the Google card JSON in the preview page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/addin/google-card.html?eventId=evt-sample&email=maya@contoso.example`);
    await expect
      .poll(() => page.locator(".gc-title").textContent())
      .toBe("Northwind renewal – pricing review");
    // An earlier test dismissed one of the four sample suggestions; the card reflects the API's state.
    expect(await page.locator(".gc-section-header").allTextContents()).toEqual([
      "Suggestions (3)",
      "Attendees (3)",
    ]);
    await page.close();
  });
});
