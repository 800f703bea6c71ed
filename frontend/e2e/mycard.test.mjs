// End-to-end tests of the widget's "My card" view in headless Chromium,
// against the real backend with the demo cards. "My card" is a frame of our
// own origin (/embed/my-card) inside the widget: sign in, what the card
// reaches and why, a counter code redeemed at the counter API, the history,
// sign out; a wrong second factor; the keyboard alone; and on a district
// site's origin, the demo page's hostile script learns nothing of it.
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

/** The "My card" frame of the widget `host` (a selector), once its tab was opened. */
async function cardFrame(page, host) {
  const element = page.locator(`${host} iframe.lw-frame`);
  await element.waitFor({ timeout: 20000 });
  return (await element.elementHandle()).contentFrame();
}

/** The class, name and item id of the element focused inside the frame. */
function focused(frame) {
  return frame.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body
      ? { cls: el.className, name: el.getAttribute("name"), id: el.closest(".lw-card-item")?.dataset.id ?? null }
      : null;
  });
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
  const frame = await cardFrame(page, "#w1");
  const f = page.frameLocator("#w1 iframe.lw-frame");
  await f.getByLabel("卡号").fill(LIWAN_A);
  await f.getByLabel("身份证号后四位").fill(LAST4);
  await f.getByLabel("出生日期").fill(BORN);
  await f.getByRole("button", { name: "查看我的优惠" }).click();

  await f.locator(".lw-card-item").first().waitFor({ timeout: 20000 });
  assert.equal(await f.locator(".lw-card-item").count(), expected.length, "every benefit the card reaches");
  await until(async () => (await focused(frame))?.cls.includes("lw-card-heading"), 5000, "focus on the list heading");
  // The frame is sized to its content: no scrolling inside it.
  await until(async () => {
    const [outer, inner] = [await page.locator("#w1 iframe.lw-frame").evaluate((e) => e.clientHeight), await frame.evaluate(() => document.documentElement.scrollHeight)];
    return Math.abs(outer - inner) <= 1;
  }, 5000, "the frame to take its content's height");
  const item = f.locator(`.lw-card-item[data-id="${target.benefit.id}"]`);
  assert.equal(await item.locator(".lw-via").textContent(), "通过身份互认，视同优粤佛山卡A卡");
  assert.equal(target.benefit.district, "nanhai");
  assert.equal(await item.locator(".lw-cat").textContent(), "南海区");
  const direct = expected.find((i) => i.via.kind === "direct");
  assert.equal(await f.locator(`.lw-card-item[data-id="${direct.benefit.id}"] .lw-via`).textContent(), "本卡直接适用");
  for (const refused of expected.filter((i) => i.refusal)) {
    assert.ok(await f.locator(`.lw-card-item[data-id="${refused.benefit.id}"] .lw-code-btn`).isDisabled(), "a refused benefit has no code");
  }
  if (target.remaining != null) {
    assert.match(await item.locator(".lw-left").textContent(), new RegExp(`还可使用 ${target.remaining} 次`));
  }
  const widgetText = await f.locator(".lw-mycard").textContent();
  assert.ok(!/[A-Za-z]{4,}/.test(widgetText.replace(/LW\d+|YF\d+/g, "")), `no English in the zh-CN view: ${widgetText}`);
  await shot(page, "mycard-list");

  await item.locator(".lw-code-btn").click();
  const qr = f.locator("svg.lw-qr[data-qr-payload]");
  await qr.waitFor({ timeout: 10000 });
  const payload = await qr.getAttribute("data-qr-payload");
  const code = await f.locator("[data-counter-code]").getAttribute("data-counter-code");
  assert.match(code, /^\d{8}$/);
  assert.ok(payload.startsWith(`LN1.${code}.`), payload);
  assert.ok((await qr.locator("path").getAttribute("d")).length > 100);
  const left = async () => Number(await f.locator(".lw-countdown").getAttribute("data-seconds-left"));
  const first = await left();
  assert.ok(first > 100 && first <= 120, `countdown starts near 120 s: ${first}`);
  await until(async () => (await left()) < first, 5000, "the countdown to run");
  assert.match(await f.locator(".lw-countdown").textContent(), /^\d:\d\d 后失效$/);
  await shot(page, "mycard-code");

  // The counter redeems with the QR payload.
  const redeemed = await call("POST", "/api/v1/redemptions", {
    token: merchant.json.token,
    headers: { "idempotency-key": `e2e-${code}` },
    body: { benefit_id: target.benefit.id, code: payload },
  });
  assert.equal(redeemed.status, 201, JSON.stringify(redeemed.json));

  await page.keyboard.press("Escape");
  await f.locator(".lw-code-view").waitFor({ state: "detached", timeout: 10000 });
  await until(async () => (await focused(frame))?.id === String(target.benefit.id), 10000, "focus back on the item");
  const history = f.locator(".lw-history .lw-redemption");
  await history.first().waitFor({ timeout: 10000 });
  assert.equal(await history.first().locator(".lw-title").textContent(), redeemed.json.benefit_title);
  assert.match(await history.first().textContent(), /\d{4}-\d\d-\d\d \d\d:\d\d/);

  await f.getByRole("button", { name: "退出" }).click();
  await f.getByLabel("卡号").waitFor({ timeout: 5000 });
  assert.match(await f.locator(".lw-count").textContent(), /已退出/);
  assert.ok(requests.includes("DELETE /api/v1/cardholder/session"), "the session ends on the server too");
  await page.close();
});

