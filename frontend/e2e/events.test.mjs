// End-to-end tests of the widget's events tab and of registering through
// "My card", in headless Chromium against the real backend with the demo
// data (backend/src/demo/events.json): the tab's code comes only when it is
// opened, the list is the API's, type chips and search filter it; a holder
// opens an event, registers in the My card frame, sees it in "My events" and
// cancels; and the demo's full salon puts another holder on its waitlist.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch, newPage as openPage, shot } from "./browser.mjs";
import { getJson, repo, startServer, until } from "./server.mjs";

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

const api = (path) => getJson(server.base, path);
const newPage = (width) => openPage(browser, width);

/** The `data-id`s of the events a widget's tab shows. */
function eventIds(page, host) {
  return page.locator(`${host} .lw-events-slot .lw-event`).evaluateAll((items) => items.map((li) => Number(li.dataset.id)));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

test("the events tab: hidden by events=off, its bundle fetched only when opened, the API's list, type chips and search", async () => {
  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const page = await newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname.replace("/widget/", "")));
  await page.goto(`${server.base}/`);
  await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  const tab = page.locator("#w1").getByRole("button", { name: "活动", exact: true });
  await tab.waitFor({ timeout: 5000 });

  // events="off" takes the tab away; back on, it returns.
  await page.evaluate(() => document.querySelector("#w1").setAttribute("events", "off"));
  await until(async () => (await tab.count()) === 0, 5000, "the tab to go");
  assert.equal(await page.locator("#w1 .lw-tab").count(), 2, "catalogue and My card remain");
  await page.evaluate(() => document.querySelector("#w1").removeAttribute("events"));
  await tab.waitFor({ timeout: 5000 });
  assert.deepEqual(manifest.events.filter((f) => fetched.includes(f)), [], "nothing of the events before the tab is opened");

  await tab.click();
  await page.locator("#w1 .lw-events-slot .lw-event").first().waitFor({ timeout: 20000 });
  assert.deepEqual(manifest.events.filter((f) => fetched.includes(f)).sort(), [...manifest.events].sort(), "the bundle came with the tab");
  assert.equal(await tab.getAttribute("aria-current"), "page");
  assert.ok(await page.locator("#w1 .lw-item").first().isHidden(), "the catalogue is hidden behind the tab");
  // The widget's district (nanhai) is the list's first filter.
  const all = await api("/api/v1/events?lang=zh-CN&limit=20&district=nanhai");
  assert.ok(all.items.length >= 3, "the demo has Nanhai events");
  assert.deepEqual(await eventIds(page, "#w1"), all.items.map((e) => e.id));
  const first = page.locator(`#w1 .lw-event[data-id="${all.items[0].id}"]`);
  assert.match(await first.locator(".lw-when").textContent(), /^\d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.equal(await first.locator(".lw-venue").textContent(), all.items[0].venue.address || "线上活动");
  const cancelled = all.items.find((e) => e.status === "cancelled");
  assert.ok(cancelled, "the demo's Qiandeng Lake salon is cancelled");
  assert.equal(await page.locator(`#w1 .lw-event[data-id="${cancelled.id}"] .lw-status`).textContent(), "已取消");
  await shot(page, "events-list");

  // A type chip filters by type.
  const fairs = await api("/api/v1/events?lang=zh-CN&limit=20&district=nanhai&type=job_fair");
  assert.ok(fairs.items.length > 0 && fairs.items.length < all.items.length);
  await page.locator('#w1 .lw-events-slot .lw-chip[data-code="job_fair"]').click();
  await until(async () => same(await eventIds(page, "#w1"), fairs.items.map((e) => e.id)), 15000, "job fairs only");
  assert.equal(await page.locator('#w1 .lw-events-slot .lw-chip[data-code="job_fair"]').getAttribute("aria-pressed"), "true");
  await page.locator('#w1 .lw-events-slot .lw-chip[data-code=""]').click();
  await until(async () => same(await eventIds(page, "#w1"), all.items.map((e) => e.id)), 15000, "all types again");

  // Search.
  const xiqiao = await api(`/api/v1/events?lang=zh-CN&limit=20&district=nanhai&q=${encodeURIComponent("西樵")}`);
  assert.ok(xiqiao.items.length > 0 && xiqiao.items.length < all.items.length, "西樵 narrows the demo's Nanhai events");
  await page.locator("#w1 .lw-event-search").fill("西樵");
  await until(async () => same(await eventIds(page, "#w1"), xiqiao.items.map((e) => e.id)), 15000, "the search's events");
  assert.match(await page.locator("#w1 .lw-events-slot .lw-count").textContent(), /共 \d+ 场活动/);

  // An event's detail: Escape closes it and focus returns to its title button.
  const opened = xiqiao.items[0].id;
  await page.locator(`#w1 .lw-event[data-id="${opened}"] .lw-open`).click();
  await page.locator("#w1 .lw-event-detail .lw-close").waitFor({ timeout: 10000 });
  await until(async () => (await page.evaluate(() => document.querySelector("#w1").shadowRoot.activeElement?.className)) === "lw-close", 5000, "focus on back");
  await page.keyboard.press("Escape");
  await page.locator("#w1 .lw-event-detail").waitFor({ state: "detached", timeout: 5000 });
  await until(
    async () => (await page.evaluate(() => document.querySelector("#w1").shadowRoot.activeElement?.closest(".lw-event")?.dataset.id)) === String(opened),
    5000,
    "focus back on the event",
  );

  // In English (the tab remounts in the new language).
  await page.evaluate(() => document.querySelector("#w1").setAttribute("lang", "en"));
  await page.locator("#w1").getByRole("button", { name: "Events", exact: true }).waitFor({ timeout: 10000 });
  await page.locator('#w1 .lw-events-slot .lw-chip[data-code="job_fair"]').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#w1 .lw-events-slot .lw-chip[data-code="job_fair"]').textContent(), "Job fair");
  await until(async () => /^\d+ events$|^1 event$/.test(await page.locator("#w1 .lw-events-slot .lw-count").textContent()), 15000, "the English count");

  // Back to the catalogue: the tab's content hides, the list is there.
  await page.locator("#w1").getByRole("button", { name: "Benefits", exact: true }).click();
  await page.locator("#w1 .lw-item").first().waitFor({ state: "visible", timeout: 5000 });
  assert.ok(await page.locator("#w1 .lw-events-slot").isHidden());
  await page.close();
});

