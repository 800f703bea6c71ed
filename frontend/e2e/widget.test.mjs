// End-to-end tests of the embeddable widget in headless Chromium, against the
// real backend with the demo data. Waits are conditions with deadlines.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, get } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { launch, shot } from "./browser.mjs";
import { repo, startServer, until } from "./server.mjs";

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

const HAN = /[\u4e00-\u9fff]/;

async function api(path) {
  const response = await fetch(`${server.base}${path}`);
  assert.equal(response.status, 200, path);
  return response.json();
}

async function newPage(width = 1200) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e));
  return page;
}

/** The `data-id`s of the items a widget shows. */
function itemIds(page, host) {
  return page.locator(`${host} .lw-item`).evaluateAll((items) => items.map((li) => Number(li.dataset.id)));
}

// The module's own size, whatever the server's compressor: loader, glue and
// wasm of the widget's bundle before the first benefit, node zlib level 9.
// The figure reached so far (104,755 B, from 155,600 B with "My card" in the
// bundle); it only ever goes down. Issue 12's target is on what is sent
// (next test). "My card" and a benefit's detail are other bundles, fetched
// when first opened.
const BUDGET = 104_800;

test("the loader, glue and wasm before the first benefit stay within 104.8 KB at zlib level 9", () => {
  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const size = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(repo, "frontend/dist", f)), { level: 9 }).length, 0);
  const total = size(manifest.first_paint);
  console.log(`widget before the first benefit: ${total} bytes gzip; "My card" when opened: ${size(manifest.my_card)} bytes gzip`);
  assert.ok(total <= BUDGET, `the widget is ${total} bytes gzip before its first benefit, over the ${BUDGET}-byte budget`);
});

/** The bytes of `url`'s body as the server sends them to a client that takes `coding` only. */
function sentBytes(url, coding) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": coding } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk) => (bytes += chunk.length));
      response.on("end", () =>
        response.headers["content-encoding"] === coding
          ? resolve(bytes)
          : reject(new Error(`${url} was not sent as ${coding} (${response.headers["content-encoding"]})`)),
      );
    }).on("error", reject);
  });
}

// Issue 12's target: what a host page downloads before the first benefit is
// painted, as the server sends it. Each file's gzip form is made once at
// build time (zopfli, scripts/precompress.mjs); a browser that takes brotli,
// as every current one does, downloads its brotli form, less again.
const TARGET = 100_000;

test("a host page downloads at most 100,000 B gzip of widget before the first benefit", async () => {
  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const sent = async (coding) => {
    let sum = 0;
    for (const f of manifest.first_paint) sum += await sentBytes(`${server.base}/widget/${f}`, coding);
    return sum;
  };
  const [gzip, br] = [await sent("gzip"), await sent("br")];
  console.log(`sent before the first benefit: ${gzip} B gzip, ${br} B brotli`);
  assert.ok(gzip <= TARGET, `a host page downloads ${gzip} B gzip of widget before its first benefit, over ${TARGET} B`);
  assert.ok(br < gzip, `brotli (${br} B) is the smaller form`);
});

test("the host page fetches nothing of My card until its tab is opened", async () => {
  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const page = await newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}/`);
  await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  await page.locator("#w2 .lw-item").first().waitFor({ timeout: 20000 });
  const card = (paths) => paths.filter((p) => p.startsWith("/embed/my-card") || manifest.my_card.some((f) => p.endsWith(f)));
  for (const f of manifest.first_paint) assert.ok(fetched.includes(`/widget/${f}`), `${f} was loaded`);
  assert.deepEqual(card(fetched), [], "nothing of My card yet");
  await page.locator("#w1").getByRole("button", { name: /我的卡/ }).click();
  await page.frameLocator("#w1 iframe.lw-frame").locator("form.lw-signin").waitFor({ timeout: 20000 });
  assert.deepEqual(card(fetched).map((p) => p.replace(/^\/widget\//, "")).sort(), ["/embed/my-card", ...manifest.my_card].sort());
  await page.close();
});

test("the demo host page renders both widgets with items from the API", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/`);
  await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  await page.locator("#w2 .lw-item").first().waitFor({ timeout: 20000 });
  const w1 = await api("/api/v1/benefits?district=nanhai&category=scenic_discount&lang=zh-CN&limit=20");
  assert.deepEqual(await itemIds(page, "#w1"), w1.items.map((b) => b.id));
  const w2 = await api("/api/v1/benefits?district=liwan&lang=en&limit=6");
  assert.deepEqual(await itemIds(page, "#w2"), w2.items.map((b) => b.id));
  await shot(page, "demo-host-page");
  await page.close();
});