test("a wrong second factor shows an alert and keeps the form", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/embed?lang=zh-CN`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  await page.getByRole("button", { name: /我的卡/ }).click();
  const f = page.frameLocator("linan-benefits iframe.lw-frame");
  await f.getByLabel("卡号").fill("LW2026000022");
  // The holder's name is no factor; a wrong birth date is as wrong as a wrong ID.
  await f.getByLabel("身份证号后四位").fill("0023");
  await f.getByLabel("出生日期").fill("19850506");
  await f.getByRole("button", { name: "查看我的优惠" }).click();
  const alert = f.locator(".lw-mycard [role=alert]");
  await alert.waitFor({ timeout: 10000 });
  assert.equal(await alert.textContent(), "卡号或验证信息不正确，请检查后重试。");
  assert.equal(await f.locator(".lw-card-item").count(), 0);
  await page.close();
});

test("the keyboard alone signs in, opens a code, closes it and signs out, at 320 px", async () => {
  const page = await newPage(320);
  await page.goto(`${server.base}/embed?lang=en`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  const tabToTab = () =>
    until(async () => {
      await page.keyboard.press("Tab");
      return (await page.evaluate(() => document.querySelector("linan-benefits").shadowRoot.activeElement?.textContent)) === "My card";
    }, 15000, "the My card tab");
  await tabToTab();
  await page.keyboard.press("Enter");
  const frame = await cardFrame(page, "linan-benefits");
  await frame.locator("form.lw-signin").waitFor({ timeout: 20000 });
  const tabTo = (what, check) =>
    until(async () => {
      await page.keyboard.press("Tab");
      return check(await focused(frame));
    }, 15000, what);
  await tabTo("the card number, inside the frame", (f) => f?.name === "card_number");
  await page.keyboard.type("YF202600000014");
  await page.keyboard.press("Tab");
  await page.keyboard.type(LAST4);
  await page.keyboard.press("Tab");
  await page.keyboard.type("19900101");
  await page.keyboard.press("Enter");
  await frame.locator(".lw-card-item").first().waitFor({ timeout: 20000 });
  await until(async () => (await focused(frame))?.cls.includes("lw-card-heading"), 5000, "focus on the list heading");
  const opener = await tabTo("a code button", (f) => (f?.cls.includes("lw-code-btn") ? f : null));
  await page.keyboard.press("Enter");
  await frame.locator("svg.lw-qr").waitFor({ timeout: 10000 });
  await until(async () => (await focused(frame))?.cls.includes("lw-close"), 5000, "focus on close");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `no horizontal scrolling at 320 px (scrollWidth ${overflow})`);
  await shot(page, "mycard-code-320px");
  await page.keyboard.press("Enter");
  await frame.locator(".lw-code-view").waitFor({ state: "detached", timeout: 10000 });
  await until(async () => (await focused(frame))?.id === opener.id, 5000, "focus back on the item");
  assert.match(await frame.locator(".lw-card-item").first().locator(".lw-via").textContent(), /^(Your card qualifies directly|Through mutual recognition, as a .+)$/);
  // Back up to the sign-out button, and out.
  await until(async () => {
    await page.keyboard.press("Shift+Tab");
    return (await focused(frame))?.cls.includes("lw-signout");
  }, 15000, "Shift+Tab to sign out");
  await page.keyboard.press("Enter");
  await until(async () => (await focused(frame))?.name === "card_number", 5000, "focus on the card number after signing out");
  await page.close();
});

test("on a district site's origin, the demo page's hostile script learns nothing of the card, the factor, the token or the code", async () => {
  // The demo host page, hostile script included, served from another origin
  // (as a district site is): its scripts and styles load from the backend.
  const demo = (await (await fetch(`${server.base}/`)).text()).replaceAll('src="/', `src="${server.base}/`);
  const host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(demo);
  });
  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  const [number, last4, born] = ["LW2026000030", "0032", "1992-02-02"];
  try {
    const page = await newPage();
    const failures = [];
    const tokens = new Set();
    page.on("requestfailed", (r) => failures.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
    page.on("request", (r) => {
      const auth = r.headers().authorization;
      if (auth) tokens.add(auth.replace(/^Bearer /, ""));
    });
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const w = page.locator("#w2");
    await w.locator(".lw-item").first().waitFor({ timeout: 20000 });
    // What the spy does see: the public catalogue, and what is typed in the widget itself.
    const title = await w.locator(".lw-title").first().textContent();
    await w.locator(".lw-search").pressSequentially("zoo");
    await w.getByRole("button", { name: "My card" }).click();
    const f = page.frameLocator("#w2 iframe.lw-frame");
    await f.getByLabel("Card number").pressSequentially(number);
    await f.getByLabel("Last 4 of ID number").pressSequentially(last4);
    await f.getByLabel("Date of birth").fill(born);
    await f.getByLabel("Last 4 of ID number").press("Enter");
    await f.locator(".lw-card-item").first().waitFor({ timeout: 20000 });
    await f.locator(".lw-code-btn:not([disabled])").first().click();
    const code = await f.locator("[data-counter-code]").getAttribute("data-counter-code");
    const payload = await f.locator("[data-qr-payload]").getAttribute("data-qr-payload");
    await page.waitForTimeout(300); // the spy looks every 50 ms
    assert.equal(tokens.size, 1, "the frame's requests carried the session token");
    const spy = await page.evaluate(() => ({ keys: window.__spy.keys.join(""), seen: [...window.__spy.seen].join("\n"), messages: window.__spy.messages.join("\n") }));
    assert.match(spy.keys, /zoo/, "the spy records the host page's key events");
    assert.ok(spy.seen.includes(title), "the spy reads the widget's shadow root");
    const secrets = [["card number", number], ["ID digits", last4], ["birth date", born], ["token", [...tokens][0]], ["code", code], ["QR payload", payload]];
    for (const [what, secret] of secrets) {
      for (const [where, text] of Object.entries(spy)) {
        assert.ok(!text.includes(secret), `the spy's ${where} contain the ${what}`);
      }
    }
    assert.ok(!spy.keys.includes("LW2026"), "no key of the card number reached the host page");
    await f.getByRole("button", { name: "Back to list" }).click();
    await f.getByRole("button", { name: "Sign out" }).click();
    await f.getByLabel("Card number").waitFor({ timeout: 5000 });
    assert.deepEqual(failures, []);
    await shot(page, "mycard-hostile-host");
    await page.close();
  } finally {
    host.close();
  }
});
