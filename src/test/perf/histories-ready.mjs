// Browser time to the committee's agenda histories page with its first client's grid visible, signed in
// as a committee member, fresh page per run (a new Vaadin UI each time).
// Usage (with playwright-core installed next to it, Debian's Chromium):
//   node histories-ready.mjs BASE_URL USER PASSWORD MEETING_ID FIRST_CLIENT_ID RUNS
// Prints one JSON line: min/median/max ms from navigation start to #histories-<client>-table visible and
// painted (two frames), and the largest total of Vaadin responses (bootstrap + UIDL, bytes) of one page view;
// for scale, the median time of the home page (a light view) to its title painted, in the same browser.
import { chromium } from 'playwright-core';
const [,, base, user, pass, meetingId, firstClient, runsArg] = process.argv;
const runs = +(runsArg || 5);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
const login = await context.newPage();
await login.goto(base + '/login');
await login.fill('vaadin-login-form input[name=username]', user);
await login.fill('vaadin-login-form input[name=password]', pass);
await login.keyboard.press('Enter');
await login.waitForSelector('#home-title');
await login.close();
const times = [];
let bytes = 0;
let colour = '';
for (let i = 0; i < runs; i++) {
  const p = await context.newPage();
  let total = 0;
  const pending = [];
  p.on('response', r => { if (r.url().includes('v-r=') || r.url().includes('/histories')) pending.push(r.body().then(b => { total += b.length; }, () => {})); });
  const t0 = Date.now();
  await p.goto(`${base}/committee/meetings/${meetingId}/histories`);
  await p.waitForSelector(`#histories-${firstClient}-table`, { state: 'visible', timeout: 60000 });
  await p.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  times.push(Date.now() - t0);
  // the grid's colours come from the application's style sheet: a cell without background means it was not served
  colour = await p.$eval(`#histories-${firstClient}-table .score-cell`, el => getComputedStyle(el).backgroundColor);
  await Promise.all(pending);
  bytes = Math.max(bytes, total);
  await p.close();
}
// for scale, in the same browser: the home page (a light view) from navigation start to its title painted
const home = [];
for (let i = 0; i < runs; i++) {
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(`${base}/`);
  await p.waitForSelector('#home-title', { state: 'visible', timeout: 60000 });
  await p.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  home.push(Date.now() - t0);
  await p.close();
}
times.sort((a, b) => a - b);
home.sort((a, b) => a - b);
console.log(JSON.stringify({ runs, ms_min: times[0], ms_median: times[Math.floor(times.length / 2)], ms_max: times.at(-1), bytes_max: bytes,
  home_ms_median: home[Math.floor(home.length / 2)], cell_background: colour }));
await browser.close();
