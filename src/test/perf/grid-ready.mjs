// Browser time to a usable 200-item grid section (one section of scale items drawn as compact lines,
// `layout: grid`) and to the hand-written view of 200 fields, signed in, fresh page per run (a new
// Vaadin UI each time), the two alternating in one run so that only ratios matter.
// Usage (with playwright-core installed next to it, Debian's Chromium):
//   node grid-ready.mjs BASE_URL USER PASSWORD FORM_KEY RUNS CLIENT_ID LAST_FIELD_ID HAND_ROUTE HAND_LAST_ID
// Per run it measures, from navigation start (each ready state = element present, then two frames painted):
//   hand: HAND_ROUTE until #HAND_LAST_ID;
//   grid: clients/<id>/new/<form> until the section's last line's choices #LAST_FIELD_ID are there.
// Prints one JSON line: min/median/max ms of each. The benchmark suite runs it from target/pw (P2).
import { chromium } from 'playwright-core';
const [,, base, user, pass, formKey, runsArg, clientId, lastField, handRoute, handLast] = process.argv;
const runs = +(runsArg || 7);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
const page = await context.newPage();
await page.goto(base + '/login');
await page.fill('vaadin-login-form input[name=username]', user);
await page.fill('vaadin-login-form input[name=password]', pass);
await page.keyboard.press('Enter');
await page.waitForSelector('#home-title');
await page.close();

const painted = p => p.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
const times = { hand: [], grid: [] };
let lines = 0;

async function timed(name, url, selector) {
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(url);
  await p.waitForSelector(selector, { timeout: 60000 });
  await painted(p);
  times[name].push(Date.now() - t0);
  if (name === 'grid') {
    lines = await p.$$eval('.scale-line', els => els.length);
  }
  await p.close();
}

const hand = () => timed('hand', `${base}/${handRoute}`, '#' + handLast);
const grid = () => timed('grid', `${base}/clients/${clientId}/new/${formKey}`, '#' + lastField);
for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) { await hand(); await grid(); } else { await grid(); await hand(); }
}
const stats = a => { const s = [...a].sort((x, y) => x - y); return { min: s[0], median: s[Math.floor(s.length / 2)], max: s.at(-1) }; };
console.log(`grid lines on the page: ${lines}`);
console.log(JSON.stringify({ form: formKey, runs, hand: stats(times.hand), grid: stats(times.grid) }));
await browser.close();
