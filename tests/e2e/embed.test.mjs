// Embedding on a partner's site, across two origins: the widget (the test
// build, whose Patientcentre profile allows http://localhost:8765) and the
// example partner pages (examples/) served from that origin, with the policy a
// partner would send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, newPage, watchProblems, dist } from './support.mjs';
import { serveExamples } from '../../examples/serve.mjs';

const testBuild = fileURLToPath(new URL('../../target/dist-v2/', import.meta.url));

/**
 * A partner page whose markup, before the tag, has elements that shadow
 * globals by their names (DOM clobbering): `window.NHSLoginHelp` and
 * `document.currentScript` are these elements until a script says otherwise.
 * Anyone who can put markup but no script on a page can do this.
 */
const CLOBBERED_PAGE = `<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8"><title>Sorry, you cannot log in - Patientcentre (example)</title>
    <link rel="stylesheet" href="example.css"></head>
  <body>
    <div id="NHSLoginHelp"></div>
    <img name="currentScript" alt="">
    <main><h1>Sorry, you cannot log in</h1><p>Your message: <span id="NHSLoginHelp">hello</span></p></main>
    <script src="{{WIDGET}}embed.js" data-partner="patientcentre" defer></script>
  </body>
</html>`;

let browser;
let widget;
let partnerSite;
let otherSite;
before(async () => {
  assert.ok(existsSync(testBuild), 'target/dist-v2 is missing: scripts/test.sh builds it (scripts/build-second-version.sh)');
  browser = await launchBrowser();
  widget = await serveDist({ dir: testBuild });
  // The partner's origin is fixed in its test profile: should another test
  // run on this machine have it, wait for it rather than fail.
  partnerSite = await serveExamples({ widget: widget.base, port: 8765, pages: { 'clobbered.html': CLOBBERED_PAGE }, waitForPort: 300_000 });
  // The same pages from an origin no profile names (any free port).
  otherSite = await serveExamples({ widget: widget.base, port: 0, host: '127.0.0.1' });
});
after(async () => {
  await browser?.close();
  await otherSite?.close();
  await partnerSite?.close();
  await widget?.close();
});

/**
 * The partner page. What the help told it is what the page's own script
 * (examples/example.js, which subscribes before the help starts) lists in
 * #events; `window.__events()` reads that list back as objects. In a new
 * browser context, or in `context` (sharing its HTTP cache and storage).
 */
async function partnerPage(site, file, context) {
  const page = context ? watchProblems(await context.newPage()) : await newPage(browser);
  await page.addInitScript(() => {
    window.__events = () =>
      [...document.querySelectorAll('#events li')].map((li) => {
        const [type, ...detail] = li.textContent.split(' ');
        return { type, ...JSON.parse(detail.join(' ')) };
      });
  });
  await page.goto(site.base + file);
  await page.waitForFunction(() => window.NHSLoginHelp);
  return page;
}

const frameOf = (page) => page.frameLocator('iframe[title="NHS login help"]');
const events = (page, type) => page.evaluate((type) => window.__events().filter((e) => e.type === type), type);

test('the launcher opens the help in a labelled panel, focus goes in, and Escape brings it back', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html');
  // The page's error screen has moved on (a single-page app): no error set.
  await page.getByRole('button', { name: 'Help with error CID7023' }).waitFor();
  await page.evaluate(() => window.NHSLoginHelp.setError(null));
  const launcher = page.getByRole('button', { name: 'Help with NHS login' });
  assert.equal(await launcher.count(), 1);
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  await launcher.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'NHS login help' });
  await panel.waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME');
  assert.equal(await panel.getAttribute('aria-modal'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('main').inert), true, 'the page behind the panel is inert');
  const frame = frameOf(page);
  await frame.locator('main h1').waitFor();
  // Patientcentre's own guidance comes first on the home page.
  assert.match(await frame.locator('.app-partner-guidance h2').first().innerText(), /I cannot log into Patientcentre/);
  // One name: the panel's bar names the help and closes it; the help
  // inside leaves out its own NHS logo and name, and keeps its search box.
  assert.equal(await frame.locator('.nhsuk-header__service').isVisible(), false);
  assert.ok(await frame.getByRole('combobox', { name: 'Search NHS login help' }).isVisible());
  assert.ok(await panel.getByText('NHS login help', { exact: true }).isVisible());
  await page.waitForFunction(() => window.__events().some((e) => e.type === 'viewed'));

  // In the search box a first Escape clears the text, the next closes.
  const box = frame.locator('#search');
  await box.fill('password');
  await frame.locator('#search-results [role=option]').first().waitFor();
  await box.press('Escape');
  assert.equal(await box.inputValue(), '');
  assert.ok(await panel.isVisible(), 'the first Escape only cleared the search');
  await box.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Help with NHS login');
  assert.equal(await page.evaluate(() => document.querySelector('main').inert), false);
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  assert.deepEqual((await events(page, 'opened')).length, 1);
  assert.deepEqual((await events(page, 'closed')).length, 1);
  assert.deepEqual(page.problems, []);
});

