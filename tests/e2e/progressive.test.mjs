// Readable without WebAssembly, taken over by the app without a flash or a
// shift, and usable by keyboard, at 320 px, at 200% zoom and on paper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, newPage, open, pageFiles } from './support.mjs';

const env = withBrowser();

// Every kind of view: each page file, an error code known and unknown,
// search results, and a page this build does not have.
const views = [...pageFiles, 'index.html?error=CID7023', 'index.html?error=CID9999', 'index.html?q=password', 'no-such-page.html'];

/** A page on which WebAssembly never arrives, as on a locked-down device. */
async function pageWithoutWasm() {
  const page = await newPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  return page;
}

/** The page's own problems, less the refused wasm download this test causes. */
const problemsBesidesWasm = (page) => page.problems.filter((p) => !/wasm|WebAssembly|ERR_FAILED|Failed to fetch|TypeError/i.test(p));

test('without WebAssembly every page is readable, links work, details expand and references are one click away', async () => {
  const page = await pageWithoutWasm();
  await page.goto(env.server.base + 'index.html');
  assert.equal(await page.locator('main h1').innerText(), 'NHS login help centre');
  assert.equal(await page.title(), 'NHS login help centre - NHS login help');

  // A person looking for a code: the references list, then the guidance.
  await page.getByRole('link', { name: 'Error references' }).click();
  await page.waitForURL(/references\.html$/);
  assert.equal(await page.locator('main h1').innerText(), 'Error references');
  await page.getByRole('link', { name: 'CID7023', exact: true }).click();
  await page.waitForURL(/error-messages-support\.html#cid7023$/);
  assert.match(await page.locator('#cid7023').innerText(), /CID7023/);
  assert.ok(await page.locator('#cid7023').isVisible());

  // Internal links are real links, and details are native.
  await page.goto(env.server.base + 'manage.html');
  await page.locator('main a[href="manage-landline-number.html"]').first().click();
  await page.waitForURL(/manage-landline-number\.html$/);
  assert.equal(await page.locator('main h1').innerText(), 'Landline number');
  assert.ok((await page.locator('main p').count()) > 3, 'the article text is there');
  await page.goto(env.server.base + 'error-messages-support.html');
  const details = page.locator('main details').first();
  assert.equal(await details.evaluate((d) => d.open), false);
  await details.locator('summary').click();
  assert.equal(await details.evaluate((d) => d.open), true);
  assert.ok(await details.locator('.nhsuk-details__text').isVisible());
  assert.deepEqual(problemsBesidesWasm(page), []);
});

test('the app takes over a page opened at its own file with the same markup, no flash and no layout shift', async () => {
  for (const file of ['index.html', 'manage-landline-number.html', 'error-messages-support.html', 'references.html']) {
    const page = await newPage(env.browser);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // After the page's own script has put it in its final state.
      document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
        window.__prerendered = document.getElementById('app');
        window.__prerenderedHtml = window.__prerendered.innerHTML;
      }));
    });
    await page.goto(env.server.base + file);
    await page.waitForFunction(() => window.__prerendered && document.getElementById('app') !== window.__prerendered);
    await page.waitForTimeout(300);
    const { same, shift } = await page.evaluate(() => ({
      // The server writes the search box's empty value as an attribute; the
      // browser app sets it as a property. Nothing a person sees differs.
      same: document.getElementById('app').innerHTML === window.__prerenderedHtml.replace(' value=""', ''),
      shift: window.__shift,
    }));
    assert.ok(same, `${file}: the app renders exactly the prerendered markup`);
    assert.equal(shift, 0, `${file}: cumulative layout shift`);
    assert.deepEqual(page.problems, [], file);
    await page.context().close();
  }
});