/** Signs in inside the My card frame `f`. */
async function signIn(f, number, last4, born) {
  await f.getByLabel("卡号").fill(number);
  await f.getByLabel("身份证号后四位").fill(last4);
  await f.getByLabel("出生日期").fill(born);
  await f.getByRole("button", { name: "查看我的优惠" }).click();
}

/** Opens the events tab of the /embed page and event `title` (by the API's list). */
async function openEvent(page, title) {
  const list = await api("/api/v1/events?lang=zh-CN&limit=100");
  const event = list.items.find((e) => e.title === title);
  assert.ok(event, `the demo has ${title}`);
  await page.goto(`${server.base}/embed?lang=zh-CN`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  await page.getByRole("button", { name: "活动", exact: true }).click();
  const item = page.locator(`.lw-event[data-id="${event.id}"]`);
  await until(async () => {
    if ((await item.count()) > 0) return true;
    const more = page.locator(".lw-events-slot .lw-more");
    if ((await more.count()) > 0 && (await more.getAttribute("aria-disabled")) === "false") await more.click();
    return false;
  }, 20000, `${title} in the list`);
  await item.locator(".lw-open").click();
  await page.locator(".lw-event-detail").waitFor({ timeout: 10000 });
  return event;
}

test("a cardholder opens an event, registers in My card, sees it in My events and cancels", async () => {
  const page = await newPage();
  const event = await openEvent(page, "广绣体验研修班");
  const detail = await api(`/api/v1/events/${event.id}?lang=zh-CN`);
  // The organiser's texts are text: line breaks kept, no markup made.
  await until(async () => (await page.locator(".lw-event-detail .lw-agenda .lw-text").count()) === 1, 10000, "the agenda");
  assert.equal(await page.locator(".lw-event-detail .lw-agenda .lw-text").textContent(), detail.agenda);
  assert.equal(await page.locator(".lw-event-detail .lw-event-description .lw-text").textContent(), detail.description);
  assert.match(await page.locator(".lw-event-detail .lw-ics").getAttribute("href"), new RegExp(`/api/v1/events/${event.id}\\.ics\\?lang=zh-CN$`));
  if (detail.venue.location) {
    assert.match(await page.locator(".lw-event-detail .lw-address .lw-map").first().getAttribute("href"), /^https:\/\/uri\.amap\.com\/marker\?position=/);
  }
  await shot(page, "event-detail");
  await page.locator(".lw-event-detail").getByRole("button", { name: "报名", exact: true }).click();

  // My card shows, and the frame has the event.
  const frameEl = page.locator("linan-benefits iframe.lw-frame");
  await frameEl.waitFor({ state: "visible", timeout: 20000 });
  await until(async () => /#event=\d+&n=\d+$/.test(await frameEl.getAttribute("src")), 5000, "the event in the frame's fragment");
  // The button pressed is hidden now: the keyboard continues in the frame.
  await until(
    async () => (await page.evaluate(() => document.querySelector("linan-benefits").shadowRoot.activeElement?.tagName)) === "IFRAME",
    5000,
    "focus on the My card frame",
  );
  const f = page.frameLocator("linan-benefits iframe.lw-frame");
  await f.locator(".lw-requested-note").waitFor({ timeout: 20000 });
  await signIn(f, "LW2026000014", "0014", "1990-01-01");
  await f.locator(".lw-requested-title").waitFor({ timeout: 20000 });
  assert.equal(await f.locator(".lw-requested-title").textContent(), event.title);
  await f.locator(".lw-requested").getByRole("button", { name: "报名", exact: true }).click();
  const outcome = f.locator('.lw-requested .lw-outcome[data-outcome="registered"]');
  await outcome.waitFor({ timeout: 10000 });
  assert.equal(await outcome.textContent(), "报名成功，已为您保留名额。");
  assert.equal(await outcome.getAttribute("role"), "status");
  const mine = f.locator(`.lw-my-event[data-id="${event.id}"]`);
  await mine.waitFor({ timeout: 10000 });
  assert.equal(await mine.getAttribute("data-status"), "registered");
  assert.equal(await mine.locator(".lw-reg-status").textContent(), "已报名");
  await shot(page, "mycard-registered");

  // "Show my code": the counter code the door scans.
  await mine.locator(".lw-show-code").click();
  await f.locator("svg.lw-qr[data-qr-payload]").waitFor({ timeout: 10000 });
  await page.keyboard.press("Escape");
  await f.locator(".lw-code-view").waitFor({ state: "detached", timeout: 10000 });

  // Asking again for the same event (back in the tab, "Register" again): refused in words.
  await page.getByRole("button", { name: "活动", exact: true }).click();
  await page.locator(".lw-event-detail").getByRole("button", { name: "报名", exact: true }).click();
  const again = f.locator(".lw-requested").getByRole("button", { name: "报名", exact: true });
  await again.waitFor({ timeout: 10000 });
  await again.click();
  const refused = f.locator('.lw-requested .lw-outcome[data-outcome="refused"]');
  await refused.waitFor({ timeout: 10000 });
  assert.equal(await refused.textContent(), "您已报名该活动（可能使用了另一张卡）。");

  // Cancel, confirmed first.
  await mine.locator(".lw-cancel").click();
  await mine.locator(".lw-confirm-yes").waitFor({ timeout: 5000 });
  await mine.locator(".lw-confirm-yes").click();
  await until(async () => (await f.locator(".lw-cancel-outcome").textContent()) === "已取消报名。", 10000, "the cancellation's outcome");
  await until(
    async () => (await mine.count()) === 0 || (await mine.getAttribute("data-status")) === "cancelled",
    10000,
    "the registration to be cancelled",
  );
  await page.close();
});

test("the demo's full salon puts another eligible holder on the waitlist, with the place in line", async () => {
  const page = await newPage();
  const event = await openEvent(page, "荔南青年人才联谊沙龙");
  assert.equal(event.seats_left, 0, "the demo salon is full");
  await until(async () => (await page.locator(".lw-event-detail .lw-status").count()) === 1, 10000, "the detail");
  assert.equal(await page.locator(".lw-event-detail .lw-status").textContent(), "已满，可候补");
  await page.locator(".lw-event-detail").getByRole("button", { name: "报名", exact: true }).click();
  const f = page.frameLocator("linan-benefits iframe.lw-frame");
  await f.locator(".lw-requested-note").waitFor({ timeout: 20000 });
  await signIn(f, "LW2026000030", "0032", "1992-02-02");
  await f.locator(".lw-requested").getByRole("button", { name: "报名", exact: true }).click();
  const outcome = f.locator('.lw-requested .lw-outcome[data-outcome="waitlisted"]');
  await outcome.waitFor({ timeout: 10000 });
  const [, place] = (await outcome.textContent()).match(/^活动已满，您在候补名单第 (\d+) 位。$/) ?? [];
  // 黄海 is first in line in the demo.
  assert.ok(Number(place) >= 2, `a place after the demo's first in line: ${await outcome.textContent()}`);
  const mine = f.locator(`.lw-my-event[data-id="${event.id}"]`);
  await mine.waitFor({ timeout: 10000 });
  assert.equal(await mine.getAttribute("data-status"), "waitlisted");
  assert.equal(await mine.locator(".lw-reg-status").textContent(), `候补第 ${place} 位`);
  assert.equal(await mine.locator(".lw-show-code").count(), 0, "no door code without a seat");
  await shot(page, "mycard-waitlisted");
  // At 320 px neither the tab nor My card scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByRole("button", { name: "活动", exact: true }).click();
  await page.locator(".lw-event-detail").waitFor({ timeout: 5000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `no horizontal scrolling at 320 px (scrollWidth ${overflow})`);
  await shot(page, "event-detail-320px");
  await page.close();
});
