// End-to-end tests of the merchant and admin portal in headless Chromium,
// against the real backend (demo data, fresh SQLite file) serving the built
// portal from portal/dist. Reuses the widget's server and browser helpers
// (and through them frontend/node_modules' playwright-core). Waits are
// conditions with deadlines, never sleeps.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, shot } from "../../frontend/e2e/browser.mjs";
import { until } from "../../frontend/e2e/server.mjs";
import { DEMO_PASSWORD, announced, horizontalOverflow, openPage, signIn, startPortalServer } from "./helpers.mjs";

const PARTNER_MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>";
const TITLE_MARKUP = "<b>bold</b><script>alert(3)</script>";

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

const newPage = (width) => openPage(browser, width);

/** Asserts that `payload` is on the page as text and created no element. */
async function assertInert(page, payload) {
  const found = await page.evaluate((payload) => ({
    asText: document.body.textContent.includes(payload),
    images: document.querySelectorAll("img").length,
    inlineScripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
    bold: document.querySelectorAll("b").length,
  }), payload);
  assert.deepEqual(found, { asText: true, images: 0, inlineScripts: 0, bold: 0 }, payload);
}

/** Writes an offer titled `title` on the merchant's new-offer page, saves and submits it; its id. */
async function submitOffer(page, title, token) {
  await page.getByRole("link", { name: "新建优惠" }).click();
  await page.locator("#offer-category").selectOption("merchant_offer");
  await page.locator("#offer-title-zh-CN").fill(title);
  await page.locator("#offer-title-en").fill(`Lychee tea ${token}`);
  await page.locator("#offer-summary-zh-CN").fill("持卡人茶饮八折");
  await page.locator("#offer-description-zh-CN").fill("到店出示人才卡，茶饮八折。");
  await page.locator("#offer-terms-zh-CN").fill("每人每天限一次。");
  await page.locator("#offer-gives-value").fill("20");
  await page.locator("#offer-tier-liwan_talent").selectOption("C");
  await page.locator("#offer-form button[type=submit]").click();
  await announced(page, "草稿已保存。");
  await page.locator("h1", { hasText: token }).waitFor({ timeout: 15000 });
  const id = Number(new URL(page.url()).hash.match(/^#\/offers\/(\d+)$/)?.[1]);
  assert.ok(id > 0, page.url());
  await page.getByRole("button", { name: "提交审核" }).click();
  await announced(page, "已提交审核。");
  await page.locator("main .badge", { hasText: "待审核" }).first().waitFor({ timeout: 15000 });
  return id;
}

test("the page is served with its policy and loads under it", async () => {
  const response = await fetch(`${server.base}/portal`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval'/);
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await page.locator("#login-email").waitFor({ timeout: 20000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.equal(await page.locator("h1").textContent(), "登录");
  assert.deepEqual(page.violations, []);
  await page.close();
});

test("the login form works with the keyboard alone, with a visible focus", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await page.locator("#login-email").waitFor({ timeout: 20000 });
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  for (let i = 0; i < 20 && (await focused()) !== "login-email"; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), "login-email", "Tab reaches the email field");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "the focused field shows a focus ring");
  await page.keyboard.type("nanhai-admin@demo.linan");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "login-password");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "商户审核" }).waitFor({ timeout: 15000 });
  assert.equal(new URL(page.url()).hash, "#/review/partners");
  await shot(page, "portal-keyboard-login");
  await page.close();
});

test("a wrong password is refused with a message next to the form", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await signIn(page, "merchant1@demo.linan", "not-the-password");
  await page.locator("#login-form .form-alert", { hasText: "邮箱或密码不正确" }).waitFor({ timeout: 15000 });
  await page.close();
});

test("the language choice is kept across reloads", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await page.locator("#lang-select").selectOption("en");
  await page.locator("h1", { hasText: "Sign in" }).waitFor({ timeout: 15000 });
  await page.reload();
  await page.locator("h1", { hasText: "Sign in" }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.locator("#lang-select").selectOption("zh-HK");
  await page.locator("h1", { hasText: "登入" }).waitFor({ timeout: 15000 });
  await page.close();
});

