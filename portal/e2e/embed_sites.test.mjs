// End-to-end test of the embed-site registry in the portal, in headless
// Chromium against the real backend (demo data, fresh SQLite file): a
// district admin registers a site (its markup-laden name shown as text),
// opens its snippet, changes the language, copies the two lines, and sees
// the figures' empty state. Waits are conditions with deadlines, never sleeps.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch } from "../../frontend/e2e/browser.mjs";
import { until } from "../../frontend/e2e/server.mjs";
import { announced, signIn, startPortalServer } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await startPortalServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a district admin registers a site and copies its snippet", async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
  const page = await context.newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await signIn(page, "nanhai-admin@demo.linan");
  await page.locator("nav a[href='#/embed-sites']").click();
  await page.locator("#embed-new").click();
  const name = "南海人才网 <b>e2e</b>";
  await page.locator("#embed-name").fill(name);
  await page.locator("#embed-origins").fill("HTTPS://WWW.NH-E2E.gov.cn:443/");
  await page.locator("#embed-contact").fill("网站科");
  await page.locator("#embed-site-form button[type=submit]").click();
  await announced(page, "已保存");

  const row = page.locator("table.embed-sites tbody tr", { hasText: "e2e" });
  assert.equal(await row.locator("th").textContent(), name, "the name is text, not markup");
  assert.equal(await row.locator("code").textContent(), "https://www.nh-e2e.gov.cn");

  // Saving selects the site: its snippet and figures show.
  const script = page.locator("#snippet-script");
  await script.waitFor({ timeout: 15000 });
  await page.locator("#snippet-lang").selectOption("en");
  const expected =
    `<script type="module" src="${server.base}/widget/linan-benefits.js"></script>\n` +
    `<linan-benefits district="nanhai" lang="en"></linan-benefits>`;
  await page.waitForFunction((want) => document.querySelector("#snippet-script")?.value === want, expected);
  await page.locator("#copy-script").click();
  await page.locator(".embed-snippet [role=status]", { hasText: "已复制" }).waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  assert.match(await page.locator("#snippet-iframe").inputValue(), /\/embed\?district=nanhai&amp;lang=en/);
  assert.match(await page.locator("iframe.embed-preview").getAttribute("src"), /\/embed\?district=nanhai&lang=en$/);
  // The events tab switched off: the attribute in the snippet, the parameter in the preview.
  await page.locator("#snippet-events").selectOption("off");
  await page.waitForFunction(() => document.querySelector("#snippet-script")?.value.includes('lang="en" events="off"></linan-benefits>'));
  await until(async () => /\/embed\?district=nanhai&lang=en&events=off$/.test(await page.locator("iframe.embed-preview").getAttribute("src")), 15000, "the preview without the events tab");
  await page.locator(".embed-figures .empty").waitFor({ timeout: 15000 });
  await context.close();
});
