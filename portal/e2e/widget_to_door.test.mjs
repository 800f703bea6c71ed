// The whole way of an event, across both front ends (issue 14): a
// cardholder finds a partner's event in the widget's events tab, registers
// in "My card" (our origin), shows the code at the door; the partner's staff
// check them in at the portal's door page with the QR payload the widget
// shows, once — a second scan is refused — and the figures count them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, shot } from "../../frontend/e2e/browser.mjs";
import { getJson, until } from "../../frontend/e2e/server.mjs";
import { openPage, signIn, startPortalServer } from "./helpers.mjs";

// A demo card (backend/src/demo/cards.csv) and the demo partner event of merchant1's hospital.
const ZHOU = { number: "LW2026000030", last4: "0032", born: "1992-02-02", name: "周敏" };
const FORUM = "荔南人才健康论坛：心血管健康与就医绿色通道";

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

test("a holder registers in the widget and the partner checks them in at the portal from the widget's QR", async () => {
  const list = await getJson(server.base, "/api/v1/events?lang=zh-CN&limit=100");
  const event = list.items.find((e) => e.title === FORUM);
  assert.ok(event?.registration_open, `the demo's ${FORUM} takes registrations`);

  // The widget: the events tab, the event, "报名" → My card on our origin.
  const widget = await openPage(browser);
  await widget.goto(`${server.base}/embed?lang=zh-CN`);
  await widget.locator(".lw-item").first().waitFor({ timeout: 20000 });
  await widget.getByRole("button", { name: "活动", exact: true }).click();
  const item = widget.locator(`.lw-event[data-id="${event.id}"]`);
  await until(async () => {
    if ((await item.count()) > 0) return true;
    const more = widget.locator(".lw-events-slot .lw-more");
    if ((await more.count()) > 0 && (await more.getAttribute("aria-disabled")) === "false") await more.click();
    return false;
  }, 20000, "the forum in the list");
  await item.locator(".lw-open").click();
  await widget.locator(".lw-event-detail").getByRole("button", { name: "报名", exact: true }).click();
  const f = widget.frameLocator("linan-benefits iframe.lw-frame");
  await f.getByLabel("卡号").fill(ZHOU.number);
  await f.getByLabel("身份证号后四位").fill(ZHOU.last4);
  await f.getByLabel("出生日期").fill(ZHOU.born);
  await f.getByRole("button", { name: "查看我的优惠" }).click();
  await f.locator(".lw-requested").getByRole("button", { name: "报名", exact: true }).click();
  await f.locator('.lw-requested .lw-outcome[data-outcome="registered"]').waitFor({ timeout: 10000 });
  const mine = f.locator(`.lw-my-event[data-id="${event.id}"]`);
  await mine.locator(".lw-show-code").click();
  const qr = f.locator("svg.lw-qr[data-qr-payload]");
  await qr.waitFor({ timeout: 10000 });
  const payload = await qr.getAttribute("data-qr-payload");
  assert.match(payload, /^LN1\./, "the QR carries the signed counter payload");
  await shot(widget, "widget-code-for-the-door");

  // The portal: the partner's staff at the event's door.
  const door = await openPage(browser);
  await door.goto(`${server.base}/portal/#/login`);
  await signIn(door, "merchant1@demo.linan");
  await door.locator("h1", { hasText: "我的优惠" }).waitFor({ timeout: 20000 });
  await door.goto(`${server.base}/portal/#/events/${event.id}/door`);
  await door.locator("h1", { hasText: `签到：${FORUM}` }).waitFor({ timeout: 15000 });
  await door.locator("table.door-list td", { hasText: ZHOU.name }).waitFor({ timeout: 15000 });
  const checkedIn = door.locator(".door-figures .checked-in dd");
  assert.equal(await checkedIn.textContent(), "0");
  await door.locator("#check-in-code").fill(payload);
  await door.locator("#check-in-form button[type=submit]").click();
  await door.locator("#check-in-result", { hasText: `${ZHOU.name}（C卡）已签到。` }).waitFor({ timeout: 15000 });
  await until(async () => (await checkedIn.textContent()) === "1", 15000, "the figures to count the check-in");
  await shot(door, "portal-door-from-widget-qr");

  // The same payload again: the code is spent.
  await door.locator("#check-in-code").fill(payload);
  await door.locator("#check-in-form button[type=submit]").click();
  await door.locator("#check-in-form .form-alert", { hasText: "核销码无效、已过期或已使用" }).waitFor({ timeout: 15000 });

  await widget.close();
  await door.close();
});
