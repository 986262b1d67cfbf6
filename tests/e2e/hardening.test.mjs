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
  // Setting its text is refused outright (Trusted Types); text added as a
  // node gets as far as the document, and is refused there.
  const setText = await page.evaluate(() => {
    try {
      document.createElement('script').textContent = 'window.__ran = true';
      return 'allowed';
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(setText, 'TypeError');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.append(document.createTextNode('window.__ran = true'));
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
  assert.ok(page.requests.some((url) => url.includes('search-index.bin')), 'the journey used search');
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

test('Trusted Types are required, and the app, its worker and its frame bridge run under them', async () => {
  const page = await watchedPage();
  const response = await page.goto(env.server.base);
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /(^|; )require-trusted-types-for 'script'(;|$)/);
  assert.match(policy, /(^|; )trusted-types nhs-login-help(;|$)/, 'one named policy, and no other');
  assert.match(policy, /(^|; )form-action 'none'(;|$)/, 'nothing is posted');
  for (const file of ['', 'manage.html', 'references.html']) {
    const html = await (await page.request.get(env.server.base + file)).text();
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    assert.ok(meta?.includes("require-trusted-types-for 'script'; trusted-types nhs-login-help"), `${file}: ${meta}`);
  }

  // Trunk's start-up script, and the service worker registered through the policy.
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => window.wasmBindings);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await journey(page);
  // In a partner's frame the head script imports the bridge: import() is no
  // Trusted Types sink, and the policy allows the module by its origin.
  await open(page, env.server.base + 'index.html?embed=1&partner=patientcentre');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/embed-frame.js')));
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no policy violation');
  assert.deepEqual(page.problems, []);

  // Enforced: a string given to an HTML sink is refused.
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'took a string';
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(sink, 'TypeError');
  await page.waitForFunction(() => window.__violations.some((v) => v.startsWith('require-trusted-types-for')));
});

// The app sets its panic hook through yew::set_custom_panic_hook: with
// std::panic::set_hook, yew::Renderer::render would put its own in place.
test('after a failure the app shows its message and the way to get help, with no HTML sink', async () => {
  const page = await watchedPage();
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => (window.__prerendered = document.getElementById('app')));
  });
  await open(page, env.server.base + 'manage.html');
  await page.waitForFunction(() => window.__prerendered && document.getElementById('app') !== window.__prerendered);
  // The browser refuses one attribute the app sets as results appear: the app panics.
  await page.evaluate(() => {
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
      if (name === 'aria-expanded' && value === 'true') throw new DOMException('refused by the test', 'InvalidStateError');
      return setAttribute.call(this, name, value);
    };
  });
  await page.getByRole('combobox').fill('password');
  await page.getByRole('heading', { level: 1, name: 'Sorry, there is a problem with this help page' }).waitFor({ timeout: 10_000 });
  const contact = page.getByRole('link', { name: 'contact NHS login support' });
  assert.equal(await contact.getAttribute('href'), 'https://help.login.nhs.uk/contact/');
  assert.equal(await contact.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.getByRole('link', { name: 'NHS login help centre' }).getAttribute('href'), 'https://help.login.nhs.uk/');
  assert.match(await page.locator('#app main').innerText(), /^Sorry, there is a problem with this help page\n+Reload the page to try again\. You can also read this help on the NHS login help centre or contact NHS login support\.$/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no policy violation');
  // The app reported why it stopped, and nothing else went wrong.
  assert.ok(page.problems.some((p) => p.includes('NHS login help stopped')), page.problems.join('\n'));
  assert.deepEqual(page.problems.filter((p) => !/NHS login help stopped|unreachable/.test(p)), []);
});
