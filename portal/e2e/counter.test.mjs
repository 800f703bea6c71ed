// End-to-end tests of the counter (redeem, void, figures, a retry after a
// lost answer keeping its Idempotency-Key), the integrity list, and the one
// flow across the widget and the portal: the cardholder opens a code in the
// widget's "My card" view and the merchant enters its QR payload at the
// counter. Headless Chromium against the real backend with the demo data
// (its own fresh SQLite file). Waits are conditions with deadlines, never
// sleeps.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, shot } from "../../frontend/e2e/browser.mjs";
import { until } from "../../frontend/e2e/server.mjs";
import { announced, horizontalOverflow, openPage, signIn, startPortalServer, watch } from "./helpers.mjs";

// Demo cards (backend/src/demo/cards.csv): one person holding a Liwan A card
// (and a Youyue A card), and a Liwan C card of someone else.
// Their second factor: the ID number's last 4 and the birth date inside it.
const CHEN = { number: "LW2026000014", last4: "0014", born: "1990-01-01", name: "陈小荔" };
const ZHOU = { number: "LW2026000030", last4: "0032", born: "1992-02-02", name: "周敏" };
const LI = { number: "LW2026000022", last4: "0023", born: "1985-05-05", name: "李文" };

let server;
let browser;
// merchant1's browser context, signed in once: sign-ins are throttled per
// account (a burst of 5), and every test here works at merchant1's counter.
let merchant;

before(async () => {
  server = await startPortalServer();
  browser = await launch();
  merchant = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await merchant.newPage();
  await page.goto(`${server.base}/portal/#/login`);
  await signIn(page, "merchant1@demo.linan");
  await page.locator("h1", { hasText: "我的优惠" }).waitFor({ timeout: 20000 });
  await page.close();
});

after(async () => {
  await merchant?.close();
  await browser?.close();
  await server?.stop();
});

const newPage = (width) => openPage(browser, width);

/** A page of the signed-in merchant1. */
async function merchantPage() {
  return watch(await merchant.newPage());
}

async function json(path, init = {}) {
  const response = await fetch(`${server.base}${path}`, init);
  const body = await response.json();
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** The partner id of merchant1. */
async function merchantPartner() {
  const response = await merchant.request.get(`${server.base}/api/v1/auth/me`);
  assert.equal(response.status(), 200);
  return (await response.json()).account.partner_id;
}

/** A cardholder's bearer token. */
async function cardholderToken(card) {
  const session = await json("/api/v1/cardholder/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ card_number: card.number, id_last4: card.last4, birth_date: card.born }),
  });
  return session.token;
}

/** A fresh counter code of `card`, as the cardholder API issues it. */
async function counterCode(card) {
  const token = await cardholderToken(card);
  return json("/api/v1/cardholder/code", { headers: { authorization: `Bearer ${token}` } });
}

/** Opens merchant1's counter through the menu. */
async function openCounter(page) {
  await page.goto(`${server.base}/portal/#/offers`);
  await page.locator("h1", { hasText: "我的优惠" }).waitFor({ timeout: 20000 });
  await page.getByRole("link", { name: "柜台核销" }).click();
  await page.locator("h1", { hasText: "柜台核销" }).waitFor({ timeout: 15000 });
  assert.equal(new URL(page.url()).hash, "#/counter");
}

/** Checks a card by number and second factor, submitting with Enter; waits for its heading. */
async function checkCard(page, card) {
  await page.locator("#counter-card-number").fill(card.number);
  await page.locator("#counter-id-last4").fill(card.last4);
  await page.locator("#counter-birth-date").fill(card.born);
  await page.locator("#counter-birth-date").press("Enter");
  await page.locator("#counter-card-title", { hasText: card.name }).waitFor({ timeout: 15000 });
}