test("the loader asks for the app's files first, and once per URL for the elements of a page", async () => {
  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const page = await newPage();
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}/`);
  await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  await page.locator("#w2 .lw-item").first().waitFor({ timeout: 20000 });
  const count = (path) => asked.filter((p) => p === path).length;
  // The demo page's two elements: one request per reference list, one first page each.
  for (const list of ["districts", "categories", "card-schemes"]) assert.equal(count(`/api/v1/${list}`), 1, list);
  assert.equal(count("/api/v1/benefits"), 2);
  const firstApi = asked.findIndex((p) => p.startsWith("/api/"));
  for (const file of [manifest.glue, manifest.wasm]) {
    const at = asked.indexOf(`/widget/${file}`);
    assert.ok(at >= 0 && at < firstApi, `${file} is asked for before the API (${asked.join(" ")})`);
  }
  // An element added later asks afresh (not an answer kept from the page's start).
  await page.evaluate(() => document.body.append(Object.assign(document.createElement("linan-benefits"), { id: "w3" })));
  await page.locator("#w3 .lw-item").first().waitFor({ timeout: 20000 });
  assert.equal(count("/api/v1/districts"), 2);
  await page.close();
});

test("the host's content below the widgets does not move when their lists arrive (the loader reserves a page)", async () => {
  for (const width of [1200, 375]) {
    const page = await newPage(width);
    // Where the content after the widgets is in each frame until both show a benefit.
    await page.addInitScript(() => {
      window.__tops = [];
      const tick = () => {
        const next = document.querySelector("linan-benefits")?.parentElement?.nextElementSibling;
        if (next) window.__tops.push(next.getBoundingClientRect().top + scrollY);
        const els = [...document.querySelectorAll("linan-benefits")];
        if (els.length === 0 || !els.every((el) => el.shadowRoot?.querySelector(".lw-item"))) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${server.base}/`);
    await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
    await page.locator("#w2 .lw-item").first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(500); // late renders (reference lists) count too
    const [tops, now] = await page.evaluate(() => {
      const next = document.querySelector("linan-benefits").parentElement.nextElementSibling;
      return [window.__tops, next.getBoundingClientRect().top + scrollY];
    });
    // From the first frame with the widgets connected (the loader has reserved) to now.
    const connected = tops.findIndex((t) => t !== tops[0]);
    const reserved = connected === -1 ? tops[0] : tops[connected];
    assert.equal(now, reserved, `at ${width} px the content below moved from ${reserved} to ${now} px (${tops.join(", ")})`);
    await page.close();
  }
});

