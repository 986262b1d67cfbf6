// Offline once cached: after one visit with a connection the whole help
// centre works with none, from a sub-path too; a new version takes over
// without mixing builds; and without a service worker nothing changes online.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, newPage, open, watchProblems, dist } from './support.mjs';

const secondVersion = fileURLToPath(new URL('../../target/dist-v2/', import.meta.url));

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

/** Waits until this page's service worker has cached the build and is active. */
async function waitForOfflineCopy(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active.state !== 'activated') {
      await new Promise((resolve) => registration.active.addEventListener('statechange', resolve));
    }
  });
}

/**
 * What the page reported, less the browser's own messages about fetching the
 * worker script (offline, or refused by the server), which no page can stop.
 */
const pageProblems = (page) => page.problems.filter((p) => !/sw\.js|ServiceWorker|fetching the script/i.test(p));

/** Requests that failed or answered with an error, while `page` is open. */
function watchFailures(page) {
  const failures = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} ${response.status()}`);
  });
  return failures;
}

test('after one visit, every page, search and error code works offline, from a sub-path', async () => {
  const server = await serveDist();
  try {
    const base = server.base + 'help/';
    const page = await newPage(browser);
    await open(page, base);
    await waitForOfflineCopy(page);
    assert.equal(await page.locator('.app-offline-notice').innerText(), '', 'no notice while online');

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('main h1').first().waitFor();
    const notice = page.locator('.app-offline-notice');
    await notice.getByText('You are offline.').waitFor();
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    assert.match(await notice.innerText(), new RegExp(`saved on this device on ${today}\\.`));
    assert.match(await notice.innerText(), /To contact NHS login support, you need to be online\./);

    await open(page, base + 'manage-landline-number.html');
    assert.equal(await page.locator('main h1').innerText(), 'Landline number');
    await open(page, base + 'error-messages-support.html?utm_source=partner#if-you-are-using-gmail-google-mail');
    await page.waitForFunction(() => document.getElementById('if-you-are-using-gmail-google-mail')?.open);
    await open(page, base + 'manage.html?error=CID7023&from=partner');
    await page.locator('#cid7023').waitFor();
    assert.match(await page.locator('#cid7023').innerText(), /CID7023/);

    const box = page.getByRole('combobox', { name: 'Search NHS login help' });
    await box.pressSequentially('forgoten pasword');
    await page.locator('#search-results [role=option]').first().waitFor();
    assert.ok((await page.locator('#search-results .app-search__heading').allInnerTexts()).some((t) => /password/i.test(t)));

    await open(page, base + 'no-such-page.html');
    assert.equal(await page.locator('main h1').innerText(), 'Page not found');

    // Back online: the notice goes.
    await page.context().setOffline(false);
    await page.locator('.app-offline-notice').getByText('You are offline.').waitFor({ state: 'detached' });
    // Offline, the browser reports the failed update checks of the worker
    // itself; the page reported nothing.
    assert.deepEqual(pageProblems(page), []);
  } finally {
    await server.close();
  }
});

test('a new version takes over cleanly: old until it is ready, then new, never a mixture', async () => {
  assert.ok(existsSync(secondVersion), 'target/dist-v2 is missing: scripts/test.sh builds it (scripts/build-second-version.sh)');
  const server = await serveDist();
  try {
    const first = await newPage(browser);
    const context = first.context();
    const failures = watchFailures(first);
    await open(first, server.base + 'manage.html');
    await waitForOfflineCopy(first);
    assert.ok(await first.getByRole('link', { name: 'Landline number', exact: true }).isVisible());
    await first.close();

    await server.deploy(secondVersion);

    // The next visit still shows the copy it has, whole, while the new
    // version downloads in the background.
    const second = watchProblems(await context.newPage());
    const secondFailures = watchFailures(second);
    await open(second, server.base + 'manage.html');
    assert.ok(await second.getByRole('link', { name: 'Landline number', exact: true }).isVisible());
    await second.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing ?? registration.waiting;
      if (worker && worker.state !== 'installed') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'installed' && resolve()));
      }
    });
    await second.close();

    // Once no tab shows the old version, the new one serves everything.
    const third = watchProblems(await context.newPage());
    const thirdFailures = watchFailures(third);
    await open(third, server.base + 'manage.html');
    await third.getByRole('link', { name: 'Landline number (updated)' }).waitFor();
    const builds = await third.evaluate(() => {
      const names = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(js|wasm|css)$/.test(n));
      return [...new Set(names.map((n) => n.match(/-([0-9a-f]{8,16})(_bg)?\.(js|wasm|css)$/)?.[1]).filter(Boolean))];
    });
    const servedHtml = await (await third.request.get(server.base + 'manage.html')).text();
    for (const hash of builds) assert.ok(servedHtml.includes(hash), `asset ${hash} belongs to the new build`);
    const caches = await third.evaluate(async () => (await self.caches.keys()).filter((k) => k.startsWith('nhs-login-help-')));
    assert.equal(caches.length, 1, `only the new version's cache is left: ${caches}`);

    assert.deepEqual([...failures, ...secondFailures, ...thirdFailures], [], 'no request failed');
    assert.deepEqual([...pageProblems(first), ...pageProblems(second), ...pageProblems(third)], []);
  } finally {
    await server.close();
  }
});

