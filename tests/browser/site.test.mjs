// Real-browser test of the built crossbrief sample site.
//
//   node tests/browser/site.test.mjs BASE_URL [SCREENSHOT_DIR]
//
// BASE_URL is where the built sample is served (e.g. http://127.0.0.1:8000). Uses Debian's
// chromium through playwright-core (no browser download). Set CHROMIUM to use another binary.
// Collects every failure, prints a summary, and exits 1 if anything failed (2 on bad usage or
// if the browser cannot start).

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [baseArg, shotArg] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node site.test.mjs BASE_URL [SCREENSHOT_DIR]');
  process.exit(2);
}
const BASE = baseArg.replace(/\/+$/, '');
const ORIGIN = new URL(BASE).origin;
const SHOTS = path.resolve(shotArg || path.join(tmpdir(), 'crossbrief-screenshots'));
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const NAV_TIMEOUT = 30_000;

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

// ---------------------------------------------------------------- bookkeeping

const failures = [];
const passes = [];
const warnings = new Set();
let currentGroup = '';

function fail(what, detail = '') {
  const msg = `${currentGroup ? currentGroup + ': ' : ''}${what}${detail ? ' — ' + detail : ''}`;
  failures.push(msg);
  console.log(`  FAIL ${what}${detail ? ' — ' + detail : ''}`);
}
function pass(what) {
  passes.push(`${currentGroup ? currentGroup + ': ' : ''}${what}`);
  console.log(`  ok   ${what}`);
}
function check(cond, what, detail = '') {
  if (cond) pass(what);
  else fail(what, detail);
  return cond;
}
function group(name) {
  currentGroup = name;
  console.log(`\n== ${name}`);
}
// Run a step; an exception becomes a failure of that step instead of ending the run.
async function step(what, fn) {
  try {
    return await fn();
  } catch (err) {
    fail(what, String(err && err.message ? err.message : err).split('\n')[0]);
    return undefined;
  }
}

const url = (p) => new URL(p, BASE + '/').href;
const pathOf = (u) => {
  const x = new URL(u);
  return x.pathname + x.search;
};

// ---------------------------------------------------------------- browser

// chromium.launch() gives the browser a fresh temporary profile of its own and removes it on
// close (it refuses --user-data-dir; launchPersistentContext would be needed for that).
let browser;
try {
  browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
} catch (err) {
  console.error(`cannot start ${EXECUTABLE}: ${err.message}`);
  process.exit(2);
}

