// End-to-end tests of the widget's "My card" view in headless Chromium,
// against the real backend with the demo cards: sign in, what the card
// reaches and why, a counter code redeemed at the counter API, the history,
// sign out; a wrong second factor; the keyboard alone; another origin.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { launch, shot } from "./browser.mjs";
import { startServer, until } from "./server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const LIWAN_A = "LW2026000014";
// The holder's second factor: the ID number's last 4 and the birth date inside it.
const LAST4 = "0014";
const BORN = "1990-01-01";

async function call(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** What the API says the card reaches (through a session of its own). */
async function cardBenefits(number, last4, born, lang) {
  const session = await call("POST", "/api/v1/cardholder/session", { body: { card_number: number, id_last4: last4, birth_date: born } });
  assert.equal(session.status, 200);
  const benefits = await call("GET", `/api/v1/cardholder/benefits?lang=${lang}`, { token: session.json.token });
  await call("DELETE", "/api/v1/cardholder/session", { token: session.json.token });
  return benefits.json.items;
}

async function newPage(width = 1200) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e));
  return page;
}

/** The class and item id of the element focused inside a widget's shadow root. */
function focused(page, host) {
  return page.evaluate((host) => {
    const el = document.querySelector(host).shadowRoot.activeElement;
    return el ? { cls: el.className, name: el.getAttribute("name"), id: el.closest(".lw-card-item")?.dataset.id ?? null } : null;
  }, host);
}

test("a cardholder signs in, sees why, shows a code that the counter accepts, reads the history and signs out", async () => {
  const expected = await cardBenefits(LIWAN_A, LAST4, BORN, "zh-CN");
  const merchant = await call("POST", "/api/v1/auth/login", { body: { email: "merchant2@demo.linan", password: "linan-demo-2026", bearer: true } });
  assert.equal(merchant.status, 200);
  const partner = merchant.json.account.partner_id;
  // A Nanhai benefit of merchant2's partner that a Liwan card reaches through recognition.
  const target = expected.find((i) => i.benefit.partner.id === partner && i.via.kind === "recognition" && !i.refusal);
  assert.ok(target, "the demo gives the Liwan card a usable Nanhai benefit of merchant2's partner");

  const page = await newPage();
  const requests = [];
  page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.goto(`${server.base}/`);
  const w = page.locator("#w1");
  await w.locator(".lw-item").first().waitFor({ timeout: 20000 });
  await w.getByRole("button", { name: /我的卡/ }).click();
  await w.getByLabel("卡号").fill(LIWAN_A);
  await w.getByLabel("身份证号后四位").fill(LAST4);
  await w.getByLabel("出生日期").fill(BORN);
  await w.getByRole("button", { name: "查看我的优惠" }).click();

  await w.locator(".lw-card-item").first().waitFor({ timeout: 20000 });
  assert.equal(await w.locator(".lw-card-item").count(), expected.length, "every benefit the card reaches");
  await until(async () => (await focused(page, "#w1"))?.cls.includes("lw-card-heading"), 5000, "focus on the list heading");
  const item = w.locator(`.lw-card-item[data-id="${target.benefit.id}"]`);
  assert.equal(await item.locator(".lw-via").textContent(), "通过身份互认，视同优粤佛山卡A卡");
  assert.equal(target.benefit.district, "nanhai");
  assert.equal(await item.locator(".lw-cat").textContent(), "南海区");
  const direct = expected.find((i) => i.via.kind === "direct");
  assert.equal(await w.locator(`.lw-card-item[data-id="${direct.benefit.id}"] .lw-via`).textContent(), "本卡直接适用");
  for (const refused of expected.filter((i) => i.refusal)) {
    assert.ok(await w.locator(`.lw-card-item[data-id="${refused.benefit.id}"] .lw-code-btn`).isDisabled(), "a refused benefit has no code");
  }
  if (target.remaining != null) {
    assert.match(await item.locator(".lw-left").textContent(), new RegExp(`还可使用 ${target.remaining} 次`));
  }
  const widgetText = await w.locator(".lw-mycard").textContent();
  assert.ok(!/[A-Za-z]{4,}/.test(widgetText.replace(/LW\d+|YF\d+/g, "")), `no English in the zh-CN view: ${widgetText}`);
  await shot(page, "mycard-list");

  await item.locator(".lw-code-btn").click();
  const qr = w.locator("svg.lw-qr[data-qr-payload]");
  await qr.waitFor({ timeout: 10000 });
  const payload = await qr.getAttribute("data-qr-payload");
  const code = await w.locator("[data-counter-code]").getAttribute("data-counter-code");
  assert.match(code, /^\d{8}$/);
  assert.ok(payload.startsWith(`LN1.${code}.`), payload);
  assert.ok((await qr.locator("path").getAttribute("d")).length > 100);
  const left = async () => Number(await w.locator(".lw-countdown").getAttribute("data-seconds-left"));
  const first = await left();
  assert.ok(first > 100 && first <= 120, `countdown starts near 120 s: ${first}`);
  await until(async () => (await left()) < first, 5000, "the countdown to run");
  assert.match(await w.locator(".lw-countdown").textContent(), /^\d:\d\d 后失效$/);
  await shot(page, "mycard-code");

  // The counter redeems with the QR payload.
  const redeemed = await call("POST", "/api/v1/redemptions", {
    token: merchant.json.token,
    headers: { "idempotency-key": `e2e-${code}` },
    body: { benefit_id: target.benefit.id, code: payload },
  });
  assert.equal(redeemed.status, 201, JSON.stringify(redeemed.json));

  await page.keyboard.press("Escape");
  await w.locator(".lw-code-view").waitFor({ state: "detached", timeout: 10000 });
  await until(async () => (await focused(page, "#w1"))?.id === String(target.benefit.id), 5000, "focus back on the item");
  const history = w.locator(".lw-history .lw-redemption");
  await history.first().waitFor({ timeout: 10000 });
  assert.equal(await history.first().locator(".lw-title").textContent(), redeemed.json.benefit_title);
  assert.match(await history.first().textContent(), /\d{4}-\d\d-\d\d \d\d:\d\d/);

  await w.getByRole("button", { name: "退出" }).click();
  await w.getByLabel("卡号").waitFor({ timeout: 5000 });
  assert.match(await w.locator(".lw-count").textContent(), /已退出/);
  assert.ok(requests.includes("DELETE /api/v1/cardholder/session"), "the session ends on the server too");
  await page.close();
});