/**
 * Has this page's worker look for a new version and waits for the outcome:
 * `installed` (waiting to take over), `failed` (its install was refused) or
 * `none` (no new version, or one refused before it could be watched).
 */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'none';
    if (worker.state !== 'installing') return worker.state === 'redundant' ? 'failed' : 'installed';
    return new Promise((resolve) =>
      worker.addEventListener('statechange', () => resolve(worker.state === 'redundant' ? 'failed' : 'installed'), { once: true }),
    );
  });
}

/** The widget's caches on this page's origin. */
const offlineCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('nhs-login-help-')));

test('a deploy that mixes in a file of the old build is refused: the old version keeps working, then the fixed deploy takes over', async () => {
  assert.ok(existsSync(secondVersion), 'target/dist-v2 is missing: scripts/test.sh builds it (scripts/build-second-version.sh)');
  const server = await serveDist();
  try {
    const first = await newPage(browser);
    const context = first.context();
    const failures = [watchFailures(first)];
    await open(first, server.base + 'manage.html');
    await waitForOfflineCopy(first);
    const oldCaches = await offlineCaches(first);
    await first.close();

    // The second build, but one page file still from the first (a stale CDN
    // edge, an upload that is not atomic): that page names the first build's
    // wasm, which the host no longer has.
    await server.deploy(secondVersion, { from: { '/manage.html': dist } });
    const second = watchProblems(await context.newPage());
    failures.push(watchFailures(second));
    await open(second, server.base + 'manage.html');
    assert.ok(await second.getByRole('link', { name: 'Landline number', exact: true }).isVisible());
    assert.notEqual(await checkForUpdate(second), 'installed', 'the worker refuses a file that is not of its build');
    assert.deepEqual(await offlineCaches(second), oldCaches, 'the old version is still the one saved');
    await second.close();

    // The host is fixed: the next visit still shows the old version, whole,
    // and the new one installs.
    await server.deploy(secondVersion);
    const third = watchProblems(await context.newPage());
    failures.push(watchFailures(third));
    await open(third, server.base + 'manage.html');
    assert.ok(await third.getByRole('link', { name: 'Landline number', exact: true }).isVisible());
    assert.equal(await checkForUpdate(third), 'installed');
    await third.close();

    // Then every page is the new build's, and its app starts.
    const fourth = watchProblems(await context.newPage());
    failures.push(watchFailures(fourth));
    await open(fourth, server.base + 'manage.html');
    await fourth.getByRole('link', { name: 'Landline number (updated)' }).waitFor({ timeout: 5000 });
    await fourth.waitForFunction(() => window.wasmBindings, null, { timeout: 5000 });
    await fourth.getByRole('combobox').fill('landline');
    await fourth.locator('#search-results [role=option]').first().waitFor({ timeout: 5000 });
    assert.equal((await offlineCaches(fourth)).length, 1);
    assert.notDeepEqual(await offlineCaches(fourth), oldCaches);
    assert.deepEqual(failures.flat(), [], 'no request failed');
    assert.deepEqual([...pageProblems(second), ...pageProblems(third), ...pageProblems(fourth)], []);
  } finally {
    await server.close();
  }
});

