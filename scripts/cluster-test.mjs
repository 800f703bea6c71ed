// The cluster checks that scripts/cluster-test.sh runs against nginx (LB) in
// front of two `linan serve` replicas (A, B) on one PostgreSQL database with
// the demo data set. Node 20 (fetch), loopback only, every loop bounded.
//
// 1. A write through one replica is read through the other within the
//    version poll (LINAN_VERSION_POLL_MS): an admin publishes an offer
//    through A, B serves it; the merchant pauses and resumes it through B,
//    A follows.
// 2. Throttling holds across replicas: wrong sign-ins of one account spread
//    over A and B meet 429 once the documented budget (5) is spent.
// 3. Replica B is killed (SIGKILL) in the middle of a redemption load through
//    nginx: every redemption answered 201 is written (checked by the shell
//    script in the database, from ACKED_FILE); requests that got no answer
//    are retried with their Idempotency-Key and recorded once.
//
// Prints one "ok - …" or "not ok - …" line per check (the shell script
// counts them) and exits non-zero if any failed.

import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const { LB, A, B, POLL_MS, PID_B, ACKED_FILE } = process.env;
const poll = Number(POLL_MS);
// The time a request itself may take on top of the poll (debug builds, 2 cores).
const SLACK_MS = 500;
const PASSWORD = 'linan-demo-2026';
const CARDS = [
  ['LW2026000014', '0014', '1990-01-01'],
  ['LW2026000022', '0023', '1985-05-05'],
  ['LW2026000030', '0032', '1992-02-02'],
  ['YF202600000022', '0043', '1988-08-08'],
];
const PER_CARD = 60;
const KILL_AFTER = 40;

let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) failed += 1;
}

async function call(base, method, path, { token, body, key } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const r = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: r.status, json, text };
  } catch (e) {
    return { status: 0, json: null, text: String(e) };
  }
}

async function must(base, method, path, status, options) {
  const r = await call(base, method, path, options);
  if (r.status !== status) throw new Error(`${method} ${base}${path}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

async function login(base, email) {
  return (await must(base, 'POST', '/api/v1/auth/login', 200, { body: { email, password: PASSWORD, bearer: true } }))
    .token;
}

/** Milliseconds until GET `path` on `base` answers `status`, or null after `limit` ms. */
async function until(base, path, status, limit) {
  const start = performance.now();
  while (performance.now() - start < limit) {
    if ((await call(base, 'GET', path)).status === status) return Math.round(performance.now() - start);
    await sleep(10);
  }
  return null;
}

async function seenWithinPoll(name, base, path, status) {
  const ms = await until(base, path, status, poll + SLACK_MS + 5_000);
  check(name, ms !== null && ms <= poll + SLACK_MS, `${ms} ms, poll ${poll} ms`);
}

// 1. Writes through one replica, reads through the other.
const merchantA = await login(A, 'merchant1@demo.linan');
const merchantB = await login(B, 'merchant1@demo.linan');
const adminA = await login(A, 'liwan-admin@demo.linan');
const template = (await must(A, 'GET', '/api/v1/merchant/offers', 200, { token: merchantA })).items.find(
  (o) => o.status === 'published',
).offer;
const input = {
  ...template,
  title: { 'zh-CN': '集群测试优惠' },
  quota: { per_person_limit: 100000, per_person_period: 'day', daily_stock: 100000 },
  eligibility: [
    { scheme: 'liwan_talent', min_tier: 'C' },
    { scheme: 'youyue_foshan', min_tier: 'C' },
  ],
};
let offer = await must(A, 'POST', '/api/v1/merchant/offers', 201, { token: merchantA, body: input });
offer = await must(A, 'POST', `/api/v1/merchant/offers/${offer.id}/submit`, 200, {
  token: merchantA,
  body: { version: offer.version },
});
const detail = `/api/v1/benefits/${offer.id}`;
check('the offer is not public before it is approved (B)', (await call(B, 'GET', detail)).status === 404);
offer = await must(A, 'POST', `/api/v1/admin/offers/${offer.id}/approve`, 200, {
  token: adminA,
  body: { version: offer.version },
});
await seenWithinPoll('approved through A, served by B within the poll', B, detail, 200);
offer = await must(B, 'POST', `/api/v1/merchant/offers/${offer.id}/pause`, 200, {
  token: merchantB,
  body: { version: offer.version },
});
await seenWithinPoll('paused through B, gone from A within the poll', A, detail, 404);
offer = await must(B, 'POST', `/api/v1/merchant/offers/${offer.id}/resume`, 200, {
  token: merchantB,
  body: { version: offer.version },
});
await seenWithinPoll('resumed through B, back on A within the poll', A, detail, 200);

// 2. The sign-in budget of one account (5, then one a minute) is shared.
const wrong = { email: 'merchant3@demo.linan', password: 'a wrong guess', bearer: true };
const statuses = [];
for (let i = 0; i < 6; i += 1) {
  statuses.push((await call(i % 2 === 0 ? A : B, 'POST', '/api/v1/auth/login', { body: wrong })).status);
}
check(
  'wrong sign-ins alternating over A and B: 5 refused with 401, the 6th with 429',
  statuses.join(',') === '401,401,401,401,401,429',
  statuses.join(','),
);

// 3. Redemptions through nginx while B is killed.
const merchant = await login(LB, 'merchant1@demo.linan');
const acked = [];
const unanswered = [];
let killedAt = null;
let ackedAfterKill = 0;
async function worker(card) {
  const [number, last4, birth] = CARDS[card];
  const body = { benefit_id: offer.id, card_number: number, id_last4: last4, birth_date: birth };
  for (let i = 0; i < PER_CARD; i += 1) {
    const key = `cluster-${card}-${i}`;
    const r = await call(LB, 'POST', '/api/v1/redemptions', { token: merchant, body, key });
    if (r.status === 201) {
      acked.push({ key, id: r.json.id });
      if (killedAt !== null) ackedAfterKill += 1;
    } else {
      unanswered.push({ key, body, status: r.status, text: r.text.slice(0, 200) });
    }
    if (killedAt === null && acked.length >= KILL_AFTER) {
      killedAt = acked.length;
      process.kill(Number(PID_B), 'SIGKILL');
    }
  }
}
await Promise.all(CARDS.map((_, card) => worker(card)));
check('replica B was killed mid-load', killedAt !== null, `after ${killedAt} acknowledged`);
check('redemptions go on through A after the kill', ackedAfterKill > 0, `${ackedAfterKill} acknowledged after`);
const refusedOther = unanswered.filter((u) => u.status !== 0 && u.status < 500);
check('no redemption was refused (only lost answers)', refusedOther.length === 0, JSON.stringify(refusedOther[0] ?? ''));
// A request whose answer was lost is retried with its key: recorded once.
let retriedOk = 0;
for (const u of unanswered) {
  const r = await call(LB, 'POST', '/api/v1/redemptions', { token: merchant, body: u.body, key: u.key });
  if (r.status === 201) {
    acked.push({ key: u.key, id: r.json.id });
    retriedOk += 1;
  }
}
check('every retried request is answered 201', retriedOk === unanswered.length, `${retriedOk}/${unanswered.length}`);
writeFileSync(ACKED_FILE, `${acked.map((a) => `${a.id} ${a.key}`).join('\n')}\n`);
console.log(`# offer ${offer.id}: ${acked.length} acknowledged redemptions, ${unanswered.length} answers lost in the kill`);
writeFileSync(`${ACKED_FILE}.offer`, `${offer.id}\n`);

process.exit(failed === 0 ? 0 : 1);
