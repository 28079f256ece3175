// Browser test of sitrep's web page, in headless Chromium (Debian's
// `chromium`) driven by playwright-core. run.sh starts `sitrep serve` over
// the bundled corpus (plus one posted article containing <script>) and
// passes its address in SITREP_URL. Screenshots go to ARTEFACTS.
//
// Checks: markers on the map, brushing the timeline narrows the events,
// clicking a marker opens the event with its evidence sentence highlighted,
// an article's <script> renders as text, the page works at phone size, and
// no request leaves the server's own origin.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { chromium } = require('playwright-core');

const BASE = process.env.SITREP_URL;
const ARTEFACTS = process.env.ARTEFACTS || path.join(__dirname, 'artefacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let browser;
let page;
const requests = [];
const dialogs = [];
const errors = [];

before(async () => {
  assert.ok(BASE, 'SITREP_URL is set by run.sh');
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      // Any host but the server's resolves to nothing: a request elsewhere would fail and be seen.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
});

after(async () => {
  if (browser) await browser.close();
});

async function shot(name) {
  await page.screenshot({ path: path.join(ARTEFACTS, name) });
}

/** Poll a page function until it returns true (waitForFunction needs eval, which the page's CSP forbids). */
async function until(fn, arg, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await page.evaluate(fn, arg)) return;
    await page.waitForTimeout(100);
  }
  throw new Error('timed out waiting for ' + fn.toString());
}

async function ready() {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
}

test('the map shows the events as markers', async () => {
  await page.goto(BASE + '/');
  await ready();
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 10000 });
  const markers = await page.locator('.leaflet-marker-icon').count();
  assert.ok(markers > 0, 'markers or clusters on the map');
  const status = await page.textContent('#status');
  assert.match(status, /^\d+ events, \d+ on the map/);
  const land = await page.locator('.leaflet-land-pane path, .leaflet-pane path').count();
  assert.ok(land > 0, 'the basemap is drawn');
  await shot('01-map.png');
});

test('brushing the timeline sets the date range', async () => {
  const before = Number((await page.textContent('#status')).split(' ')[0]);
  // The tallest bar holds the seed's day (13 events).
  const bars = await page.locator('#timeline .bar').evaluateAll((rs) =>
    rs.map((r) => ({ h: r.getBoundingClientRect().height, x: r.getBoundingClientRect().x, w: r.getBoundingClientRect().width, y: r.getBoundingClientRect().y })));
  assert.ok(bars.length > 1, 'a histogram');
  const top = bars.reduce((a, b) => (b.h > a.h ? b : a));
  const y = top.y + top.h / 2;
  await page.mouse.move(Math.max(0, top.x - 1), y);
  await page.mouse.down();
  await page.mouse.move(top.x + top.w / 2, y, { steps: 4 });
  await page.mouse.move(top.x + top.w + 1, y, { steps: 4 });
  await page.mouse.up();
  await until(() => document.getElementById('range-label').textContent !== 'all');
  await until((n) => !/Loading/.test(document.getElementById('status').textContent)
    && Number(document.getElementById('status').textContent.split(' ')[0]) < n, before);
  const range = await page.textContent('#range-label');
  const [from, to] = range.split(' to ');
  const dates = await page.locator('#event-list .when').allTextContents();
  assert.ok(dates.length > 0, 'events in the range');
  for (const d of dates) assert.ok(d >= from && d <= to, `${d} in ${range}`);
  assert.ok(dates.includes('2016-01-20'), 'the seed day is brushed');
  await shot('02-brushed.png');
});

test('a marker opens its event with the evidence sentence highlighted', async () => {
  // Zoom into clusters until single markers show, then click one.
  for (let i = 0; i < 8 && (await page.locator('.ev-icon').count()) === 0; i += 1) {
    await page.locator('.marker-cluster').first().click();
    await page.waitForTimeout(700);
  }
  const marker = page.locator('.ev-icon .ev').first();
  const id = await marker.getAttribute('data-event');
  await page.locator('.ev-icon').first().click();
  await page.waitForSelector('#panel:not([hidden]) .paragraph mark');
  const shown = await page.textContent('#panel .paragraph mark');
  const api = await page.evaluate(async (eid) => (await (await fetch('/api/events/' + encodeURIComponent(eid))).json()), id);
  assert.equal(shown, api.event.evidence.text, 'the highlighted text is the evidence');
  const paragraph = await page.textContent('#panel .paragraph');
  assert.ok(paragraph.includes(shown) && paragraph.length >= shown.length);
  assert.ok((await page.textContent('#panel')).includes(api.event.sub_event_type));
  await shot('03-event.png');
});

test("an article's <script> shows as text", async () => {
  const id = await page.evaluate(async () => {
    const r = await (await fetch('/api/events?doc=xss-test')).json();
    return r.events.length ? r.events[0].event_id : null;
  });
  assert.ok(id, 'the posted article gave an event');
  await page.goto(`${BASE}/#event/${encodeURIComponent(id)}`);
  await ready();
  await page.waitForSelector('#panel:not([hidden]) .paragraph mark');
  const text = await page.textContent('#panel .paragraph');
  assert.ok(text.includes('<script>alert("sitrep-xss")</script>'), `shown as written: ${text}`);
  assert.equal(await page.locator('#panel script').count(), 0, 'no script element made');
  assert.deepEqual(dialogs, [], 'no script ran');
  await shot('04-script-as-text.png');
});

test('the page works at phone size', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(BASE + '/');
  await ready();
  await page.waitForSelector('.leaflet-marker-icon');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  assert.ok(await page.isVisible('#toggle-filters'), 'filters behind a button');
  await page.click('#toggle-filters');
  await page.waitForTimeout(300);
  assert.ok(await page.isVisible('#f-actor'));
  await shot('05-phone.png');
});

test('no request leaves the server', () => {
  assert.ok(requests.length > 5);
  const elsewhere = requests.filter((u) => !u.startsWith(BASE + '/') && !u.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'every request went to ' + BASE);
  assert.deepEqual(errors, [], 'no page errors');
});