test("a new merchant's offer goes from sign-up through review to the public catalogue, its markup staying text", async () => {
  const token = `e2e${Date.now().toString(36)}`;
  const partnerName = `荔湾茶楼 ${token} ${PARTNER_MARKUP}`;
  const title = `${TITLE_MARKUP}荔枝茶 ${token}`;

  // Sign up, registering a Liwan partner.
  const merchant = await newPage();
  await merchant.goto(`${server.base}/portal/#/signup`);
  await merchant.locator("#signup-email").fill(`${token}@example.com`);
  await merchant.locator("#signup-password").fill("e2e-password-2026");
  await merchant.locator("#partner-name-zh-CN").fill(partnerName);
  await merchant.locator("#partner-district").selectOption("liwan");
  await merchant.locator("#partner-address-zh-CN").fill("荔湾区恩宁路 1 号");
  await merchant.locator("#partner-lat").fill("23.1256");
  await merchant.locator("#partner-lon").fill("113.2443");
  assert.equal(await merchant.locator("#partner-district").inputValue(), "liwan", "the menu shows the choice after re-rendering");
  await merchant.locator("#signup-form button[type=submit]").click();
  await merchant.locator("h1", { hasText: "我的优惠" }).waitFor({ timeout: 15000 });
  assert.equal(new URL(merchant.url()).hash, "#/offers");

  // Write an offer in two languages, save it as a draft and submit it.
  const offerId = await submitOffer(merchant, title, token);
  await assertInert(merchant, TITLE_MARKUP);

  // The list at 320 px: one column, no horizontal scrolling.
  await merchant.setViewportSize({ width: 320, height: 800 });
  await merchant.getByRole("link", { name: "返回我的优惠" }).click();
  await merchant.locator(`li.offer[data-id="${offerId}"]`).waitFor({ timeout: 15000 });
  assert.ok((await horizontalOverflow(merchant)) <= 0, "no horizontal scroll at 320 px on the offers page");
  await shot(merchant, "portal-offers-320px");
  await merchant.goto(`${server.base}/portal/#/partner`);
  await merchant.locator("#partner-form").waitFor({ timeout: 15000 });
  assert.ok((await horizontalOverflow(merchant)) <= 0, "no horizontal scroll at 320 px on the partner form");
  await merchant.setViewportSize({ width: 1200, height: 900 });

  // Sign out.
  await merchant.getByRole("button", { name: "退出登录" }).click();
  await merchant.locator("#login-email").waitFor({ timeout: 15000 });
  await announced(merchant, "已退出登录。");

  // The Liwan district admin approves the partner, then the offer.
  await signIn(merchant, "liwan-admin@demo.linan");
  await merchant.locator("h1", { hasText: "商户审核" }).waitFor({ timeout: 15000 });
  const partnerItem = merchant.locator("article", { hasText: token });
  await partnerItem.waitFor({ timeout: 15000 });
  await assertInert(merchant, PARTNER_MARKUP);
  await shot(merchant, "portal-review-partners");
  await partnerItem.getByRole("button", { name: "通过", exact: true }).click();
  await announced(merchant, "已通过。");
  await partnerItem.waitFor({ state: "detached", timeout: 15000 });

  await merchant.getByRole("link", { name: "优惠审核" }).click();
  const offerItem = merchant.locator("article", { hasText: token });
  await offerItem.waitFor({ timeout: 15000 });
  await assertInert(merchant, TITLE_MARKUP);
  await shot(merchant, "portal-review-offers");
  await offerItem.getByRole("button", { name: "通过", exact: true }).click();
  await announced(merchant, "已通过。");
  await offerItem.waitFor({ state: "detached", timeout: 15000 });

  // The offer is public (the catalogue's version poll may take a moment).
  const found = await until(async () => {
    const response = await fetch(`${server.base}/api/v1/benefits?q=${encodeURIComponent(token)}`);
    const page = await response.json();
    return page.items?.find((b) => b.id === offerId);
  }, 15000, "the offer in the public catalogue");
  assert.equal(found.title, title);
  assert.equal(found.partner.name, partnerName);

  // The audit log shows both decisions.
  await merchant.getByRole("link", { name: "审计日志" }).click();
  await merchant.locator("li.audit-event", { hasText: "offer.approve" }).first().waitFor({ timeout: 15000 });
  await merchant.locator("li.audit-event", { hasText: "partner.approve" }).first().waitFor({ timeout: 15000 });
  await merchant.setViewportSize({ width: 320, height: 800 });
  await merchant.locator("li.audit-event details").first().evaluate((d) => (d.open = true));
  assert.ok((await horizontalOverflow(merchant)) <= 0, "no horizontal scroll at 320 px in the audit log");
  await shot(merchant, "portal-audit-320px");

  assert.deepEqual(merchant.dialogs, [], "no script ran from the payloads");
  assert.deepEqual(merchant.violations, [], "no Content-Security-Policy violation");
  await merchant.close();
});

