// End-to-end tests of the organisers' event pages in headless Chromium
// against the real backend (demo data, fresh SQLite file): a partner's staff
// writes an event in three languages and submits it, the district admin
// reviews it (its markup staying text) and publishes it, and it is public;
// at the door of a demo event, the district admin checks a registered
// cardholder in with their counter code, then with a QR payload again
// (already checked in), refuses a holder without a seat, and downloads the
// attendee list; a partner's edit of a published event waits for review; a
// district admin publishes and cancels the district's own event. Waits are
// conditions with deadlines, never sleeps.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { launch, shot } from "../../frontend/e2e/browser.mjs";
import { until } from "../../frontend/e2e/server.mjs";
import { announced, horizontalOverflow, openPage, signIn, startPortalServer } from "./helpers.mjs";

// Demo cards (backend/src/demo/cards.csv): one not registered for any demo
// event, and one seated at the demo salon only.
const ZHOU = { number: "LW2026000030", last4: "0032", born: "1992-02-02", name: "周敏" };
const CHEN = { number: "LW2026000014", last4: "0014", born: "1990-01-01", name: "陈小荔" };
const TITLE_MARKUP = "<b>粗体</b><img src=x onerror=alert(1)>";

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

async function json(path, init = {}) {
  const response = await fetch(`${server.base}${path}`, init);
  const body = await response.json();
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** The authorization header of a cardholder session of `card`. */
async function cardholder(card) {
  const session = await json("/api/v1/cardholder/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ card_number: card.number, id_last4: card.last4, birth_date: card.born }),
  });
  return { authorization: `Bearer ${session.token}` };
}

/** A page signed in as `email`, on the page its role starts on. */
async function signedIn(email, home) {
  const page = await openPage(browser);
  await page.goto(`${server.base}/portal/#/login`);
  await signIn(page, email);
  await page.locator("h1", { hasText: home }).waitFor({ timeout: 20000 });
  return page;
}

/** Asserts that `payload` is on the page as text and created no element. */
async function assertInert(page, payload) {
  const found = await page.evaluate((payload) => ({
    asText: document.body.textContent.includes(payload),
    images: document.querySelectorAll("main img").length,
    bold: document.querySelectorAll("main b").length,
  }), payload);
  assert.deepEqual(found, { asText: true, images: 0, bold: 0 }, payload);
}

