import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The Outlook task pane end to end: the real local system (DynamoDB Local, emulators, sync,
 * analysis, API) seeded with the demo organization, the built pane in the dev host, headless
 * Debian Chromium. The known meeting is the demo showcase: Sam was added to the Fabrikam renewal
 * review after Dana and Nina accepted (@rapport/demo-data `demoShowcase.unannouncedAttendee`).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshots = join(import.meta.dirname, "..", "..", "docs", "screenshots");

interface ListedSuggestion {
  id: string;
  kind: string;
  title: string;
  meeting?: { provider: string; eventId: string };
}

let system: { apiUrl: string; stop(): Promise<void> };
let browser: Browser;
let user = "";

beforeAll(async () => {
  // Relative imports: the root package does not list workspace packages as dependencies.
  const { startLocalSystem } = await import("../../packages/local/src/system.ts");
  const { demoShowcase } = await import("../../packages/demo-data/src/index.ts");
  user = demoShowcase.user;
  system = await startLocalSystem({ memory: true, port: 0, seedDemo: true });
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
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function showcaseSuggestion(): Promise<ListedSuggestion> {
  const { token } = (await (
    await fetch(`${system.apiUrl}/dev/token?email=${encodeURIComponent(user)}`)
  ).json()) as { token: string };
  const json = (await (
    await fetch(`${system.apiUrl}/api/v1/suggestions`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as ListedSuggestion[] | { suggestions: ListedSuggestion[] };
  const list = Array.isArray(json) ? json : json.suggestions;
  const found = list.find(
    (s) => s.kind === "unannounced_attendee" && s.meeting?.provider === "microsoft" && /Sam/.test(s.title),
  );
  if (!found?.meeting) throw new Error(`no unannounced_attendee suggestion about Sam for ${user}`);
  return found;
}

describe("Outlook task pane against the local system", () => {
  it("shows the known meeting's suggestions, and a dismissed one stays gone after reload", async () => {
    const expected = await showcaseSuggestion();
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const url = `${system.apiUrl}/addin/dev-host.html?eventId=${encodeURIComponent(expected.meeting?.eventId ?? "")}&email=${encodeURIComponent(user)}`;
    await page.goto(url);

    const titles = page.locator(".rp-suggestion-title");
    await expect.poll(() => titles.allTextContents(), { timeout: 15_000 }).toContain(expected.title);
    const card = page.locator(`[data-suggestion-id="${expected.id}"]`);
    expect(await card.getAttribute("data-kind")).toBe("unannounced_attendee");
    expect(await card.getByRole("button", { name: /let .* know|let them know/i }).count()).toBeGreaterThan(0);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "taskpane.png"), fullPage: true });

    await card.locator('[data-action="dismiss"]').click();
    await expect.poll(() => page.locator(".rp-status").textContent()).toContain("Dismissed");
    await page.reload();
    await expect
      .poll(() => page.locator(".rp-pane .rp-section, .rp-pane [role=alert]").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(`[data-suggestion-id="${expected.id}"]`).count()).toBe(0);
    expect(await titles.allTextContents()).not.toContain(expected.title);
    await page.close();
  });
});