test("open({ error: 'CID7023' }) shows that code's guidance, and the page hears what was viewed", async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html');
  const started = Date.now();
  await page.getByRole('button', { name: 'Get help with this error' }).click();
  const frame = frameOf(page);
  await frame.locator('#cid7023.app-section--highlight').waitFor();
  // Straight at the guidance's page file and section (from references.json),
  // not the home page first.
  assert.match(await page.locator('iframe[title="NHS login help"]').getAttribute('src'), /\/error-messages-support\.html\?error=CID7023&embed=panel&.*#cid7023$/);
  assert.match(await frame.locator('#cid7023 > :is(h2, h3)').innerText(), /^The guidance for your reference\n/);
  assert.ok(Date.now() - started < 30_000);
  await page.waitForFunction(() => window.__events().some((e) => e.type === 'viewed' && e.error === 'CID7023'));
  // The page file that holds the guidance, not the one the frame opened on.
  const viewed = await page.evaluate(() => window.__events().find((e) => e.type === 'viewed' && e.error === 'CID7023'));
  assert.equal(viewed.page, 'error-messages-support.html');

  // Already open: a second code is sent to the same frame.
  await page.evaluate(() => window.NHSLoginHelp.open({ error: 'cid 3009' }));
  await frame.locator('#cid3009.app-section--highlight').waitFor();
  await page.evaluate(() => window.NHSLoginHelp.search('landline'));
  await frame.locator('#search-results [role=option]').first().waitFor();
  assert.deepEqual(page.problems, []);
});

test('the launcher knows the error on screen: data-error and setError name it and open at its guidance', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html');
  const frame = frameOf(page);
  const launcher = page.getByRole('button', { name: 'Help with error CID7023' });
  await launcher.click();
  await frame.locator('#cid7023.app-section--highlight').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'NHS login help' }).waitFor({ state: 'hidden' });

  // A single-page app shows another error: the launcher follows it, and
  // open() with no arguments goes where the launcher says.
  await page.evaluate(() => window.NHSLoginHelp.setError('cid-3009'));
  await page.getByRole('button', { name: 'Help with error CID3009' }).click();
  await frame.locator('#cid3009.app-section--highlight').waitFor();
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.NHSLoginHelp.setError(null));
  await page.getByRole('button', { name: 'Help with NHS login' }).waitFor();
  await page.evaluate(() => window.NHSLoginHelp.setError('3002'));
  await page.evaluate(() => window.NHSLoginHelp.open());
  await frame.locator('#cid3002.app-section--highlight').waitFor();
  assert.deepEqual(page.problems, []);
});

test('without WebAssembly the panel still opens at a code, searches, closes on Escape and sizes itself inline', async () => {
  const page = await newPage(browser);
  // As in a browser that has none (a locked-down device): in every frame.
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(partnerSite.base + 'patientcentre-error.html');
  const frame = frameOf(page);
  const frameUrl = () => page.frames().find((f) => f !== page.mainFrame())?.url() ?? '';
  await page.getByRole('button', { name: 'Help with error CID7023' }).click();
  await frame.locator('#cid7023.app-section--highlight').waitFor();
  assert.match(frameUrl(), /error-messages-support\.html\?/);
  await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME');
  await frame.locator('#cid7023 :is(h2, h3)').first().press('Escape');
  const panel = page.getByRole('dialog', { name: 'NHS login help' });
  await panel.waitFor({ state: 'hidden' });

  // The page asks for another code, then a search: the frame goes there.
  await page.evaluate(() => window.NHSLoginHelp.open({ error: 'CID3009' }));
  await frame.locator('#cid3009.app-section--highlight').waitFor();
  assert.match(frameUrl(), /manage-landline-number\.html\?.*error=CID3009/);
  await page.evaluate(() => window.NHSLoginHelp.search('landline'));
  // The frame's address is another origin's: polled from here, as long as
  // Playwright's own waits (30 s).
  for (let i = 0; i < 300 && !/[?&]q=landline/.test(frameUrl()); i++) await page.waitForTimeout(100);
  assert.match(frameUrl(), /[?&]q=landline/);
  await frame.locator('main h1').waitFor();

  // Inline, the frame takes its content's height.
  const inline = await newPage(browser);
  await inline.addInitScript(() => {
    delete window.WebAssembly;
  });
  await inline.goto(partnerSite.base + 'patientcentre-inline.html');
  await inline.waitForFunction(() => parseInt(document.querySelector('#nhs-login-help iframe')?.style.height) > 1000);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(inline.problems, []);
});

