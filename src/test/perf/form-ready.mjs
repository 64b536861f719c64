// Browser time to a fully painted generated form, signed in, fresh page per run (a new Vaadin UI each time).
// Usage (with playwright-core installed next to it, Debian's Chromium):
//   node form-ready.mjs BASE_URL USER PASSWORD FORM_KEY RUNS LAST_FIELD_ID [CLIENT_ID]
// Without CLIENT_ID it creates one client through the UI. It then opens clients/<id>/new/<form> RUNS
// times and prints min/median/max ms from navigation start to the last field present and painted
// (two frames). The benchmark suite runs it from target/pw (BrowserAndLoadBenchmark, P2).
import { chromium } from 'playwright-core';
const [,, base, user, pass, formKey, runsArg, lastField, givenClient] = process.argv;
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
let clientId = givenClient;
if (!clientId) {
  await page.goto(base + '/clients');
  await page.click('#new-client');
  await page.fill('#client-last-name input', 'Perf');
  await page.fill('#client-first-name input', 'Runner');
  await page.fill('#client-birth-date input', '01/02/1980');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#client-name');
  clientId = page.url().split('/').pop();
}
await page.close();
const times = [];
for (let i = 0; i < runs; i++) {
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(`${base}/clients/${clientId}/new/${formKey}`);
  await p.waitForSelector('#' + lastField, { timeout: 60000 });
  await p.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  times.push(Date.now() - t0);
  const fields = await p.$$eval('[id^=item-]', els => els.length);
  if (i === 0) console.log(`fields on the page: ${fields}`);
  await p.close();
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ form: formKey, runs, ms_min: times[0], ms_median: times[Math.floor(times.length / 2)], ms_max: times.at(-1) }));
await browser.close();
