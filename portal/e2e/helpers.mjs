// What the portal's browser tests share: pages that record dialogs and CSP
// violations, signing in through the form, waiting for the status line,
// measuring horizontal overflow, and the demo accounts' password.
import { join } from "node:path";
import { repo, startServer } from "../../frontend/e2e/server.mjs";

export const DEMO_PASSWORD = "linan-demo-2026";

/** The real backend with the demo data, serving the built portal too. */
export async function startPortalServer() {
  // startServer passes its environment on to the backend.
  process.env.LINAN_PORTAL_DIR = join(repo, "portal/dist");
  return startServer();
}

/** A page in a fresh browser context (own cookies), watching for dialogs and CSP violations. */
export async function openPage(browser, width = 1200) {
  return watch(await browser.newPage({ viewport: { width, height: 900 } }));
}

/** Records the page's dialogs (dismissed) and CSP violations, and logs its errors. */
export function watch(page) {
  page.dialogs = [];
  page.violations = [];
  page.on("dialog", (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => console.error("page error:", e));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text())) page.violations.push(message.text());
  });
  return page;
}

/** Waits until the status line (the aria-live region) says `text`. */
export async function announced(page, text) {
  await page.locator(".status-line", { hasText: text }).waitFor({ timeout: 15000 });
}

/** Signs in through the form (the page shows the login form). */
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.locator("#login-email").fill(email);
  await page.locator("#login-password").fill(password);
  await page.locator("#login-form button[type=submit]").click();
}

/** How many pixels the page is wider than the window (0 or less: no horizontal scroll). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