test("searching 西樵 narrows the list, and only in that widget", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/`);
  await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  const before = await itemIds(page, "#w1");
  const other = await itemIds(page, "#w2");
  const expected = (await api(`/api/v1/benefits?district=nanhai&category=scenic_discount&lang=zh-CN&limit=20&q=${encodeURIComponent("西樵")}`)).items.map((b) => b.id);
  assert.ok(expected.length > 0 && expected.length < before.length, "the demo makes 西樵 a narrowing search");
  await page.locator("#w1 .lw-search").fill("西樵");
  await until(async () => JSON.stringify(await itemIds(page, "#w1")) === JSON.stringify(expected), 15000, "the filtered list");
  assert.deepEqual(await itemIds(page, "#w2"), other, "the other widget is independent");
  await shot(page, "search-xiqiao");
  await page.close();
});

test("switching the lang attribute to en changes the texts", async () => {
  const page = await newPage();
  await page.goto(`${server.base}/`);
  await page.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  assert.ok(HAN.test(await page.locator("#w1 .lw-title").first().textContent()));
  await page.evaluate(() => document.querySelector("#w1").setAttribute("lang", "en"));
  await page.locator('#w1 .lw-root[lang="en"]').waitFor({ timeout: 10000 });
  await until(async () => {
    const titles = await page.locator("#w1 .lw-title").allTextContents();
    return titles.length > 0 && titles.every((t) => !HAN.test(t));
  }, 15000, "English titles");
  const label = await page.locator("#w1 .lw-search").getAttribute("aria-label");
  assert.ok(label && !HAN.test(label), `search label in English: ${label}`);
  await page.close();
});

test("the keyboard alone opens a detail (its bundle fetched only then) and closing it returns focus", async () => {
  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const page = await newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname.replace("/widget/", "")));
  await page.goto(`${server.base}/embed?district=liwan&lang=en`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  assert.deepEqual(manifest.detail.filter((f) => fetched.includes(f)), [], "the detail's bundle waits until a benefit is opened");
  const focused = () =>
    page.evaluate(() => {
      const el = document.querySelector("linan-benefits").shadowRoot.activeElement;
      return el ? { cls: el.className, id: el.closest(".lw-item")?.dataset.id ?? null } : null;
    });
  const opener = await until(async () => {
    await page.keyboard.press("Tab");
    const f = await focused();
    return f && f.cls.includes("lw-open") ? f : null;
  }, 15000, "Tab to reach a benefit");
  await page.keyboard.press("Enter");
  await page.locator(".lw-detail").waitFor({ timeout: 10000 });
  assert.ok((await page.locator(".lw-detail .lw-terms").textContent()).length > 0);
  assert.deepEqual(manifest.detail.filter((f) => fetched.includes(f)), manifest.detail);
  await shot(page, "detail-open");
  await page.keyboard.press("Escape");
  await page.locator(".lw-detail").waitFor({ state: "detached", timeout: 10000 });
  const back = await until(focused, 5000, "focus after closing");
  assert.equal(back.id, opener.id, "focus returns to the benefit that was opened");
  await page.close();
});

test("hostile host CSS does not change the widget's computed styles", async () => {
  const props = ["font-size", "font-family", "color", "background-color", "line-height", "padding-top", "padding-left",
    "margin-top", "margin-left", "border-top-width", "display", "letter-spacing", "text-transform", "box-sizing", "list-style-type"];
  const styles = async (page, host) => {
    const out = {};
    for (const selector of [".lw-root", ".lw-title", ".lw-open", ".lw-search", ".lw-item", ".lw-list", ".lw-chip"]) {
      out[selector] = await page.locator(`${host} ${selector}`).first().evaluate((el, props) => {
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }, props);
    }
    return out;
  };
  const hostile = await newPage();
  await hostile.goto(`${server.base}/`);
  await hostile.locator("#w1 .lw-item").first().waitFor({ timeout: 20000 });
  const plain = await newPage();
  await plain.goto(`${server.base}/embed?district=nanhai&category=scenic_discount&lang=zh-CN`);
  await plain.locator("linan-benefits .lw-item").first().waitFor({ timeout: 20000 });
  assert.deepEqual(await styles(hostile, "#w1"), await styles(plain, "linan-benefits"));
  await hostile.close();
  await plain.close();
});

test("the iframe page fits 320 px", async () => {
  const page = await newPage(320);
  await page.goto(`${server.base}/embed?district=nanhai&lang=zh-HK`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `no horizontal scrolling at 320 px (scrollWidth ${overflow})`);
  await shot(page, "embed-320px");
  await page.close();
});

test("a page on another origin embeds the widget by snippet and by iframe", async () => {
  // A district site on its own origin: the module script, glue and wasm load cross-origin.
  const pages = {
    "/snippet": `<!doctype html><meta charset="utf-8"><script type="module" src="${server.base}/widget/linan-benefits.js"></script>
      <linan-benefits district="liwan" lang="en" limit="3"></linan-benefits>`,
    "/iframe": `<!doctype html><meta charset="utf-8"><iframe src="${server.base}/embed?district=liwan&lang=en" style="width:600px;height:700px;border:0"></iframe>`,
  };
  const host = createServer((req, res) => {
    res.writeHead(pages[req.url] ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(pages[req.url] ?? "not found");
  });
  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${host.address().port}`;
  try {
    const page = await newPage();
    await page.goto(`${origin}/snippet`);
    await page.locator("linan-benefits .lw-item").first().waitFor({ timeout: 20000 });
    assert.equal(await page.locator("linan-benefits .lw-item").count(), 3);
    assert.deepEqual(
      await page.evaluate(() => Object.keys(window).filter((k) => /linan|wasm|wbg/i.test(k))),
      [],
      "no global names besides the custom element",
    );
    await page.goto(`${origin}/iframe`);
    await page.frameLocator("iframe").locator(".lw-item").first().waitFor({ timeout: 20000 });
    await shot(page, "cross-origin-iframe");
    await page.close();
  } finally {
    host.close();
  }
});

test("a benefit titled with markup shows as text", async () => {
  const page = await newPage();
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const evil = "<img src=x onerror=alert(1)>";
  const real = await api("/api/v1/benefits?limit=1");
  const item = { ...real.items[0], title: evil, summary: `<b>${evil}</b>`, partner: { ...real.items[0].partner, name: "<script>alert(2)</script>" } };
  // Stub the network: the list answers with the hostile benefit.
  await page.route("**/api/v1/benefits?**", (route) => route.fulfill({ json: { items: [item], next_cursor: null } }));
  await page.goto(`${server.base}/embed`);
  await page.locator(".lw-item").first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator(".lw-title").first().textContent(), evil);
  assert.equal(await page.locator(".lw-item img").count(), 0);
  assert.equal(await page.locator("linan-benefits script").count(), 0);
  assert.equal(dialogs, 0, "no script ran");
  await shot(page, "markup-as-text");
  await page.close();
});