test('contact links and "Did this help?" answers become events for the page, and only for it', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html');
  await page.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
  const frame = frameOf(page);
  const guidance = frame.locator('#cid7023');
  await guidance.locator('.app-feedback').waitFor();
  await guidance.getByRole('button', { name: 'No' }).click();
  const offer = guidance.locator('.app-feedback [role=status]');
  await offer.getByRole('link', { name: /Contact NHS login support/ }).waitFor();
  assert.match(await offer.getByRole('link', { name: /Contact NHS login support/ }).getAttribute('href'), /\/contact\/\?error=CID7023$/);
  assert.match(await offer.innerText(), /tell them you saw CID7023/);
  await page.waitForFunction(() => window.__events().some((e) => e.type === 'feedback'));
  assert.deepEqual(
    (await events(page, 'feedback')).map(({ helpful, page: file, error }) => ({ helpful, file, error })),
    [{ helpful: false, file: 'error-messages-support.html', error: 'CID7023' }],
  );
  // Following the contact link opens a new tab (allowed to leave the sandbox) and tells the page.
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    offer.getByRole('link', { name: /Contact NHS login support/ }).click(),
  ]);
  await popup.close();
  await page.waitForFunction(() => window.__events().some((e) => e.type === 'contact'));
  assert.equal((await events(page, 'contact'))[0].error, 'CID7023');
});

test('inline mode shows the help in the page, sized to its content as it changes', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-inline.html');
  const iframe = page.locator('#nhs-login-help iframe');
  const frame = frameOf(page);
  await frame.locator('main h1').waitFor();
  await page.waitForFunction(() => window.__events().some((e) => e.type === 'opened'));
  const contentHeight = () => frame.locator('#app').evaluate((app) => Math.ceil(app.getBoundingClientRect().bottom));
  // Taller than the 600 px the frame starts at: sized to the home page.
  await page.waitForFunction(() => parseInt(document.querySelector('#nhs-login-help iframe').style.height) > 600);
  await page.waitForTimeout(300);
  const home = await iframe.evaluate((f) => parseInt(f.style.height));
  assert.ok(Math.abs(home - (await contentHeight())) <= 2, `frame ${home}px for content ${await contentHeight()}px`);
  assert.equal(await page.getByRole('button', { name: 'Help with NHS login' }).count(), 0, 'no launcher in inline mode');
  assert.ok(await frame.locator('.nhsuk-header').isVisible(), 'inline, the help keeps its header');

  // Another view: the frame follows its height, and settles (no resize loop).
  await frame.locator('#search').fill('zzzqqq');
  await frame.locator('.app-search__none').waitFor();
  await page.waitForFunction((home) => parseInt(document.querySelector('#nhs-login-help iframe').style.height) !== home, home);
  await page.waitForTimeout(300);
  const other = await iframe.evaluate((f) => parseInt(f.style.height));
  assert.ok(Math.abs(other - (await contentHeight())) <= 2, `frame ${other}px for content ${await contentHeight()}px`);
  const settled = await iframe.evaluate((f) => f.style.height);
  await page.waitForTimeout(500);
  assert.equal(await iframe.evaluate((f) => f.style.height), settled);
  assert.deepEqual(page.problems, []);
});

