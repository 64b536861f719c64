// Browser time to a usable generated form and to the hand-written view of the same fields, signed in,
// fresh page per run (a new Vaadin UI each time), the two alternating in one run so that only ratios matter.
// Usage (with playwright-core installed next to it, Debian's Chromium):
//   node form-ready.mjs BASE_URL USER PASSWORD FORM_KEY RUNS CLIENT_ID SECTIONS PER_SECTION HAND_ROUTE HAND_LAST_ID
// Per run it measures, from navigation start (each ready state = element present, then two frames painted):
//   hand:  HAND_ROUTE until #HAND_LAST_ID (the hand-written view renders every field at once);
//   first: clients/<id>/new/<form> until the first section's last field #item-text_<PER_SECTION> is there;
//   whole: then each further section opened in turn (a click on its summary) until its last field is there.
// A form that renders every section at once has them all after "first"; the clicks then only close nothing.
// Prints one JSON line: min/median/max ms of each. The benchmark suite runs it from target/pw (P2).
import { chromium } from 'playwright-core';
const [,, base, user, pass, formKey, runsArg, clientId, sectionsArg, perSectionArg, handRoute, handLast] = process.argv;
const runs = +(runsArg || 7);
const sections = +sectionsArg;
const perSection = +perSectionArg;
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
const times = { hand: [], first: [], whole: [] };
let lazy = null;
let fields = 0;

async function hand() {
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(`${base}/${handRoute}`);
  await p.waitForSelector('#' + handLast, { timeout: 60000 });
  await painted(p);
  times.hand.push(Date.now() - t0);
  await p.close();
}

async function generated() {
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(`${base}/clients/${clientId}/new/${formKey}`);
  await p.waitForSelector(`#item-text_${perSection}`, { timeout: 60000 });
  await painted(p);
  times.first.push(Date.now() - t0);
  lazy = await p.$eval(`#form-${formKey}`, el => el.getAttribute('data-lazy-sections'));
  for (let s = 2; s <= sections; s++) {
    const last = `#item-text_${s * perSection}`;
    if (await p.$(last) === null) {
      await p.click(`#section-section_${s} [slot=summary]`);
      await p.waitForSelector(last, { timeout: 60000 });
    }
  }
  await painted(p);
  times.whole.push(Date.now() - t0);
  fields = await p.$$eval('[id^=item-]', els => els.length);
  await p.close();
}

for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) { await hand(); await generated(); } else { await generated(); await hand(); }
}
const stats = a => { const s = [...a].sort((x, y) => x - y); return { min: s[0], median: s[Math.floor(s.length / 2)], max: s.at(-1) }; };
console.log(`fields on the page at the end: ${fields}; lazy sections: ${lazy}`);
console.log(JSON.stringify({ form: formKey, runs, hand: stats(times.hand), first: stats(times.first), whole: stats(times.whole) }));
await browser.close();