test("signing up with a registered email shows the API's refusal above the form", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/signup`);
  await page.locator("#signup-email").fill("merchant1@demo.linan");
  await page.locator("#signup-password").fill("e2e-password-2026");
  await page.locator("#partner-name-zh-CN").fill("重复注册");
  await page.locator("#partner-district").selectOption("nanhai");
  await page.locator("#partner-address-zh-CN").fill("南海区桂城");
  await page.locator("#partner-lat").fill("23.03");
  await page.locator("#partner-lon").fill("113.15");
  await page.locator("#signup-form button[type=submit]").click();
  const alert = page.locator("#signup-form .form-alert[role=alert]");
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.textContent(), /冲突|邮箱/);
  assert.equal(await page.evaluate(() => document.activeElement?.className), "form-alert", "focus moves to the error");
  await page.close();
});

test("a reviewer must give a reason to reject, and the merchant reads it", async () => {
  const token = `e2e${Date.now().toString(36)}r`;
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await signIn(page, "merchant1@demo.linan");
  await page.locator("h1", { hasText: "我的优惠" }).waitFor({ timeout: 15000 });
  const offerId = await submitOffer(page, `荔枝茶 ${token}`, token);
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.locator("#login-email").waitFor({ timeout: 15000 });

  await signIn(page, "liwan-admin@demo.linan");
  await page.getByRole("link", { name: "优惠审核" }).click();
  const item = page.locator("article", { hasText: token });
  await item.waitFor({ timeout: 15000 });
  await item.getByRole("button", { name: "拒绝", exact: true }).click();
  await item.locator(".field-error", { hasText: "必须写明原因" }).waitFor({ timeout: 5000 });
  const reason = `标题请写明门店 <i>${token}</i>`;
  await item.getByLabel(/原因/).fill(reason);
  await item.getByRole("button", { name: "拒绝", exact: true }).click();
  await announced(page, "已拒绝。");
  await item.waitFor({ state: "detached", timeout: 15000 });
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.locator("#login-email").waitFor({ timeout: 15000 });

  await signIn(page, "merchant1@demo.linan");
  const card = page.locator(`li.offer[data-id="${offerId}"]`);
  await card.waitFor({ timeout: 15000 });
  await card.locator(".reason", { hasText: reason }).waitFor({ timeout: 5000 });
  await card.locator(".badge", { hasText: "草稿" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("main i").count(), 0, "the reason's markup stays text");
  await shot(page, "portal-rejected-offer");
  assert.deepEqual(page.dialogs, []);
  await page.close();
});

test("a published offer's edit waits for review while the public version stays; pause, resume, withdraw", async () => {
  const token = `e2e${Date.now().toString(36)}p`;
  const page = await newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await signIn(page, "merchant1@demo.linan");
  const published = page.locator("li.offer", { has: page.locator(".badge", { hasText: "已发布" }) }).first();
  await published.waitFor({ timeout: 15000 });
  const id = Number(await published.getAttribute("data-id"));
  const before = await (await fetch(`${server.base}/api/v1/benefits/${id}?lang=zh-CN`)).json();
  await published.getByRole("link").click();
  await page.locator("#offer-form").waitFor({ timeout: 15000 });
  await page.locator("#offer-form .note", { hasText: "需要重新审核" }).waitFor({ timeout: 5000 });

  await page.locator("#offer-title-zh-CN").fill(`修改后的标题 ${token}`);
  await page.locator("#offer-form button[type=submit]").click();
  await announced(page, "已保存。");
  await page.locator("#offer-revision-title", { hasText: "修改待审核" }).waitFor({ timeout: 15000 });
  assert.equal(await page.locator("#offer-title-zh-CN").inputValue(), `修改后的标题 ${token}`, "the form holds the edit");
  const after = await (await fetch(`${server.base}/api/v1/benefits/${id}?lang=zh-CN`)).json();
  assert.equal(after.title, before.title, "the public version stays until the edit is approved");

  await page.getByRole("button", { name: "暂停", exact: true }).click();
  await announced(page, "已暂停。");
  await page.locator("main .badge", { hasText: "已暂停" }).waitFor({ timeout: 15000 });
  await page.getByRole("button", { name: "恢复", exact: true }).click();
  await announced(page, "已恢复。");
  await page.locator("main .badge", { hasText: "已发布" }).waitFor({ timeout: 15000 });

  await page.getByRole("button", { name: "撤回", exact: true }).click();
  await page.getByText("确定撤回这项优惠吗").waitFor({ timeout: 5000 });
  await page.getByRole("button", { name: "确定撤回" }).click();
  await announced(page, "已撤回。");
  await page.locator("main .badge", { hasText: "已撤回" }).waitFor({ timeout: 15000 });
  await page.locator("main .note", { hasText: "不能再修改" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("#offer-form").count(), 0, "a withdrawn offer has no form");
  await until(async () => (await fetch(`${server.base}/api/v1/benefits/${id}`)).status === 404, 15000, "the withdrawn offer to leave the catalogue");
  assert.deepEqual(page.dialogs, [], "confirming happens in the page, not in a dialog");
  await page.close();
});
