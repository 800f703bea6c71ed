// Starts the real backend (the `linan` binary) on a free port with a fresh
// SQLite file and the demo data, serving the built widget from frontend/dist
// (or from `widgetDir`).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");

/** Polls `check` until it returns a truthy value or `ms` pass; returns the value. */
export async function until(check, ms = 15000, what = "condition") {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

export async function startServer({ widgetDir = join(repo, "frontend/dist") } = {}) {
  const bin = process.env.LINAN_BIN || join(repo, "target/debug/linan");
  const dir = mkdtempSync(join(tmpdir(), "linan-e2e-"));
  const child = spawn(
    bin,
    ["serve", "--bind", "127.0.0.1:0", "--database-url", `sqlite://${dir}/e2e.sqlite?mode=rwc`, "--widget-dir", widgetDir],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, RUST_LOG: "warn" } },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const base = await until(() => output.match(/running at (http:\/\/[0-9.:]+)\//)?.[1], 60000, "the server to start");
  await until(async () => (await fetch(`${base}/readyz`)).ok, 15000, "readiness");
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      await until(() => child.exitCode !== null || child.signalCode !== null, 10000, "the server to stop").catch(() => child.kill("SIGKILL"));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON of a GET of `path` from the server at `base`, which must answer 200. */
export async function getJson(base, path) {
  const response = await fetch(`${base}${path}`);
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return response.json();
}