test('a page on an origin the profile does not name gets nothing from the help', async () => {
  // The widget's policy refuses to be framed there at all.
  const page = await partnerPage(otherSite, 'patientcentre-error.html');
  await page.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
  await page.waitForTimeout(1000);
  assert.equal(await frameOf(page).locator('main h1').count(), 0, 'the browser refused to frame the help');
  // The panel says so in words, not only the browser's broken frame, with a
  // link that opens the help in a tab of its own, at the code's guidance.
  const notice = page.getByRole('dialog', { name: 'NHS login help' }).getByRole('status');
  await notice.getByText('NHS login help cannot be shown here.').waitFor({ timeout: 15_000 });
  const own = new URL(await notice.getByRole('link', { name: 'Open NHS login help (opens in a new tab)' }).getAttribute('href'));
  assert.equal(own.searchParams.get('error'), 'CID7023');
  assert.equal(own.searchParams.has('embed'), false);
  const policy = (await page.request.get(widget.base)).headers()['content-security-policy'];
  assert.match(policy, /frame-ancestors 'self' https:\/\/patientcentre\.example http:\/\/localhost:8765 http:\/\/127\.0\.0\.1:8765(;|$)/);

  // Served without that header (a <meta> policy cannot say frame-ancestors),
  // the help itself refuses: a short notice, a link that opens it in a tab
  // of its own, and nothing said to the framing page.
  const lax = await serveDist({ dir: testBuild, withoutFrameAncestors: true });
  const laxSite = await serveExamples({ widget: lax.base, port: 0, host: '127.0.0.1' });
  try {
    const other = await partnerPage(laxSite, 'patientcentre-error.html');
    await other.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
    const frame = frameOf(other);
    await frame.getByText('This site cannot show NHS login help inside its own page.').waitFor();
    const link = frame.getByRole('link', { name: 'Open NHS login help (opens in a new tab)' });
    assert.equal(await link.getAttribute('target'), '_blank');
    const opens = new URL(await link.getAttribute('href'), lax.base);
    assert.equal(opens.searchParams.get('error'), 'CID7023', 'the link keeps the reference');
    assert.equal(opens.searchParams.has('embed'), false, 'and opens the help as itself');
    await other.evaluate(() => window.NHSLoginHelp.open({ error: 'CID3009' }));
    await other.waitForTimeout(1000);
    assert.equal(await frame.locator('#cid7023, #cid3009').count(), 0, 'no guidance is shown in the unknown site');
    assert.deepEqual(await other.evaluate(() => window.__events().filter((e) => e.type !== 'opened')), [], 'no event reached it');
    assert.deepEqual(other.problems, []);
  } finally {
    await laxSite.close();
    await lax.close();
  }
});

test('malformed or foreign messages are ignored by the help', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html');
  await page.evaluate(() => window.NHSLoginHelp.open());
  const frame = frameOf(page);
  await frame.locator('main h1').waitFor();
  await page.waitForFunction(() => window.__events().some((e) => e.type === 'viewed'));
  const before = await frame.locator('main h1').innerText();
  await page.evaluate(() => {
    const target = document.querySelector('iframe').contentWindow;
    const origin = new URL(document.querySelector('iframe').src).origin;
    for (const message of [
      'open CID3009',
      null,
      { source: 'nhs-login-help', v: 2, type: 'open', error: 'CID3009' },
      { source: 'other', v: 1, type: 'open', error: 'CID3009' },
      { source: 'nhs-login-help', v: 1, type: 'open', error: { toString: 1 } },
      { source: 'nhs-login-help', v: 1, type: 'open', error: 'x'.repeat(10000) },
      { source: 'nhs-login-help', v: 1, type: 'unknown' },
    ]) {
      try {
        target.postMessage(message, origin);
      } catch {
        // Objects that cannot be cloned never leave the page.
      }
    }
  });
  await page.waitForTimeout(500);
  assert.equal(await frame.locator('#cid3009').count(), 0);
  assert.equal(await frame.locator('main h1').innerText(), before);
  assert.deepEqual(page.problems, []);
});

