// End-to-end test of staff off-boarding in the portal, in headless Chromium
// against the real backend (demo data, fresh SQLite file): the owner invites
// a colleague, revokes an invitation and removes a staff account — each
// asked to confirm first — and the removed account's session ends at once.
// Waits are conditions with deadlines, never sleeps.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, shot } from "../../frontend/e2e/browser.mjs";
import { announced, horizontalOverflow, openPage, signIn, startPortalServer } from "./helpers.mjs";

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

/** Signs `email` up with invitation `code` through the API; its bearer token. */
async function joinWithCode(email, code) {
  const response = await fetch(`${server.base}/api/v1/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "e2e-password-2026", invite: code, bearer: true }),
  });
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return JSON.parse(text).token;
}

/** The status of `GET /api/v1/auth/me` with `token`. */
async function me(token) {
  return (await fetch(`${server.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

/** Creates an invitation for `email` in the staff page's form; the code shown. */
async function invite(page, email) {
  await page.locator("#invite-email").fill(email);
  await page.locator("#invite-form button[type=submit]").click();
  const code = page.locator("#invite-form code.code");
  await code.filter({ hasText: /\S/ }).waitFor({ timeout: 15000 });
  await page.locator("section[aria-labelledby=invites-title] li", { hasText: email }).waitFor({ timeout: 15000 });
  return code.textContent();
}

test("the owner revokes an invitation and removes a colleague, each after confirming", async () => {
  const token = `e2e${Date.now().toString(36)}`;
  const colleague = `${token}-staff@example.com`;
  const notAfterAll = `${token}-maybe@example.com`;

  const page = await openPage(browser);
  await page.goto(`${server.base}/portal/#/staff`);
  await signIn(page, "merchant1@demo.linan");
  await page.locator("h1", { hasText: "员工账户" }).waitFor({ timeout: 15000 });

  // Invite a colleague, who joins with the code.
  const staffToken = await joinWithCode(colleague, await invite(page, colleague));
  assert.equal(await me(staffToken), 200);

  // Revoke a second invitation: asked first; cancelling keeps it.
  await invite(page, notAfterAll);
  const pending = page.locator("section[aria-labelledby=invites-title] li", { hasText: notAfterAll });
  await pending.getByRole("button", { name: "撤销", exact: true }).click();
  await pending.getByText(`撤销发给 ${notAfterAll} 的邀请？`).waitFor({ timeout: 15000 });
  await pending.getByRole("button", { name: "取消" }).click();
  await pending.getByRole("button", { name: "撤销", exact: true }).click();
  await pending.getByRole("button", { name: "确定撤销" }).click();
  await announced(page, "已撤销邀请。");
  await pending.waitFor({ state: "detached", timeout: 15000 });

  // Remove the colleague (the list shows them after a reload of the page).
  await page.reload();
  const member = page.locator("main li.card", { hasText: colleague });
  await member.waitFor({ timeout: 15000 });
  const own = page.locator("main li.card", { hasText: "merchant1@demo.linan" });
  assert.equal(await own.getByRole("button", { name: "移除" }).count(), 0, "the owner cannot remove themselves");
  await member.getByRole("button", { name: "移除", exact: true }).click();
  await member.getByText(`移除 ${colleague}？`).waitFor({ timeout: 15000 });
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok((await horizontalOverflow(page)) <= 0, "no horizontal scroll at 320 px with the question open");
  await shot(page, "portal-staff-remove-320px");
  await page.setViewportSize({ width: 1200, height: 900 });
  await member.getByRole("button", { name: "确定移除" }).click();
  await announced(page, "已移除该账户。");
  await member.waitFor({ state: "detached", timeout: 15000 });
  assert.equal(await me(staffToken), 401, "the removed account's session ended at once");

  // Both are in the audit log, named in the page's language.
  const admin = await openPage(browser);
  await admin.goto(`${server.base}/portal/#/audit`);
  await signIn(admin, "liwan-admin@demo.linan");
  await admin.goto(`${server.base}/portal/#/audit`);
  await admin.locator("li.audit-event", { hasText: "移除员工账户" }).first().waitFor({ timeout: 15000 });
  await admin.locator("li.audit-event", { hasText: "撤销员工邀请" }).first().waitFor({ timeout: 15000 });

  assert.deepEqual(page.violations, [], "no Content-Security-Policy violation");
  await page.close();
  await admin.close();
});
