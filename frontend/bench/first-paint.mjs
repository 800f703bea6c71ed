// Benchmark: time from navigation start to the first benefit painted by the
// widget on the demo host page, in headless Chromium against the real backend
// (release build recommended: LINAN_BIN=target/release/linan). Prints the
// median of RUNS runs with an empty cache (a new browser context each run)
// and with a warm cache (reloads in one context), and the widget's gzip size.
//
//   node frontend/bench/first-paint.mjs            (RUNS=9 by default)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "../e2e/browser.mjs";
import { repo, startServer } from "../e2e/server.mjs";

const RUNS = Number(process.env.RUNS || 9);

// Runs in the page before its scripts: records performance.now() at the first
// animation frame in which a benefit is in the widget's shadow root.
const probe = () => {
  const tick = () => {
    const item = document.querySelector("linan-benefits")?.shadowRoot?.querySelector(".lw-item");
    if (item) window.__firstItem = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function measure(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__firstItem !== undefined, null, { timeout: 30000 });
  return page.evaluate(() => window.__firstItem);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = await startServer();
const browser = await launch();
try {
  const url = `${server.base}/`;
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(probe);
    cold.push(await measure(await context.newPage(), url));
    await context.close();
  }
  const context = await browser.newContext();
  await context.addInitScript(probe);
  const page = await context.newPage();
  await measure(page, url); // fill the cache
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await measure(page, url));
  await context.close();

  const manifest = JSON.parse(readFileSync(join(repo, "frontend/dist/manifest.json"), "utf8"));
  const gz = (f) => gzipSync(readFileSync(join(repo, "frontend/dist", f)), { level: 9 }).length;
  const sizes = { loader: gz(manifest.loader), glue: gz(manifest.glue), wasm: gz(manifest.wasm) };
  sizes.total = sizes.loader + sizes.glue + sizes.wasm;
  console.log(`| runs | first item, empty cache (median) | first item, warm cache (median) | gzip loader + glue + wasm |`);
  console.log(`|---:|---:|---:|---|`);
  console.log(
    `| ${RUNS} | ${median(cold).toFixed(0)} ms | ${median(warm).toFixed(0)} ms | ${sizes.loader} + ${sizes.glue} + ${sizes.wasm} = ${sizes.total} B |`,
  );
  console.log(`cold runs (ms): ${cold.map((x) => x.toFixed(0)).join(", ")}`);
  console.log(`warm runs (ms): ${warm.map((x) => x.toFixed(0)).join(", ")}`);
} finally {
  await browser.close();
  await server.stop();
}