test('the return link appears only for an address on the partner’s own origins', async () => {
  const page = await newPage(browser);
  const visit = (link) =>
    `${widget.base}index.html?partner=patientcentre&return-link=${encodeURIComponent(link)}`;
  await page.goto(visit(partnerSite.base + 'patientcentre-error.html'));
  const back = page.getByRole('link', { name: 'Back to Patientcentre' });
  await back.waitFor();
  assert.equal(await back.getAttribute('href'), partnerSite.base + 'patientcentre-error.html');
  // Above an article's breadcrumbs, on a line of its own (not run into them).
  await page.goto(`${widget.base}manage-landline-number.html?partner=patientcentre&return-link=${encodeURIComponent(partnerSite.base)}`);
  await page.waitForFunction(() => window.wasmBindings);
  const [link, crumbs] = [await back.boundingBox(), await page.locator('main .nhsuk-breadcrumb').boundingBox()];
  assert.ok(link.y + link.height <= crumbs.y, `the return link ends at ${link.y + link.height}, the breadcrumbs start at ${crumbs.y}`);
  for (const bad of ['https://evil.example/', 'http://localhost:8765@evil.example/', 'javascript:alert(1)', 'http://127.0.0.1:8766/', '//localhost:8765/']) {
    await page.goto(visit(bad));
    await page.locator('main h1').waitFor();
    await page.waitForFunction(() => window.wasmBindings);
    assert.equal(await page.getByRole('link', { name: 'Back to Patientcentre' }).count(), 0, bad);
  }
  await page.goto(`${widget.base}index.html?partner=nobody&return-link=${encodeURIComponent(partnerSite.base)}`);
  await page.waitForFunction(() => window.wasmBindings);
  assert.equal(await page.getByRole('link', { name: /^Back to/ }).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('embed.js loaded twice adds one launcher; the release build never allows localhost', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html');
  await page.evaluate((src) => {
    const again = document.createElement('script');
    again.src = src;
    again.dataset.partner = 'patientcentre';
    document.head.append(again);
    return new Promise((resolve) => (again.onload = resolve));
  }, widget.base + 'embed.js');
  assert.equal(await page.getByRole('button', { name: /^Help with/ }).count(), 1);

  // The pinned copy, with its published integrity hash, loads across origins.
  const tag = await (await page.request.get(widget.base + 'embed-integrity.txt')).text();
  const [, file, integrity] = tag.match(/WIDGET-ORIGIN\/(embed-[0-9a-f]+\.js)" integrity="(sha384-[^"]+)"/);
  const pinned = await page.evaluate(({ src, integrity }) => {
    const script = document.createElement('script');
    script.src = src;
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    document.head.append(script);
    return new Promise((resolve) => {
      script.onload = () => resolve('loaded');
      script.onerror = () => resolve('refused');
    });
  }, { src: widget.base + file, integrity });
  assert.equal(pinned, 'loaded');
  assert.equal(await page.getByRole('button', { name: /^Help with/ }).count(), 1);
  const release = await serveDist();
  try {
    const headers = (await page.request.get(release.base)).headers();
    assert.doesNotMatch(headers['content-security-policy'], /localhost|127\.0\.0\.1/);
    const config = await (await page.request.get(release.base + 'embed-config.json')).json();
    assert.ok(Object.values(config.partners).flat().every((origin) => origin.startsWith('https://')), JSON.stringify(config));
  } finally {
    await release.close();
  }
});

test('elements named NHSLoginHelp or currentScript on the page do not stop the help or redirect it', async () => {
  const page = await newPage(browser);
  await page.goto(partnerSite.base + 'clobbered.html');
  assert.equal(await page.evaluate(() => window.NHSLoginHelp instanceof HTMLElement || window.NHSLoginHelp instanceof HTMLCollection), false,
    'window.NHSLoginHelp is the help’s own API once the script has run');
  const launcher = page.getByRole('button', { name: 'Help with NHS login' });
  await launcher.waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.NHSLoginHelp.version), 1);
  await launcher.click();
  const frame = frameOf(page);
  await frame.locator('main h1').waitFor();
  const src = await page.locator('iframe[title="NHS login help"]').getAttribute('src');
  assert.equal(new URL(src).origin, new URL(widget.base).origin, 'the frame is the widget’s');
  await page.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
  await frame.locator('#cid7023.app-section--highlight').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a partner removed from the profiles loses the help at once, even where the host lets browsers keep files', async () => {
  // A host that sends an old Last-Modified and none of the headers' cache
  // rules: browsers may then keep any file for weeks without asking.
  const host = await serveDist({ dir: testBuild, dropHeaders: ['Cache-Control'], lastModified: Date.now() - 365 * 24 * 3600 * 1000 });
  partnerSite.useWidget(host.base);
  try {
    const first = await partnerPage(partnerSite, 'patientcentre-error.html');
    await first.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
    await first.waitForFunction(() => window.__events().some((e) => e.type === 'viewed' && e.error === 'CID7023'));
    const context = first.context();
    await first.close();

    // Patientcentre's test origins are removed (the release build's list has
    // none). The frame's page may still come from a cache, with its old
    // policy: the bridge's own check is what stops it.
    await host.deploy(testBuild, { from: { '/embed-config.json': dist } });
    const second = await partnerPage(partnerSite, 'patientcentre-error.html', context);
    await second.evaluate(() => window.NHSLoginHelp.open({ error: 'CID3009' }));
    const frame = frameOf(second);
    await frame.getByText('This site cannot show NHS login help inside its own page.').waitFor();
    await second.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
    await second.waitForTimeout(1000);
    assert.equal(await frame.locator('#cid7023, #cid3009').count(), 0, 'the removed partner is shown no guidance');
    assert.deepEqual(await second.evaluate(() => window.__events().filter((e) => e.type !== 'opened')), [], 'no event reached it');
    assert.deepEqual(second.problems, []);
  } finally {
    partnerSite.useWidget(widget.base);
    await host.close();
  }
});

test('a partner removed from the profiles is refused at its next visit, though the frame installed the offline copy', async () => {
  const host = await serveDist({ dir: testBuild });
  // On the partner's own site (localhost, another port): this browser, like
  // any that blocks third-party storage, lets no other site's frame install
  // a service worker; a browser that keeps such storage apart allows it.
  const base = host.base.replace('127.0.0.1', 'localhost');
  partnerSite.useWidget(base);
  try {
    const first = await partnerPage(partnerSite, 'patientcentre-error.html');
    await first.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
    await first.waitForFunction(() => window.__events().some((e) => e.type === 'viewed' && e.error === 'CID7023'));
    // The frame's service worker has saved the build, headers and all.
    const framed = first.frames().find((f) => f.url().startsWith(base));
    await framed.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active.state !== 'activated') {
        await new Promise((resolve) => registration.active.addEventListener('statechange', resolve));
      }
    });
    const context = first.context();
    await first.close();

    // A deploy of the release build, whose profiles no longer name this
    // partner's origin: its headers, not the saved copy, decide the next visit.
    await host.deploy(dist);
    const second = await partnerPage(partnerSite, 'patientcentre-error.html', context);
    await second.evaluate(() => window.NHSLoginHelp.open({ error: 'CID3009' }));
    await second.waitForTimeout(1500);
    assert.equal(await frameOf(second).locator('main h1, #cid3009').count(), 0, 'the browser refused to frame the help');
    assert.deepEqual(await second.evaluate(() => window.__events().filter((e) => e.type !== 'opened')), [], 'no event reached it');
  } finally {
    partnerSite.useWidget(widget.base);
    await host.close();
  }
});