test("a wrong second factor shows an alert and keeps the form", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/embed?lang=zh-CN`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  await page.getByRole("button", { name: /我的卡/ }).click();
  await page.getByLabel("卡号").fill("LW2026000022");
  // The holder's name is no factor; a wrong birth date is as wrong as a wrong ID.
  await page.getByLabel("身份证号后四位").fill("0023");
  await page.getByLabel("出生日期").fill("19850506");
  await page.getByRole("button", { name: "查看我的优惠" }).click();
  const alert = page.locator(".lw-mycard [role=alert]");
  await alert.waitFor({ timeout: 10000 });
  assert.equal(await alert.textContent(), "卡号或验证信息不正确，请检查后重试。");
  assert.equal(await page.locator(".lw-card-item").count(), 0);
  await page.close();
});

test("the keyboard alone signs in, opens a code, closes it and signs out, at 320 px", async () => {
  const page = await newPage(320);
  await page.goto(`${server.base}/embed?lang=en`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  const host = "linan-benefits";
  const tabTo = (what, check) =>
    until(async () => {
      await page.keyboard.press("Tab");
      return check(await focused(page, host));
    }, 15000, what);
  await tabTo("the My card tab", async () => (await page.evaluate(() => document.querySelector("linan-benefits").shadowRoot.activeElement?.textContent)) === "My card");
  await page.keyboard.press("Enter");
  await tabTo("the card number", (f) => f?.name === "card_number");
  await page.keyboard.type("YF202600000014");
  await page.keyboard.press("Tab");
  await page.keyboard.type(LAST4);
  await page.keyboard.press("Tab");
  await page.keyboard.type("19900101");
  await page.keyboard.press("Enter");
  await page.locator(".lw-card-item").first().waitFor({ timeout: 20000 });
  await until(async () => (await focused(page, host))?.cls.includes("lw-card-heading"), 5000, "focus on the list heading");
  const opener = await tabTo("a code button", (f) => (f?.cls.includes("lw-code-btn") ? f : null));
  await page.keyboard.press("Enter");
  await page.locator("svg.lw-qr").waitFor({ timeout: 10000 });
  await until(async () => (await focused(page, host))?.cls.includes("lw-close"), 5000, "focus on close");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `no horizontal scrolling at 320 px (scrollWidth ${overflow})`);
  await shot(page, "mycard-code-320px");
  await page.keyboard.press("Enter");
  await page.locator(".lw-code-view").waitFor({ state: "detached", timeout: 10000 });
  await until(async () => (await focused(page, host))?.id === opener.id, 5000, "focus back on the item");
  assert.match(await page.locator(".lw-card-item").first().locator(".lw-via").textContent(), /^(Your card qualifies directly|Through mutual recognition, as a .+)$/);
  // Back up to the sign-out button, and out.
  await until(async () => {
    await page.keyboard.press("Shift+Tab");
    return (await focused(page, host))?.cls.includes("lw-signout");
  }, 15000, "Shift+Tab to sign out");
  await page.keyboard.press("Enter");
  await until(async () => (await focused(page, host))?.name === "card_number", 5000, "focus on the card number after signing out");
  await page.close();
});

test("a page on another origin signs a cardholder in through CORS", async () => {
  const html = `<!doctype html><meta charset="utf-8"><script type="module" src="${server.base}/widget/linan-benefits.js"></script>
    <linan-benefits lang="en" limit="3"></linan-benefits>`;
  const host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  try {
    const page = await newPage();
    const failures = [];
    page.on("requestfailed", (r) => failures.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    await page.locator("linan-benefits .lw-item").first().waitFor({ timeout: 20000 });
    await page.getByRole("button", { name: "My card" }).click();
    await page.getByLabel("Card number").fill("LW2026000030");
    await page.getByLabel("Last 4 of ID number").fill("0032");
    await page.getByLabel("Date of birth").fill("1992-02-02");
    await page.getByRole("button", { name: "Show my benefits" }).click();
    await page.locator("linan-benefits .lw-card-item").first().waitFor({ timeout: 20000 });
    await page.locator("linan-benefits .lw-code-btn:not([disabled])").first().click();
    await page.locator("linan-benefits [data-counter-code]").waitFor({ timeout: 10000 });
    await page.getByRole("button", { name: "Back to list" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Card number").waitFor({ timeout: 5000 });
    assert.deepEqual(failures, []);
    await page.close();
  } finally {
    host.close();
  }
});