test('a release that changes only the headers reaches a returning visitor', async () => {
  // dist/ with one header more, its worker written again as the build would.
  const changed = await mkdtemp(join(tmpdir(), 'help-headers-'));
  await cp(dist, changed, { recursive: true });
  const headersFile = join(changed, '_headers');
  const headers = await readFile(headersFile, 'utf8');
  assert.match(headers, /Permissions-Policy: camera=\(\)/);
  await writeFile(headersFile, headers.replace('Permissions-Policy: camera=()', 'Permissions-Policy: fullscreen=(), camera=()'));
  execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'help-compiler', '--bin', 'help-content', '--', 'service-worker', changed], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const server = await serveDist();
  try {
    const first = await newPage(browser);
    const context = first.context();
    await open(first, server.base + 'manage.html');
    await waitForOfflineCopy(first);
    await first.close();

    await server.deploy(changed + '/');
    const second = watchProblems(await context.newPage());
    await open(second, server.base + 'manage.html');
    assert.equal(await checkForUpdate(second), 'installed', 'a new worker for the new headers');
    await second.close();

    const third = watchProblems(await context.newPage());
    const response = await third.goto(server.base + 'manage.html');
    await third.locator('main h1').first().waitFor();
    assert.ok(response.fromServiceWorker(), 'the page came from the offline copy');
    assert.match(response.headers()['permissions-policy'], /^fullscreen=\(\), camera=\(\)/);
    assert.deepEqual([...pageProblems(second), ...pageProblems(third)], []);
  } finally {
    await server.close();
    await rm(changed, { recursive: true, force: true });
  }
});

test('every file is served with Cache-Control: no-cache, so a deploy reaches every browser at once', async () => {
  const server = await serveDist();
  try {
    const page = await newPage(browser);
    const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name !== '_headers')
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
    assert.ok(files.includes('embed-config.json') && files.includes('index.html') && files.length > 15, files.join(' '));
    for (const path of ['', ...files]) {
      const response = await page.request.get(server.base + path);
      assert.equal(response.status(), 200, path);
      assert.equal(response.headers()['cache-control'], 'no-cache', path);
    }
  } finally {
    await server.close();
  }
});

test('where the service worker cannot be registered, the widget works online as before', async () => {
  const server = await serveDist({ failServiceWorker: true });
  try {
    const page = await newPage(browser);
    await open(page, server.base + 'manage.html?error=CID3009');
    await page.locator('#cid3009').waitFor();
    await page.getByRole('combobox').fill('landline');
    await page.locator('#search-results [role=option]').first().waitFor();
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.equal(await page.locator('.app-offline-notice').innerText(), '');
    // The browser logs the failed download of sw.js; the app shows nothing.
    assert.deepEqual(pageProblems(page), []);

    const blocked = await newPage(browser, { serviceWorkers: 'block' });
    await open(blocked, server.base + 'index.html?error=CID7023');
    await blocked.locator('#cid7023').waitFor();
    assert.deepEqual(blocked.problems, []);
  } finally {
    await server.close();
  }
});

test('the widget can be installed: a manifest with a name, icons and a start URL', async () => {
  const server = await serveDist();
  try {
    const page = await newPage(browser);
    await open(page, server.base);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const response = await page.request.get(new URL(href, server.base).href);
    assert.equal(response.headers()['content-type'], 'application/manifest+json');
    const manifest = await response.json();
    assert.equal(manifest.name, 'NHS login help');
    assert.equal(manifest.start_url, './');
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size);
      assert.ok(icon, size);
      assert.equal((await page.request.get(new URL(icon.src, server.base).href)).status(), 200, icon.src);
    }
  } finally {
    await server.close();
  }
});

test('a build with HELP_RETIRE_SERVICE_WORKER=1 clears the caches and unregisters the worker', async () => {
  // dist/ with only its worker replaced by the retiring one, as that setting writes it.
  const retired = await mkdtemp(join(tmpdir(), 'help-retired-'));
  await cp(dist, retired, { recursive: true });
  execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'help-compiler', '--bin', 'help-content', '--', 'service-worker', retired], {
    env: { ...process.env, HELP_RETIRE_SERVICE_WORKER: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const server = await serveDist();
  try {
    const first = await newPage(browser);
    await open(first, server.base);
    await waitForOfflineCopy(first);
    const context = first.context();
    await first.close();

    await server.deploy(retired + '/');
    const page = watchProblems(await context.newPage());
    await open(page, server.base + 'manage.html');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('nhs-login-help-')).length === 0);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0);
    await page.locator('main h1').first().waitFor();
    assert.equal(await page.locator('main h1').first().innerText(), 'Manage your NHS login');
    assert.deepEqual(pageProblems(page), []);
  } finally {
    await server.close();
    await rm(retired, { recursive: true, force: true });
  }
});
