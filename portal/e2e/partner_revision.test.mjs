// End-to-end test of a partner profile edit under review, in headless
// Chromium against the real backend (demo data, fresh SQLite file): an
// approved merchant renames its partner, the page shows the edit awaiting
// review while the public catalogue keeps the old name, the district admin
// sees old and new side by side and approves, and the new name is public.
// Waits are conditions with deadlines, never sleeps.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch } from "../../frontend/e2e/browser.mjs";
import { until } from "../../frontend/e2e/server.mjs";
import { DEMO_PASSWORD, announced, openPage, signIn, startPortalServer } from "./helpers.mjs";

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

/** The partner id of a demo merchant, through the API. */
async function partnerOf(email) {
  const response = await fetch(`${server.base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, bearer: true }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text).account.partner_id;
}

/** The partner's public name, and the partner name on its offers in the catalogue. */
async function publicNames(id) {
  const partner = await (await fetch(`${server.base}/api/v1/partners/${id}?lang=zh-CN`)).json();
  const page = await (await fetch(`${server.base}/api/v1/benefits?partner=${id}&lang=zh-CN`)).json();
  return [partner.name, ...new Set(page.items.map((b) => b.partner.name))];
}

test("a rename waits for review with the old name public, and is public once the admin approves", async () => {
  const token = `e2e${Date.now().toString(36)}n`;
  const newName = `荔湾新店名 ${token}`;
  const id = await partnerOf("merchant1@demo.linan");
  const before = await publicNames(id);
  assert.equal(before.length, 2, `the partner and its offers carry one name: ${before}`);
  const oldName = before[0];

  const page = await openPage(browser);
  await page.goto(`${server.base}/portal/#/partner`);
  await signIn(page, "merchant1@demo.linan");
  await page.locator("#partner-form").waitFor({ timeout: 15000 });
  await page.locator("main .note", { hasText: "需要区管理员审核" }).waitFor({ timeout: 5000 });
  await page.locator("#partner-name-zh-CN").fill(newName);
  await page.locator("#partner-form button[type=submit]").click();
  await announced(page, "已保存。");
  const revision = page.locator("section[aria-labelledby=partner-revision-title]");
  await revision.locator("#partner-revision-title", { hasText: "修改待审核" }).waitFor({ timeout: 15000 });
  await revision.getByText(newName).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("#partner-name-zh-CN").inputValue(), newName, "the form holds the edit");
  assert.deepEqual(await publicNames(id), before, "the catalogue keeps the old name");

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.locator("#login-email").waitFor({ timeout: 15000 });
  await signIn(page, "liwan-admin@demo.linan");
  await page.getByRole("link", { name: "资料修改审核" }).click();
  const item = page.locator(`article[data-id="${id}"]`);
  await item.waitFor({ timeout: 15000 });
  await item.locator("section.proposed").getByText(newName).waitFor({ timeout: 5000 });
  await item.locator("section.live").getByText(oldName).first().waitFor({ timeout: 5000 });
  assert.deepEqual(await publicNames(id), before, "still the old name while the admin looks");
  await item.getByRole("button", { name: "通过", exact: true }).click();
  await announced(page, "已通过。");
  await item.waitFor({ state: "detached", timeout: 15000 });

  await until(async () => (await publicNames(id)).every((n) => n === newName), 15000, "the new name to be public");
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.violations, []);
  await page.close();
});