/** The first offer on the desk with a "Redeem" button: its item (found by id from then on), id and button. */
async function usableOffer(page) {
  const first = page.locator("li.counter-offer", { has: page.getByRole("button", { name: /^核销：/ }) }).first();
  await first.waitFor({ timeout: 15000 });
  const id = Number(await first.getAttribute("data-id"));
  const item = page.locator(`li.counter-offer[data-id="${id}"]`);
  return { item, id, button: item.getByRole("button", { name: /^核销：/ }) };
}

/** The facts of an offer on the desk, by label. */
async function facts(item) {
  const lines = await item.locator(".facts li").allTextContents();
  return Object.fromEntries(lines.map((line) => line.split("："))); // zh-CN: "label：value"
}

test("the counter redeems with a card number and its holder's factor, voids with a reason, and the figures count it", async () => {
  const page = await merchantPage();
  await openCounter(page);
  await checkCard(page, CHEN);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "counter-card-title", "focus moves to the card");
  const card = page.locator(".counter-card");
  assert.match(await card.textContent(), /LW2026000014/);
  assert.match(await card.locator(".badge").first().textContent(), /有效/);
  assert.equal(await page.locator("#counter-card-number").inputValue(), "", "the form is ready for the next customer");

  const offer = await usableOffer(page);
  const before = await facts(offer.item);
  assert.equal(before["适用方式"], "直接适用");
  const usesBefore = Number(before["剩余次数"].match(/^(\d+)/)[1]);

  // Redeem with the keyboard.
  await offer.button.focus();
  await page.keyboard.press("Enter");
  await announced(page, "已核销。");
  const done = page.locator(".done article.redemption");
  await done.waitFor({ timeout: 15000 });
  const redemptionId = Number(await done.getAttribute("data-id"));
  assert.ok(redemptionId > 0);
  await until(async () => Number((await facts(offer.item))["剩余次数"].match(/^(\d+)/)[1]) === usesBefore - 1, 15000, "the quota to go down");

  // It is in the recent list; void it there, a reason being required.
  const recent = page.locator(`.recent article.redemption[data-id="${redemptionId}"]`);
  await recent.waitFor({ timeout: 15000 });
  await recent.getByRole("button", { name: "作废", exact: true }).click();
  const reason = recent.getByLabel(/作废原因/);
  await reason.waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "TEXTAREA", "focus moves to the reason");
  await recent.getByRole("button", { name: "确定作废" }).click();
  await recent.locator(".field-error", { hasText: "必须写明原因" }).waitFor({ timeout: 5000 });
  await reason.fill("收银员误操作 <b>e2e</b>");
  await recent.getByRole("button", { name: "确定作废" }).click();
  await announced(page, "已作废。");
  const voided = page.locator(`.recent article.redemption[data-id="${redemptionId}"][data-voided="true"]`);
  await voided.locator(".badge", { hasText: "已作废" }).waitFor({ timeout: 15000 });
  await voided.locator(".reason", { hasText: "收银员误操作 <b>e2e</b>" }).waitFor({ timeout: 5000 });
  assert.equal(await voided.getByRole("button", { name: "作废", exact: true }).count(), 0, "a voided redemption cannot be voided again");
  await page.locator(".done article.redemption[data-voided=\"true\"]").waitFor({ timeout: 5000 });
  assert.equal(await page.locator("main b").count(), 0, "the reason's markup stays text");

  // The void gave the use back; redeem once more (a new press, a new key) and keep it, for the figures.
  await until(async () => Number((await facts(offer.item))["剩余次数"].match(/^(\d+)/)[1]) === usesBefore, 15000, "the quota to come back");
  await offer.button.click();
  await announced(page, "已核销。");
  await until(async () => Number(await page.locator(".done article.redemption").getAttribute("data-id")) !== redemptionId, 15000, "a second redemption");
  await shot(page, "portal-counter");

  // 320 px: no horizontal scrolling.
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok((await horizontalOverflow(page)) <= 0, "no horizontal scroll at 320 px on the counter");
  await shot(page, "portal-counter-320px");

  // The figures: one redemption of the offer today (the voided one does not count), one place fewer.
  const detail = await json(`/api/v1/benefits/${offer.id}`);
  await page.getByRole("link", { name: "核销统计" }).click();
  await page.locator("h1", { hasText: "核销统计" }).waitFor({ timeout: 15000 });
  const day = page.locator(`table.days tr[data-id="${offer.id}"]`).first();
  await day.waitFor({ timeout: 15000 });
  assert.equal((await day.locator("td.num").textContent()).trim(), "1");
  const stock = page.locator(`table.stock tr[data-id="${offer.id}"]`);
  const [daily, left] = (await stock.locator("td.num").allTextContents()).map(Number);
  assert.equal(left, daily - 1, `stock of ${detail.title}`);
  assert.ok((await horizontalOverflow(page)) <= 0, "no horizontal scroll at 320 px on the figures");
  await shot(page, "portal-figures-320px");
  assert.deepEqual(page.dialogs, [], "voiding asks in the page, not in a dialog");
  assert.deepEqual(page.violations, []);
  await page.close();
});

