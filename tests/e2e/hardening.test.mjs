// The widget under the strict policy the build emits, talking to no one but
// its own origin, and leaving nothing of a person's visit behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, newPage, open } from './support.mjs';

const env = withBrowser();

/** A page that records every policy violation and every request it makes. */
async function watchedPage() {
  const page = await newPage(env.browser);
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return page;
}

/**
 * What a person might do in one visit: browse hubs and articles, open a
 * details section, search, open a result, arrive with an error code, look up
 * the references and an unknown code.
 */
async function journey(page) {
  const base = env.server.base;
  await open(page, base);
  await page.getByRole('link', { name: /Manage your NHS login/i }).first().click();
  await page.waitForURL(/manage\.html$/);
  await page.locator('main a[href$="manage-landline-number.html"]').first().click();
  await page.waitForURL(/manage-landline-number\.html$/);
  await open(page, base + 'error-messages-support.html');
  await page.locator('main details summary').first().click();
  const box = page.getByRole('combobox', { name: 'Search NHS login help' });
  await box.pressSequentially('password');
  await page.locator('#search-results [role=option]').first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL(/#/);
  await open(page, base + '?error=CID7023');
  await page.locator('#cid7023').first().waitFor();
  await open(page, base + 'references.html');
  await open(page, base + '?error=CID0000');
}

test('the build emits a strict policy and the widget works under it', async () => {
  const page = await watchedPage();
  const response = await page.goto(env.server.base);
  const policy = response.headers()['content-security-policy'];
  assert.ok(policy, 'dist/_headers sets a Content-Security-Policy');
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.match(policy, /frame-ancestors 'self'/);
  assert.equal(response.headers()['referrer-policy'], 'no-referrer');
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');

  await journey(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no policy violation on the journey');
  assert.deepEqual(page.problems, []);

  // The policy is really enforced: an inline script injected now is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
});

test('every page file carries the policy as a meta tag too, for hosts without headers', async () => {
  const page = await newPage(env.browser);
  for (const file of ['', 'manage.html', 'references.html']) {
    const html = await (await page.request.get(env.server.base + file)).text();
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/, file);
    assert.match(html, /<meta name="referrer" content="no-referrer">/, file);
  }
});

test('every request of a full journey goes to the widget’s own origin', async () => {
  const page = await watchedPage();
  await journey(page);
  const origin = new URL(env.server.base).origin;
  const elsewhere = page.requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, []);
  assert.ok(page.requests.some((url) => url.includes('search-index.json')), 'the journey used search');
  assert.deepEqual(page.problems, []);
});

test('a visit leaves no cookies, no storage and no history entry per keystroke', async () => {
  const page = await watchedPage();
  await journey(page);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('combobox').pressSequentially('locked out');
  await page.locator('#search-results [role=option]').first().waitFor();
  assert.equal(await page.evaluate(() => history.length), before, 'typing replaces the history entry');
  assert.deepEqual(await page.context().cookies(), []);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
  assert.deepEqual(stored, { local: 0, session: 0, databases: [] });
  assert.deepEqual(page.problems, []);
});