test("a partner's event goes from the editor through review to the public list", async () => {
  const token = `e2e${Date.now().toString(36)}v`;
  const merchant = await signedIn("merchant1@demo.linan", "我的优惠");
  await merchant.getByRole("link", { name: "活动", exact: true }).click();
  await merchant.locator("h1", { hasText: "活动" }).waitFor({ timeout: 15000 });
  await merchant.getByRole("link", { name: "新建活动" }).click();
  await merchant.locator("h1", { hasText: "新建活动" }).waitFor({ timeout: 15000 });

  // Nothing filled: the form stops at the first field it cannot send.
  await merchant.locator("#event-form button[type=submit]").click();
  await merchant.locator("#event-type[aria-invalid=true]").waitFor({ timeout: 15000 });

  await merchant.locator("#event-type").selectOption("salon");
  await merchant.locator("#event-title-zh-CN").fill(`荔枝湾茶叙 ${token} ${TITLE_MARKUP}`);
  await merchant.locator("#event-title-zh-HK").fill(`荔枝灣茶敘 ${token}`);
  await merchant.locator("#event-title-en").fill(`Lychee Bay tea salon ${token}`);
  await merchant.locator("#event-summary-zh-CN").fill("两区人才品茶交流");
  await merchant.locator("#event-summary-zh-HK").fill("兩區人才品茶交流");
  await merchant.locator("#event-summary-en").fill("Talents of both districts meet over tea");
  await merchant.locator("#event-description-zh-CN").fill("在荔枝湾畔的茶馆举行，持卡人才均可报名。");
  await merchant.locator("#event-description-en").fill("At a tea house by Lychee Bay; every cardholder may register.");
  await merchant.locator("#event-agenda-zh-CN").fill("14:00 签到；14:30 品茶；16:00 结束");
  await merchant.locator("#event-address-zh-CN").fill("广州市荔湾区荔枝湾涌");
  await merchant.locator("#event-address-en").fill("Lychee Bay, Liwan, Guangzhou");
  await merchant.locator("#event-lat").fill("23.1266");
  await merchant.locator("#event-lon").fill("113.2371");
  // The API's refusal of a field is shown at that field: registration may not close after the start.
  const starts = await merchant.locator("#event-starts-at").inputValue();
  const day = starts.slice(0, 10);
  await merchant.locator("#event-capacity").fill("30");
  await merchant.locator("#event-closes-at").fill(`${day}T18:00`);
  await merchant.locator("#event-form button[type=submit]").click();
  await merchant.locator("#event-closes-at[aria-invalid=true]").waitFor({ timeout: 15000 });
  await merchant.locator("#event-closes-at").fill(`${day}T12:00`);
  await merchant.locator("#event-form button[type=submit]").click();
  await announced(merchant, "草稿已保存。");
  await merchant.locator("h1", { hasText: token }).waitFor({ timeout: 15000 });
  const id = Number(new URL(merchant.url()).hash.match(/^#\/events\/(\d+)$/)?.[1]);
  assert.ok(id > 0, merchant.url());
  await assertInert(merchant, TITLE_MARKUP);
  await merchant.getByRole("button", { name: "提交审核" }).click();
  await announced(merchant, "已提交审核。");
  await merchant.locator("main .badge", { hasText: "待审核" }).first().waitFor({ timeout: 15000 });
  // The list shows it with its state, its time in China Standard Time and its seats.
  await merchant.getByRole("link", { name: "返回活动列表" }).click();
  const card = merchant.locator(`li.event[data-id="${id}"]`);
  await card.locator(".badge", { hasText: "待审核" }).waitFor({ timeout: 15000 });
  assert.match(await card.textContent(), /14:00 至 .* 16:00（中国标准时间）/);
  assert.match(await card.textContent(), /已报名 0 \/ 名额 30/);
  await merchant.close();

  const admin = await signedIn("liwan-admin@demo.linan", "商户审核");
  await admin.getByRole("link", { name: "活动审核" }).click();
  const item = admin.locator("article.review-item", { hasText: token });
  await item.waitFor({ timeout: 15000 });
  // Every language is there to check, as text.
  for (const text of [`荔枝灣茶敘 ${token}`, `Lychee Bay tea salon ${token}`, "Lychee Bay, Liwan, Guangzhou"]) {
    await item.locator("dd", { hasText: text }).first().waitFor({ timeout: 15000 });
  }
  await assertInert(admin, TITLE_MARKUP);
  assert.deepEqual(admin.dialogs, [], "no script ran");
  await shot(admin, "portal-event-review");
  await item.getByRole("button", { name: "发布" }).click();
  await announced(admin, "活动已发布。");
  await item.waitFor({ state: "detached", timeout: 15000 });
  await admin.close();

  const listed = await json(`/api/v1/events?q=${token}&lang=en`);
  assert.deepEqual(listed.items.map((e) => [e.id, e.title, e.status]), [[id, `Lychee Bay tea salon ${token}`, "published"]]);
  assert.equal(listed.items[0].starts_at, `${day}T14:00:00+08:00`, "the form's times are China Standard Time");
});

test("the door checks a registered holder in once, says so in each language, and the list downloads", async () => {
  // A demo event of Liwan open to every valid card, with seats left.
  const found = await json(`/api/v1/events?q=${encodeURIComponent("广绣")}`);
  const event = found.items[0];
  assert.ok(event?.registration_open, JSON.stringify(found));
  const auth = await cardholder(ZHOU);
  const registration = await json(`/api/v1/cardholder/events/${event.id}/registration`, { method: "POST", headers: auth });
  assert.equal(registration.status, "registered");
  const code = () => json("/api/v1/cardholder/code", { headers: auth });

  // The demo's district events are organised by the district admin.
  const page = await signedIn("liwan-admin@demo.linan", "商户审核");
  await page.getByRole("link", { name: "活动", exact: true }).click();
  await page.locator(`li.event[data-id="${event.id}"]`).getByRole("link", { name: "签到与报名名单" }).click();
  await page.locator("h1", { hasText: "签到：广绣体验研修班" }).waitFor({ timeout: 15000 });
  const checkedIn = page.locator(".door-figures .checked-in dd");
  assert.equal(await checkedIn.textContent(), "0");
  await page.locator("table.door-list td", { hasText: ZHOU.name }).waitFor({ timeout: 15000 });

  const first = await code();
  await page.locator("#check-in-code").fill(first.code);
  await page.locator("#check-in-form button[type=submit]").click();
  await page.locator("#check-in-result", { hasText: `${ZHOU.name}（C卡）已签到。` }).waitFor({ timeout: 15000 });
  await announced(page, "已签到。");
  await until(async () => (await checkedIn.textContent()) === "1", 15000);

  // A fresh QR payload, typed by a scanner with Enter: already in.
  const second = await code();
  await page.locator("#check-in-code").focus();
  await page.keyboard.type(second.qr);
  await page.keyboard.press("Enter");
  await page.locator("#check-in-form .form-alert", { hasText: "此持卡人已经签到过了。" }).waitFor({ timeout: 15000 });
  // The spent code again: refused as the counter refuses it.
  await page.locator("#check-in-code").fill(first.code);
  await page.locator("#check-in-form button[type=submit]").click();
  await page.locator("#check-in-form .form-alert", { hasText: "核销码无效、已过期或已使用" }).waitFor({ timeout: 15000 });
  // The same refusal in English and in Traditional Chinese.
  for (const [lang, said] of [["en", "This holder is checked in already."], ["zh-HK", "此持卡人已經簽到過了。"]]) {
    await page.locator("#lang-select").selectOption(lang);
    await page.locator("#check-in-code").fill((await code()).code);
    await page.locator("#check-in-form button[type=submit]").click();
    await page.locator("#check-in-form .form-alert", { hasText: said }).waitFor({ timeout: 15000 });
  }
  await page.locator("#lang-select").selectOption("zh-CN");
  // A holder without a seat at this event.
  const other = await json("/api/v1/cardholder/code", { headers: await cardholder(CHEN) });
  await page.locator("#check-in-code").fill(other.code);
  await page.locator("#check-in-form button[type=submit]").click();
  await page.locator("#check-in-form .form-alert", { hasText: "此持卡人没有本活动的名额" }).waitFor({ timeout: 15000 });
  assert.equal(await checkedIn.textContent(), "1");

  // The attendee list downloads with the session (the link is same-origin).
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载名单（表格文件）" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, new RegExp(ZHOU.name));
  assert.match(download.suggestedFilename(), /\.csv$/);

  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok((await horizontalOverflow(page)) <= 0, "no horizontal scroll on a phone");
  await shot(page, "portal-event-door-320px");
  await page.close();
});

test("a partner's edit of its published event waits for review while the public version stays, then replaces it", async () => {
  const token = `e2e${Date.now().toString(36)}r`;
  // The demo's published event of merchant1's partner (a hospital).
  const merchant = await signedIn("merchant1@demo.linan", "我的优惠");
  await merchant.getByRole("link", { name: "活动", exact: true }).click();
  await merchant.locator("li.event", { hasText: "荔南人才健康论坛" }).getByRole("link").first().click();
  await merchant.locator("h1", { hasText: "荔南人才健康论坛" }).waitFor({ timeout: 15000 });
  await merchant.locator("#event-form .note", { hasText: "保存的修改需要区管理员审核" }).waitFor({ timeout: 15000 });
  await merchant.locator("#event-title-en").fill(`Health forum ${token}`);
  await merchant.locator("#event-form button[type=submit]").click();
  await announced(merchant, "已保存。");
  await merchant.locator("#event-revision-title", { hasText: "修改待审核" }).waitFor({ timeout: 15000 });
  assert.equal((await json(`/api/v1/events?q=${token}`)).items.length, 0, "the public still sees the live version");
  await merchant.close();

  const admin = await signedIn("liwan-admin@demo.linan", "商户审核");
  await admin.getByRole("link", { name: "活动审核" }).click();
  const item = admin.locator("article.review-item", { hasText: token });
  await item.waitFor({ timeout: 15000 });
  await item.locator(".note", { hasText: "这是对已发布活动的修改" }).waitFor({ timeout: 15000 });
  await item.getByRole("button", { name: "发布" }).click();
  await announced(admin, "活动已发布。");
  await item.waitFor({ state: "detached", timeout: 15000 });
  await admin.close();

  const listed = await json(`/api/v1/events?q=${token}&lang=en`);
  assert.deepEqual(listed.items.map((e) => e.title), [`Health forum ${token}`]);
});

test("a district admin publishes the district's own draft without review, then cancels it with a reason registrants read", async () => {
  const token = `e2e${Date.now().toString(36)}d`;
  const admin = await signedIn("liwan-admin@demo.linan", "商户审核");
  await admin.goto(`${server.base}/portal/#/events/new`);
  await admin.locator("h1", { hasText: "新建活动" }).waitFor({ timeout: 15000 });
  assert.equal(await admin.locator("#event-district").count(), 0, "a district admin writes their own district's events");
  await admin.locator("#event-type").selectOption("job_fair");
  await admin.locator("#event-title-zh-CN").fill(`荔湾线上招聘会 ${token}`);
  await admin.locator("#event-summary-zh-CN").fill("线上双选");
  await admin.locator("#event-description-zh-CN").fill("企业与人才线上见面。");
  await admin.locator("#event-agenda-zh-CN").fill("全天开放");
  // Online only: no address, a link.
  await admin.locator("#event-online-url").fill("https://meet.example.cn/liwan-fair");
  await admin.locator("#event-capacity").fill("500");
  await admin.locator("#event-waitlist").selectOption("");
  await admin.locator("#event-tier-liwan_talent").selectOption("B");
  await admin.locator("#event-form button[type=submit]").click();
  await announced(admin, "草稿已保存。");
  await admin.locator("h1", { hasText: token }).waitFor({ timeout: 15000 });
  const id = Number(new URL(admin.url()).hash.match(/^#\/events\/(\d+)$/)?.[1]);
  await admin.getByRole("button", { name: "发布" }).click();
  await announced(admin, "活动已发布。");
  await admin.locator("main .badge", { hasText: "已发布" }).first().waitFor({ timeout: 15000 });
  const published = await json(`/api/v1/events/${id}`);
  assert.equal(published.venue.online_url, "https://meet.example.cn/liwan-fair");
  assert.equal(published.waitlist, false);
  assert.deepEqual(published.eligibility, [{ scheme: "liwan_talent", min_tier: "B" }]);

  // Cancelling needs a reason, asked for at the reason field.
  await admin.getByRole("button", { name: "取消活动" }).click();
  await admin.locator(`#event-${id}-reason[aria-invalid=true]`).waitFor({ timeout: 15000 });
  await admin.locator(`#event-${id}-reason`).fill("场地调整，改期另行通知");
  await admin.getByRole("button", { name: "取消活动" }).click();
  await announced(admin, "活动已取消。");
  await admin.locator("main .reason", { hasText: "取消原因：场地调整，改期另行通知" }).waitFor({ timeout: 15000 });
  await admin.setViewportSize({ width: 320, height: 800 });
  assert.ok((await horizontalOverflow(admin)) <= 0, "no horizontal scroll on a phone");
  await admin.close();
  const cancelled = await until(async () => {
    const detail = await json(`/api/v1/events/${id}`);
    return detail.status === "cancelled" && detail;
  }, 15000, "the public detail says cancelled");
  assert.equal(cancelled.cancel_reason, "场地调整，改期另行通知");
});