test("a QR payload is accepted at the counter and spent by one redemption", async () => {
  const code = await counterCode(CHEN);
  assert.match(code.qr, /^LN1\./);
  const page = await merchantPage();
  await openCounter(page);
  // A scanner types the payload and presses Enter, as fast as it can.
  await page.locator("#counter-code").focus();
  await page.keyboard.type(code.qr);
  await page.keyboard.press("Enter");
  await page.locator("#counter-card-title", { hasText: CHEN.name }).waitFor({ timeout: 15000 });
  const offer = await usableOffer(page);
  await offer.button.click();
  await announced(page, "已核销。");
  await page.locator(".counter-card .note", { hasText: "核销码已经使用" }).waitFor({ timeout: 15000 });
  assert.equal(await page.getByRole("button", { name: /^核销：/ }).count(), 0, "a spent code redeems nothing more");

  // The same payload again is refused, in the counter's words.
  await page.locator("#counter-code").fill(code.qr);
  await page.locator("#counter-form button[type=submit]").click();
  await page.locator("#counter-form .form-alert", { hasText: "核销码无效、已过期或已使用" }).waitFor({ timeout: 15000 });
  // A wrong second factor is said as such, not as a wrong password.
  await page.locator("#counter-code").fill("");
  await page.locator("#counter-card-number").fill(CHEN.number);
  await page.locator("#counter-id-last4").fill("9999");
  await page.locator("#counter-birth-date").fill(CHEN.born);
  await page.locator("#counter-form button[type=submit]").click();
  await page.locator("#counter-form .form-alert", { hasText: "卡号与身份证后四位或出生日期不符" }).waitFor({ timeout: 15000 });
  await page.close();
});

test("a redemption whose answer was lost is retried with the same key and recorded once", async () => {
  const page = await merchantPage();
  await openCounter(page);
  await checkCard(page, LI);
  const offer = await usableOffer(page);
  const usesBefore = Number((await facts(offer.item))["剩余次数"].match(/^(\d+)/)[1]);
  // The first request reaches the server, but its answer never reaches the page.
  const keys = [];
  await page.route((url) => url.pathname === "/api/v1/redemptions", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length > 1) return route.continue();
    await route.fetch();
    await route.abort("failed");
  });
  await offer.button.click();
  await offer.item.locator(".form-alert", { hasText: "无法连接服务器" }).waitFor({ timeout: 15000 });
  await offer.button.click();
  await announced(page, "已核销。");
  const done = page.locator(".done article.redemption");
  await done.waitFor({ timeout: 15000 });
  assert.equal(keys.length, 2);
  assert.match(keys[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(keys[1], keys[0], "the retry resends the key");
  const recent = page.locator(".recent article.redemption", { hasText: LI.number });
  await recent.first().waitFor({ timeout: 15000 });
  assert.equal(await recent.count(), 1, "one redemption, not two");
  assert.equal(await recent.first().getAttribute("data-id"), await done.getAttribute("data-id"));

  // A new press is a new attempt, with a new key (once the desk shows the quota as it is now).
  await until(async () => Number((await facts(offer.item))["剩余次数"].match(/^(\d+)/)[1]) === usesBefore - 1, 15000, "the refreshed quota");
  const next = await usableOffer(page);
  await next.button.click();
  await until(async () => (await recent.count()) === 2, 15000, "a second redemption");
  assert.equal(keys.length, 3);
  assert.notEqual(keys[2], keys[0]);
  await page.close();
});

