// Benchmark: time from navigation start to the first benefit painted on the
// demo host page, for the widget and for its plain-JavaScript twin (twin.js:
// the same markup and the same API requests, no framework), in one headless
// Chromium run against the real backend (release build recommended:
// LINAN_BIN=target/release/linan). Both pages are the demo host page's markup
// (two elements inside hostile CSS); only the script differs. Runs alternate
// between the two pages, so load on the machine hits both alike.
//
// Prints, for each page, the median of RUNS runs with an empty cache (a new
// browser context each run) and with a warm cache (reloads in one context),
// the ratios widget / twin, the cumulative layout shift up to one second
// after the list arrived (the worst run), and the widget's gzip sizes.
//
//   LINAN_BIN=target/release/linan node frontend/bench/first-paint.mjs     (RUNS=9 by default)
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "../e2e/browser.mjs";
import { repo, startServer } from "../e2e/server.mjs";

const RUNS = Number(process.env.RUNS || 9);
const dist = join(repo, "frontend/dist");

// The server's widget folder: the built widget plus the twin, whose
// stylesheet is the widget's own (comments and spacing dropped).
const dir = mkdtempSync(join(tmpdir(), "linan-first-paint-"));
for (const file of readdirSync(dist)) copyFileSync(join(dist, file), join(dir, file));
const css = readFileSync(join(repo, "frontend/src/widget.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ");
writeFileSync(join(dir, "linan-twin.js"), readFileSync(join(repo, "frontend/bench/twin.js"), "utf8").replace("__CSS__", () => JSON.stringify(css)));

// Runs in the page before its scripts: records performance.now() at the
// first animation frame in which a benefit is in a widget's shadow root,
// sums the layout shifts in the viewport (as Cumulative Layout Shift does),
// and notes where the host content after the widgets is in the last frame
// without a benefit (how far the list's arrival pushes it is the shift that
// counts here: on the demo page the widgets are below the fold, where CLS
// does not look).
const probe = () => {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  window.__below = () => {
    const next = document.querySelector("linan-benefits")?.parentElement?.nextElementSibling;
    return next ? next.getBoundingClientRect().top + scrollY : 0;
  };
  const tick = () => {
    const items = [...document.querySelectorAll("linan-benefits")].map((el) => el.shadowRoot?.querySelector(".lw-item"));
    if (!items.some(Boolean)) window.__belowBefore = window.__below();
    if (items.some(Boolean) && window.__firstItem === undefined) window.__firstItem = performance.now();
    if (items.every(Boolean)) window.__allItems = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function measure(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__allItems !== undefined, null, { timeout: 30000 });
  await page.waitForTimeout(1000); // late shifts (reference lists, fonts) count too
  // A list painted in the page's very first frame pushed nothing that was seen.
  return page.evaluate(() => ({ first: window.__firstItem, cls: window.__cls, moved: window.__below() - (window.__belowBefore ?? window.__below()) }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = await startServer({ widgetDir: dir });
const browser = await launch();
try {
  // The twin's page: the demo host page with the twin's script instead of the widget's.
  const demo = await (await fetch(`${server.base}/`)).text();
  const twinHtml = demo
    .replace(/<link rel="modulepreload"[^>]*>\n?/g, "")
    .replace(/<script type="module" src="\/widget\/linan-benefits\.js"><\/script>/, '<script type="module" src="/widget/linan-twin.js"></script>');
  if (twinHtml === demo) throw new Error("the demo page no longer loads /widget/linan-benefits.js as expected");
  writeFileSync(join(dir, "twin.html"), twinHtml);
  const pages = { widget: `${server.base}/`, twin: `${server.base}/widget/twin.html` };
  const names = Object.keys(pages);

  const cold = { widget: [], twin: [] };
  const shift = { widget: 0, twin: 0 };
  const moved = { widget: 0, twin: 0 };
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 ? [...names].reverse() : names) {
      const context = await browser.newContext();
      await context.addInitScript(probe);
      const m = await measure(await context.newPage(), pages[name]);
      cold[name].push(m.first);
      shift[name] = Math.max(shift[name], m.cls);
      moved[name] = Math.max(moved[name], Math.abs(m.moved));
      await context.close();
    }
  }
  const warm = { widget: [], twin: [] };
  const tabs = {};
  for (const name of names) {
    const context = await browser.newContext();
    await context.addInitScript(probe);
    tabs[name] = { context, page: await context.newPage() };
    await measure(tabs[name].page, pages[name]); // fill the cache
  }
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 ? [...names].reverse() : names) {
      const m = await measure(tabs[name].page, pages[name]);
      warm[name].push(m.first);
      shift[name] = Math.max(shift[name], m.cls);
      moved[name] = Math.max(moved[name], Math.abs(m.moved));
    }
  }
  for (const { context } of Object.values(tabs)) await context.close();

  const manifest = JSON.parse(readFileSync(join(dist, "manifest.json"), "utf8"));
  const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  const ms = (x) => `${x.toFixed(0)} ms`;
  const m = (xs) => median(xs);
  console.log(`| page | first item, empty cache (median of ${RUNS}) | first item, warm cache (median of ${RUNS}) | CLS (worst run) | content below pushed when the list arrives (worst run) |`);
  console.log(`|---|---:|---:|---:|---:|`);
  for (const name of names) {
    console.log(`| ${name} | ${ms(m(cold[name]))} | ${ms(m(warm[name]))} | ${shift[name].toFixed(4)} | ${moved[name].toFixed(0)} px |`);
  }
  console.log(`| **widget / twin** | **${(m(cold.widget) / m(cold.twin)).toFixed(2)}×** | **${(m(warm.widget) / m(warm.twin)).toFixed(2)}×** | | |`);
  for (const name of names) {
    console.log(`${name} cold runs (ms): ${cold[name].map((x) => x.toFixed(0)).join(", ")}`);
    console.log(`${name} warm runs (ms): ${warm[name].map((x) => x.toFixed(0)).join(", ")}`);
  }
  const first = manifest.first_paint ?? [manifest.loader, manifest.glue, manifest.wasm];
  const sizes = first.map((f) => `${f} ${gz(f)}`);
  console.log(`widget before the first benefit (node zlib -9): ${sizes.join(" + ")} = ${first.reduce((s, f) => s + gz(f), 0)} B`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