/** A page whose WebAssembly arrives only when `page.release()` is called: a slow device. */
async function pageWithSlowWasm() {
  const page = await newPage(env.browser);
  const held = new Promise((resolve) => (page.release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return page;
}

test('what a person did before the app arrived carries over: typed search, open details', async () => {
  const page = await pageWithSlowWasm();
  await page.goto(env.server.base + 'error-messages-support.html');
  await page.locator('main section details summary').first().click();
  const openId = await page.locator('main section details').first().getAttribute('id');
  page.release();
  await page.waitForFunction(() => window.wasmBindings);
  await page.waitForTimeout(300);
  assert.equal(await page.locator(`#${openId}`).evaluate((d) => d.open), true, 'the details opened stays open');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY', 'focus stays on what was clicked');

  const typing = await pageWithSlowWasm();
  await typing.goto(env.server.base + 'manage.html');
  await typing.locator('#search').fill('landline');
  typing.release();
  await typing.locator('#search-results [role=option]').first().waitFor();
  assert.equal(await typing.locator('#search').inputValue(), 'landline', 'the text typed is kept and searched');
  assert.deepEqual([...page.problems, ...typing.problems], []);
});

test('an address changed while the app is starting is followed, not lost (a partner asking for a code as the page answers)', async () => {
  const page = await newPage(env.browser);
  // The moment the app's bindings arrive: it has read the address, and (in
  // a partner's frame, where it also fetches every page's text at once) may
  // not yet listen for changes to it. The frame bridge moves it just so.
  await page.addInitScript(() => {
    let bindings;
    Object.defineProperty(window, 'wasmBindings', {
      configurable: true,
      get: () => bindings,
      set: (value) => {
        bindings = value;
        history.pushState(null, '', 'index.html?embed=inline&error=CID7023');
        window.dispatchEvent(new PopStateEvent('popstate'));
      },
    });
  });
  await page.goto(env.server.base + 'index.html?embed=inline');
  await page.locator('#cid7023.app-section--highlight').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('main h1').innerText(), 'Error messages and support');
  assert.deepEqual(page.problems, []);
});

test('a keyboard-only journey: search, open a result, expand details, follow a link, go back; focus always visible', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  const focusIsVisible = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'focus is on the page body';
      // NHS.UK draws the focus of an expander's summary on its text.
      const marked = [el, el.querySelector(':scope > .nhsuk-details__summary-text')].filter(Boolean).some((e) => {
        const style = getComputedStyle(e);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 235, 59)';
      });
      return marked ? true : `no visible focus on ${el.outerHTML.slice(0, 80)}`;
    });
  await page.keyboard.press('Control+k');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  assert.equal(await focusIsVisible(), true);
  await page.keyboard.type('password');
  await page.locator('#search-results [role=option]').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#/);
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body && document.activeElement.id !== 'search');
  assert.equal(await focusIsVisible(), true);

  // Tab to the next details section and open it with the keyboard.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.tagName === 'SUMMARY')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  assert.equal(await focusIsVisible(), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true);

  // Tab to an internal link and follow it; then back.
  const before = page.url();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const internal = await page.evaluate(() => {
      const a = document.activeElement;
      return a.tagName === 'A' && a.closest('main') && !a.target && /\.html/.test(a.getAttribute('href'));
    });
    if (internal) break;
  }
  assert.equal(await focusIsVisible(), true);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.href !== before);
  await page.waitForFunction(() => document.activeElement?.matches('h1, h2, h3, summary'));
  assert.equal(await focusIsVisible(), true);
  await page.goBack();
  await page.waitForURL(before);
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  assert.deepEqual(page.problems, []);
});

test('no horizontal scrolling at 320 px wide or at 200% zoom, on any view', async () => {
  for (const [width, height, scale, label] of [[320, 640, 1, '320 px'], [640, 450, 2, '1280 px at 200% zoom']]) {
    const page = await newPage(env.browser, { viewport: { width, height }, deviceScaleFactor: scale });
    for (const view of views) {
      await open(page, env.server.base + view);
      if (view.includes('q=')) await page.locator('.app-search__option, .app-search__none').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${view} at ${label}`);
    }
    await page.context().close();
  }
});

test('printing shows every details section open and spells out where links go', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'error-messages-support.html');
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    // ("On this page", folded on a phone, is left out of print.)
    [...document.querySelectorAll('main section details')].filter((d) => !d.querySelector('.nhsuk-details__text').checkVisibility()).length,
  );
  assert.equal(hidden, 0, 'details text visible in print');
  const after = await page.evaluate(() => {
    const link = [...document.querySelectorAll('main a[href^="http"]')][0];
    return [link.getAttribute('href'), getComputedStyle(link, '::after').content];
  });
  assert.equal(after[1], `" (${after[0]})"`);
  // The article, without what only a screen can use.
  assert.ok(await page.locator('main h1').isVisible());
  for (const what of ['.app-search', '.app-contents', '.app-feedback button', '.nhsuk-footer__list']) {
    const shown = await page.locator(what).evaluateAll((all) => all.filter((el) => el.checkVisibility()).length);
    assert.equal(shown, 0, `${what} printed`);
  }
});

test('less motion when a person asks for it', async () => {
  const page = await newPage(env.browser);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, env.server.base + 'error-messages-support.html');
  const durations = await page.evaluate(() =>
    [...document.querySelectorAll('main *')].map((el) => getComputedStyle(el)).filter((s) => parseFloat(s.transitionDuration) > 0.001 || s.scrollBehavior === 'smooth').length,
  );
  assert.equal(durations, 0);
});