test("one flow across both: the code the widget shows is redeemed at the counter", async (t) => {
  const partnerId = await merchantPartner();
  // A benefit of merchant1's partner that the card can use now.
  const token = await cardholderToken(CHEN);
  const reached = await json("/api/v1/cardholder/benefits?lang=zh-CN", { headers: { authorization: `Bearer ${token}` } });
  const usable = reached.items.filter((i) => i.benefit.partner.id === partnerId && !i.refusal);
  assert.ok(usable.length > 0, "the demo gives 陈小荔 a usable benefit at merchant1's partner");

  const widget = await newPage();
  let tab;
  for (const path of ["/embed?lang=zh-CN", "/"]) {
    await widget.goto(`${server.base}${path}`);
    await widget.locator(".lw-item").first().waitFor({ timeout: 20000 });
    tab = widget.getByRole("button", { name: /我的卡/ }).first();
    if ((await tab.count()) > 0) break;
  }
  if ((await tab.count()) === 0) {
    await widget.close();
    t.skip("the widget has no 我的卡 (My card) view yet: nothing shows a counter code to enter");
    return;
  }
  await tab.click();
  // "My card" runs in a frame of our origin that the widget opens with its tab.
  await widget.locator("iframe.lw-frame").first().waitFor({ timeout: 20000 });
  const card = widget.frameLocator("iframe.lw-frame").first();
  await card.getByLabel("卡号", { exact: true }).fill(CHEN.number);
  await card.getByLabel("身份证号后四位").fill(CHEN.last4);
  await card.getByLabel("出生日期").fill(CHEN.born);
  await card.getByLabel("出生日期").press("Enter");
  // Pick the first usable one that the list shows, by id.
  const item = await until(async () => {
    for (const { benefit } of usable) {
      const candidate = card.locator(`li.lw-card-item[data-id="${benefit.id}"]`, { has: card.locator("button:not([disabled])") }).last();
      if ((await candidate.count()) > 0) return { candidate, benefit };
    }
    return null;
  }, 20000, "a usable benefit of merchant1's partner in My card");
  await item.candidate.getByRole("button").filter({ hasNot: card.locator("[disabled]") }).last().click();
  const qr = card.locator("[data-qr-payload]").first();
  await qr.waitFor({ timeout: 15000 });
  const payload = await qr.getAttribute("data-qr-payload");
  const numeric = await card.locator("[data-counter-code]").first().getAttribute("data-counter-code");
  assert.match(payload, /^LN1\.\d{8}\./);
  assert.match(numeric, /^\d{8}$/);
  assert.equal(payload.split(".")[1], numeric, "the QR carries the numeric code");
  await shot(widget, "cross-flow-widget-code");

  const counter = await merchantPage();
  await openCounter(counter);
  await counter.locator("#counter-code").fill(payload);
  await counter.locator("#counter-code").press("Enter");
  await counter.locator("#counter-card-title", { hasText: CHEN.name }).waitFor({ timeout: 15000 });
  const offer = counter.locator(`li.counter-offer[data-id="${item.benefit.id}"]`);
  await offer.waitFor({ timeout: 15000 });
  await offer.getByRole("button", { name: /^核销：/ }).click();
  await announced(counter, "已核销。");
  const done = counter.locator(".done article.redemption");
  await done.waitFor({ timeout: 15000 });
  assert.match(await done.textContent(), /LW2026000014/);
  const redemptionId = Number(await done.getAttribute("data-id"));
  await counter.locator(".counter-card .note", { hasText: "核销码已经使用" }).waitFor({ timeout: 15000 });
  await shot(counter, "cross-flow-counter-redeemed");

  // The cardholder's own history shows it.
  const history = await json("/api/v1/cardholder/redemptions", { headers: { authorization: `Bearer ${token}` } });
  assert.ok(history.items.some((r) => r.id === redemptionId && r.benefit_id === item.benefit.id), "in the cardholder's history");
  await widget.close();
  await counter.close();
});