async function newPage(viewport = VIEWPORTS.desktop) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT);
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      // Chromium asks for /favicon.ico by itself (once per run, on whichever page comes first);
      // the site has none. That is not an error of the page, so it is reported as a warning.
      if (loc && loc.url && new URL(loc.url).pathname === '/favicon.ico') {
        warnings.add(`the browser's request for /favicon.ico failed: ${msg.text()} (add a favicon or <link rel="icon">)`);
        return;
      }
      const where = loc && loc.url ? ` (${pathOf(loc.url)}${loc.lineNumber ? ':' + loc.lineNumber : ''})` : '';
      errors.push(`console error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`uncaught error: ${err.message.split('\n')[0]}`));
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(ORIGIN)) {
      errors.push(`request failed: ${pathOf(req.url())} (${req.failure()?.errorText})`);
    }
  });
  return { context, page, errors };
}

// Load a page and check the things every page of the site must have. Returns the page's
// context (caller closes it) or undefined if the page could not be loaded.
async function visit(p, { expectStatus = 200, extra } = {}) {
  group(`page ${p}`);
  const { context, page, errors } = await newPage();
  const response = await step('loads', () => page.goto(url(p), { waitUntil: 'load' }));
  if (!response) {
    await context.close();
    return undefined;
  }
  check(response.status() === expectStatus, `HTTP ${expectStatus}`, `got ${response.status()}`);
  // Let scripts that run after load (search index fetch etc.) report their errors.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});

  const h1 = await page.locator('h1').count();
  check(h1 === 1, 'exactly one <h1>', `found ${h1}`);
  const main = await page.locator('main, [role="main"]').count();
  check(main === 1, 'one <main> landmark', `found ${main}`);
  const nav = await page.locator('header.site-header nav').count();
  check(nav >= 1, 'site header <nav>', 'no <nav> inside header.site-header');
  const title = (await page.title()).trim();
  check(title.length > 0, 'non-empty <title>');

  if (extra) await step('page-specific checks', () => extra(page));

  check(errors.length === 0, 'no console or page errors', errors.join('; '));
  return { context, page };
}

// The first link inside <main> whose path starts with `prefix` and goes deeper than it.
async function firstLinkUnder(page, prefix) {
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.href));
  for (const h of hrefs) {
    const u = new URL(h);
    if (u.origin === ORIGIN && u.pathname.startsWith(prefix) && u.pathname.length > prefix.length) {
      return u.pathname;
    }
  }
  return undefined;
}

// Same-origin links on a page (anchors, stylesheets, scripts, images), without fragments.
async function internalLinks(page) {
  const all = await page.$$eval('a[href], link[href], script[src], img[src]', (els) =>
    els.map((e) => e.href || e.src).filter(Boolean),
  );
  const out = new Set();
  for (const h of all) {
    let u;
    try {
      u = new URL(h);
    } catch {
      continue;
    }
    if (u.origin !== ORIGIN) continue;
    u.hash = '';
    out.add(u.href);
  }
  return out;
}

// ---------------------------------------------------------------- the tests

const linksToCheck = new Map(); // href -> page it was found on

async function collectLinks(page, from) {
  for (const h of await internalLinks(page)) if (!linksToCheck.has(h)) linksToCheck.set(h, from);
}

// Index
{
  const r = await visit('/');
  if (r) {
    await collectLinks(r.page, '/');
    await r.context.close();
  }
}

// Lists and the first item linked from each
for (const [list, prefix] of [
  ['/articles/', '/articles/'],
  ['/quotes/', '/quotes/'],
]) {
  const r = await visit(list);
  let first;
  if (r) {
    first = await firstLinkUnder(r.page, prefix);
    check(Boolean(first), `links to at least one item under ${prefix}`);
    await r.context.close();
  }
  if (first) {
    const item = await visit(first);
    if (item) await item.context.close();
  }
}

for (const p of ['/people/', '/people/volodymyr-zelensky/']) {
  const r = await visit(p, {
    extra: async (page) => {
      if (p === '/people/volodymyr-zelensky/') {
        const h1 = (await page.locator('h1').first().textContent()) || '';
        check(/Zelensky/.test(h1), '<h1> names Zelensky', `h1 is "${h1.trim()}"`);
      }
    },
  });
  if (r) await r.context.close();
}

{
  const r = await visit('/figures/');
  if (r) await r.context.close();
}
{
  const r = await visit('/figures/territory-taken/', {
    extra: async (page) => {
      const svgs = await page.locator('main svg').count();
      check(svgs >= 1, 'has an inline <svg>', 'no <svg> in <main>');
      const titled = await page.locator('main svg > title').count();
      check(titled >= 1, 'the <svg> has a <title>', 'no <svg> with a <title> child');
      if (titled >= 1) {
        const t = ((await page.locator('main svg > title').first().textContent()) || '').trim();
        check(t.length > 0, 'the <svg> <title> is not empty');
      }
      const text = await page.locator('main').innerText({ timeout: 5_000 });
      check(/Disputed/.test(text), 'says "Disputed"', 'the word "Disputed" is not shown in <main>');
    },
  });
  if (r) {
    await collectLinks(r.page, '/figures/territory-taken/');
    await r.context.close();
  }
}

{
  const r = await visit('/places/');
  if (r) await r.context.close();
}
{
  const r = await visit('/places/kupiansk/', {
    extra: async (page) => {
      const text = await page.locator('main').innerText({ timeout: 5_000 });
      for (const s of ['Kupyansk', 'Kupianks']) {
        check(text.includes(s), `lists the spelling "${s}"`);
      }
    },
  });
  if (r) await r.context.close();
}

{
  const r = await visit('/search/');
  if (r) await r.context.close();
}

// Missing page: the server answers 404 (python's http.server serves its own body, so the
// site's 404 page is checked at /404.html, as a static host configured for it would serve it).
group('missing page');
{
  const { context, page } = await newPage();
  const missing = '/no-such-page-' + Date.now() + '/';
  const res = await step('request a missing page', () => page.request.get(url(missing)));
  if (res) check(res.status() === 404, `${missing} answers HTTP 404`, `got ${res.status()}`);
  await context.close();
}
{
  const r = await visit('/404.html', {
    extra: async (page) => {
      const h1 = ((await page.locator('h1').first().textContent()) || '').trim();
      check(/not found/i.test(h1), 'is the "not found" page', `h1 is "${h1}"`);
      const home = await page.locator('main a[href="/"]').count();
      check(home >= 1, 'links back to the front page');
    },
  });
  if (r) await r.context.close();
}

// Internal links
group('internal links (from / and /figures/territory-taken/)');
{
  const { context, page } = await newPage();
  const bad = [];
  const urls = [...linksToCheck.keys()].sort();
  await Promise.all(
    urls.map(async (h) => {
      try {
        const res = await page.request.get(h, { maxRedirects: 5, timeout: NAV_TIMEOUT });
        if (res.status() !== 200) bad.push(`${pathOf(h)} → HTTP ${res.status()} (linked from ${linksToCheck.get(h)})`);
      } catch (err) {
        bad.push(`${pathOf(h)} → ${err.message.split('\n')[0]} (linked from ${linksToCheck.get(h)})`);
      }
    }),
  );
  check(urls.length > 0, `found internal links`, 'none found');
  check(bad.length === 0, `all ${urls.length} distinct internal links answer HTTP 200`, bad.sort().join('; '));
  await context.close();
}

// Search
group('search');
{
  const { context, page, errors } = await newPage();
  await step('search for "Zelenskyy" leads to /people/volodymyr-zelensky/', async () => {
    await page.goto(url('/search/'), { waitUntil: 'load' });
    const input = page.locator('#search-input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.click();
    await input.pressSequentially('Zelenskyy', { delay: 20 });
    const link = page.locator('#search-results a', { hasText: 'Zelensky' }).first();
    try {
      await link.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      const shown = await page.locator('#search-results a').allInnerTexts();
      const status = await page.locator('#search-status').innerText({ timeout: 2_000 }).catch(() => '');
      throw new Error(
        `no result containing "Zelensky" within 10 s (results: ${JSON.stringify(shown.slice(0, 5))}; status: "${status}")`,
      );
    }
    pass('a result containing "Zelensky" appears');
    await Promise.all([page.waitForURL((u) => u.pathname !== '/search/', { timeout: 10_000 }), link.click()]);
    const landed = new URL(page.url()).pathname;
    check(landed.endsWith('/people/volodymyr-zelensky/'), 'clicking it opens /people/volodymyr-zelensky/', `landed on ${landed}`);
  });
  check(errors.length === 0, 'no console or page errors while searching', errors.join('; '));
  await context.close();
}

// Screenshots and layout
group(`screenshots (into ${SHOTS})`);
mkdirSync(SHOTS, { recursive: true });
const shotPages = [
  ['index', '/'],
  ['territory-taken', '/figures/territory-taken/'],
  ['kupiansk', '/places/kupiansk/'],
  ['quotes', '/quotes/'],
];
for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
  const { context, page } = await newPage(viewport);
  for (const [name, p] of shotPages) {
    const file = path.join(SHOTS, `${vpName}-${name}.png`);
    await step(`${vpName} screenshot of ${p}`, async () => {
      await page.goto(url(p), { waitUntil: 'load' });
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      await page.screenshot({ path: file, fullPage: true });
      pass(`${path.basename(file)}`);
      if (vpName === 'phone' && name === 'index') {
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        check(
          scrollWidth <= innerWidth + 1,
          'phone-width index has no horizontal scrollbar',
          `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`,
        );
      }
    });
  }
  await context.close();
}

// ---------------------------------------------------------------- summary

await browser.close();

console.log('\n========================================');
console.log(`Browser test of ${BASE}`);
console.log(`${passes.length} checks passed, ${failures.length} failed.`);
console.log(`Screenshots: ${SHOTS}`);
if (warnings.size) {
  console.log('\nWarnings (not failures):');
  for (const w of warnings) console.log(`  - ${w}`);
}
if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log('All browser checks passed.');
