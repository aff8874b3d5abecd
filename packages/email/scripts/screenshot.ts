/**
 * Renders the briefing and the weekly report with the sample views and shoots them in headless
 * Chromium at desktop (1200 px) and phone (390 px) widths into docs/screenshots/.
 * Run: `pnpm tsx packages/email/scripts/screenshot.ts` (needs /usr/bin/chromium).
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { renderBriefing, renderWeeklyReport } from "../src/index.ts";
import { sampleBriefing, sampleWeeklyReport } from "../test/samples.ts";

const OUT = resolve(import.meta.dirname, "../../../docs/screenshots");
const WIDTHS = { desktop: 1200, phone: 390 } as const;

const emails = {
  "email-briefing": (await renderBriefing(sampleBriefing())).html,
  "email-weekly-report": (await renderWeeklyReport(sampleWeeklyReport())).html,
};

await mkdir(OUT, { recursive: true });
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
  for (const [name, html] of Object.entries(emails)) {
    for (const [device, width] of Object.entries(WIDTHS)) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
      // The emails reference nothing external; block the network to prove it.
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load" });
      const file = join(OUT, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await page.close();
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
