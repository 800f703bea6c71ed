// Launches Debian's headless Chromium through playwright-core. Playwright's
// CSS locators pierce open shadow roots, which is how the tests reach inside
// <linan-benefits>.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { repo } from "./server.mjs";

export const artifacts = join(repo, "target/e2e-artifacts");
mkdirSync(artifacts, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Saves a screenshot as a test artifact. */
export async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** A new page of `browser`, `width` px wide, whose script errors are logged. */
export async function newPage(browser, width = 1200) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e));
  return page;
}