test("an admin suspends a card on the integrity list, and the counter refuses it in every language", async () => {
  const admin = await newPage();
  await admin.goto(`${server.base}/portal/#/login`);
  await signIn(admin, "liwan-admin@demo.linan");
  await admin.locator("h1", { hasText: "商户审核" }).waitFor({ timeout: 15000 });
  await admin.getByRole("link", { name: "诚信清单" }).click();
  await admin.locator("h1", { hasText: "诚信清单" }).waitFor({ timeout: 15000 });
  await admin.locator("#integrity-number").fill(ZHOU.number);
  assert.equal(await admin.locator("#integrity-action").inputValue(), "suspend");
  await admin.locator("#integrity-form button[type=submit]").click();
  await admin.locator("#integrity-form .field-error", { hasText: "暂停时必须写明原因" }).waitFor({ timeout: 5000 });
  await admin.locator("#integrity-reason").fill("多次转借他人使用");
  await admin.locator("#integrity-form button[type=submit]").click();
  await admin.locator(".integrity-done", { hasText: "暂停这张卡" }).waitFor({ timeout: 15000 });
  assert.match(await admin.locator(".integrity-done").textContent(), /LW2026000030/);
  // Again: the API says it is suspended already.
  await admin.locator("#integrity-form button[type=submit]").click();
  await admin.locator("#integrity-form .form-alert", { hasText: "已经是这个状态" }).waitFor({ timeout: 15000 });
  // A card of the other district is not this admin's.
  await admin.locator("#integrity-number").fill("YF202600000022");
  await admin.locator("#integrity-form button[type=submit]").click();
  await admin.locator("#integrity-form .form-alert", { hasText: "不属于您管辖的区" }).waitFor({ timeout: 15000 });
  await shot(admin, "portal-integrity");
  await admin.setViewportSize({ width: 320, height: 800 });
  assert.ok((await horizontalOverflow(admin)) <= 0, "no horizontal scroll at 320 px on the integrity list");
  assert.deepEqual(admin.violations, []);
  await admin.close();

  const page = await merchantPage();
  await openCounter(page);
  await checkCard(page, ZHOU);
  await page.locator(".counter-card .badge", { hasText: "已暂停使用" }).waitFor({ timeout: 5000 });
  const refused = page.locator('li.counter-offer .refusal[data-refusal="card_suspended"]').first();
  await refused.waitFor({ timeout: 15000 });
  assert.equal((await refused.textContent()).trim(), "不可核销：此卡已被暂停使用");
  assert.equal(await page.getByRole("button", { name: /^核销：/ }).count(), 0, "a suspended card gets no redeem button");
  await page.locator("#lang-select").selectOption("zh-HK");
  await until(async () => (await refused.textContent()).trim() === "不可核銷：此卡已被暫停使用", 15000, "the zh-HK refusal");
  await page.locator("#lang-select").selectOption("en");
  await until(async () => (await refused.textContent()).trim() === "Cannot redeem: This card is suspended", 15000, "the English refusal");
  // The offers' own texts follow the language too (the counter asks again).
  const title = (await json(`/api/v1/benefits/${await refused.locator("xpath=ancestor::li[1]").getAttribute("data-id")}?lang=en`)).title;
  await page.locator("li.counter-offer h3", { hasText: title }).waitFor({ timeout: 15000 });
  await shot(page, "portal-counter-suspended");
  await page.locator("#lang-select").selectOption("zh-CN"); // the choice is remembered by merchant1's context
  await page.close();
});