for (const embedderPolicy of ['require-corp', 'credentialless']) {
  test(`a partner page that sends Cross-Origin-Embedder-Policy: ${embedderPolicy} can show the help`, async () => {
    const page = await partnerPage(partnerSite, `patientcentre-error.html?coep=${embedderPolicy}`);
    const failures = [];
    page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => response.status() >= 400 && failures.push(`${response.url()} ${response.status()}`));
    const response = await page.reload();
    assert.equal(response.headers()['cross-origin-embedder-policy'], embedderPolicy);
    await page.waitForFunction(() => window.NHSLoginHelp?.version);
    await page.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
    const frame = frameOf(page);
    // The page, its CSS, the script and the wasm: the app starts and shows the guidance.
    await frame.locator('#cid7023.app-section--highlight').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => window.__events().some((e) => e.type === 'viewed' && e.error === 'CID7023'));
    const rules = await frame.locator('body').evaluate(() => [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0));
    assert.ok(rules > 100, `the widget's stylesheet applies (${rules} rules)`);
    // And the search index.
    await page.evaluate(() => window.NHSLoginHelp.search('landline'));
    await frame.locator('#search-results [role=option]').first().waitFor({ timeout: 10_000 });
    assert.deepEqual(failures, []);
    assert.deepEqual(page.problems, []);
  });
}

test('embed.js needs nothing from a partner page that enforces Trusted Types', async () => {
  const page = await partnerPage(partnerSite, 'patientcentre-error.html?trusted-types');
  const policy = await page.evaluate(() => window.trustedTypes && typeof window.trustedTypes.createPolicy);
  assert.equal(policy, 'function');
  await page.getByRole('button', { name: 'Help with error CID7023' }).click();
  await page.evaluate(() => window.NHSLoginHelp.open({ error: 'CID7023' }));
  await frameOf(page).locator('#cid7023.app-section--highlight').waitFor();
  assert.deepEqual(page.problems, []);
  // The page really enforces them.
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'took a string';
    } catch {
      return 'refused';
    }
  });
  assert.equal(sink, 'refused');
});
