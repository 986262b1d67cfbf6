// Addresses built to hurt: whatever a link holds, the widget reads a bounded
// amount of it and stays responsive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, newPage, open, serveDist, assertMarked } from './support.mjs';

const env = withBrowser();

/** The home page, once the app has taken over from the prerendered page. */
async function appPage() {
  const page = await newPage(env.browser);
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => (window.__prerendered = document.getElementById('app'))));
  await open(page, env.server.base);
  await page.waitForFunction(() => window.__prerendered && document.getElementById('app') !== window.__prerendered);
  return page;
}

/**
 * Moves the open page to `search` (a query string) the way back and forward
 * do: the app reads the address exactly as it does on arrival. (A 450 KB
 * request line is more than the test server, like most hosts, accepts; a
 * host or CDN that accepts it hands the page the same address.)
 */
async function arriveAt(page, search, hash = '') {
  await page.evaluate(([search, hash]) => {
    history.pushState(null, '', location.pathname + search + hash);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, [search, hash]);
}

// 450 KB of U+FDFA when encoded, which NFKC turns into 18 characters each.
const huge = encodeURIComponent('\uFDFA'.repeat(50_000));

test('a huge ?q= (NFKC-expanding characters) is cut to what search reads, and the page answers', async () => {
  const page = await appPage();
  assert.ok(huge.length > 400_000);
  await arriveAt(page, `?q=${huge}`);
  const summary = page.locator('main h1.app-search__summary');
  await summary.waitFor();
  const box = page.getByRole('combobox', { name: 'Search NHS login help' });
  const shown = await box.inputValue();
  assert.ok(shown.length > 0 && shown.length <= 256, `the box holds ${shown.length} characters`);
  assert.ok((await summary.innerText()).length <= 300, 'the heading shows no more than search reads');
  // Still responsive: typing replaces the query and finds results.
  await box.fill('');
  await box.pressSequentially('password');
  await page.locator('#search-results [role=option]').first().waitFor();
});

test('a huge ?error= and fragment still get the helpful page', async () => {
  const page = await appPage();
  await arriveAt(page, `?error=${huge}`, `#${huge}`);
  await page.locator('main h1', { hasText: 'We could not read that error reference' }).waitFor();
});

test('an error link just under the browser’s 2 MB address limit still reaches the guidance', async () => {
  // The move to the guidance's page file makes the address longer: carried
  // whole, it would pass Chromium's limit and leave a blank page.
  const host = await serveDist({ longAddresses: true });
  try {
    const page = await newPage(env.browser);
    const start = `${host.base}index.html?error=CID7023&partner=patientcentre&note=`;
    const address = start + 'x'.repeat(2 * 1024 * 1024 - 100 - start.length);
    await page.goto(address);
    await page.waitForFunction(() => document.getElementById('cid7023')?.classList.contains('app-section--highlight'));
    const landed = new URL(page.url());
    assert.equal(landed.pathname, '/error-messages-support.html');
    assert.equal(landed.search, '?error=CID7023&partner=patientcentre', 'the code and the partner go along, not the rest');
    assert.equal(landed.hash, '#cid7023');
    await assertMarked(page.locator('#cid7023'), 'CID7023');
    assert.deepEqual(page.problems, []);
  } finally {
    await host.close();
  }
});

// Unicode's bidirectional controls: marks, embeddings, overrides, isolates.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

test('bidirectional controls in ?q= or typed in the box are not shown back, so the query reads as it is', async () => {
  const page = await newPage(env.browser);
  // U+202E would show "password reset" reversed after it.
  await open(page, `${env.server.base}?q=${encodeURIComponent('\u202Epassword\u202C \u2066reset\u2069\u200F')}`);
  const summary = page.locator('main h1.app-search__summary');
  await summary.filter({ hasText: 'Results for' }).waitFor();
  const heading = (await summary.innerText()).trim();
  assert.doesNotMatch(heading, BIDI);
  assert.equal(heading, 'Results for “password reset”');
  const box = page.getByRole('combobox', { name: 'Search NHS login help' });
  assert.doesNotMatch(await box.inputValue(), BIDI, 'the box holds the address’s query as shown');

  // Typed: a correction's "Search instead for" shows the words as typed, without controls.
  await box.fill('\u202Epasword\u2069');
  await summary.filter({ hasText: 'Showing results for “password”' }).waitFor();
  const instead = page.locator('.app-search__instead a');
  assert.equal((await instead.innerText()).trim(), 'Search instead for “pasword”');
  assert.doesNotMatch(await page.locator('main').innerText(), BIDI);
  assert.deepEqual(page.problems, []);
});
