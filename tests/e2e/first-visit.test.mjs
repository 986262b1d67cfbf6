// The first visit from an error screen: the page files' own script takes a
// person to the guidance for their code without waiting for the app (and
// with WebAssembly blocked), and the app, which starts after the first
// paint, takes over without moving anything or taking focus elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withBrowser, newPage } from './support.mjs';

const env = withBrowser();

/** A page on which WebAssembly never arrives, as on a locked-down device. */
async function pageWithoutWasm() {
  const page = await newPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  return page;
}

const problemsBesidesWasm = (page) => page.problems.filter((p) => !/wasm|WebAssembly|ERR_FAILED|Failed to fetch|TypeError/i.test(p));

/** Records every element that takes focus, and the layout shifts, from the start of each document. */
async function watchFocusAndShifts(page) {
  await page.addInitScript(() => {
    window.__focused = [];
    window.__shift = 0;
    addEventListener('focusin', (e) => window.__focused.push(e.target.closest('section, details')?.id ?? e.target.tagName));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The guidance view as a person sees it. */
function guidanceView(page, code) {
  return page.evaluate((code) => {
    const visible = (el) => !!el && el.getClientRects().length > 0 && !el.closest('[hidden]');
    const section = document.getElementById(code.toLowerCase());
    return {
      file: location.pathname.split('/').pop(),
      search: location.search,
      hash: location.hash,
      title: document.title,
      focused: document.activeElement?.closest('section')?.id ?? document.activeElement?.tagName,
      focusedTag: document.activeElement?.tagName,
      mark: [...document.querySelectorAll('.app-reference-mark')].filter(visible).map((e) => e.firstChild.textContent.trim()),
      highlighted: section.classList.contains('app-section--highlight'),
      feedback: [...document.querySelectorAll('.app-feedback')].filter(visible).map((e) => e.closest('section')?.id ?? 'end'),
      alsoSee: [...section.querySelectorAll('.app-also-see a')].filter(visible).map((a) => a.getAttribute('href')),
      footerContact: document.querySelector('footer a[href*="/contact/"]')?.getAttribute('href'),
      otherCodes: [...document.querySelectorAll('[data-reference]')].filter((e) => e.getAttribute('data-reference') !== code).length,
      rootHidden: document.documentElement.hidden,
    };
  }, code);
}

test('without WebAssembly, ?error= on the home page moves to the guidance, focused and marked, and Back does not bounce', async () => {
  const page = await pageWithoutWasm();
  await watchFocusAndShifts(page);
  await page.goto(`${env.server.base}index.html?partner=patientcentre&error=cid%207023&return-link=https%3A%2F%2Fpatientcentre.example%2F&q=`);
  await page.waitForURL(/error-messages-support\.html/);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  const view = await guidanceView(page, 'CID7023');
  assert.deepEqual(view, {
    file: 'error-messages-support.html',
    // Every parameter kept, as given; the fragment added.
    search: '?partner=patientcentre&error=cid%207023&return-link=https%3A%2F%2Fpatientcentre.example%2F&q=',
    hash: '#cid7023',
    title: 'CID7023: Error messages and support - NHS login help',
    focused: 'cid7023',
    focusedTag: 'H2',
    mark: ['The guidance for your reference'],
    highlighted: true,
    feedback: ['cid7023'],
    alsoSee: [],
    footerContact: 'https://help.login.nhs.uk/contact/?error=CID7023',
    otherCodes: 0,
    rootHidden: false,
  });
  assert.deepEqual(await page.evaluate(() => window.__focused), ['cid7023'], 'focus moves once, to the guidance heading');
  assert.equal(await page.evaluate(() => window.__shift), 0, 'nothing moves');
  const problems = problemsBesidesWasm(page);
  // The home page was replaced, not left behind: Back leaves the widget.
  await page.goBack();
  assert.equal(page.url(), 'about:blank');
  assert.deepEqual(problems, []);
});

test('without WebAssembly, "Also see", a code in a fragment and a code on its own page work the same', async () => {
  const page = await pageWithoutWasm();
  await page.goto(`${env.server.base}index.html?error=CID3002`);
  await page.waitForFunction(() => document.activeElement?.closest('section')?.id === 'cid3002');
  const also = await guidanceView(page, 'CID3002');
  assert.equal(also.alsoSee.length, 1, 'the other place that names the code');
  assert.deepEqual(also.mark, ['The guidance for your reference']);

  // `#cid3009` on a page without that section: the guidance, as ?error= would show it.
  await page.goto(`${env.server.base}manage.html#cid3009`);
  await page.waitForURL(/manage-landline-number\.html\?error=CID3009#cid3009$/);
  await page.waitForFunction(() => document.activeElement?.closest('section')?.id === 'cid3009');
  assert.deepEqual((await guidanceView(page, 'CID3009')).mark, ['The guidance for your reference']);

  // On the guidance's own page nothing moves to another file.
  await page.goto(`${env.server.base}manage-landline-number.html?error=CID3010`);
  await page.waitForFunction(() => document.activeElement?.closest('section')?.id === 'cid3010');
  const own = await guidanceView(page, 'CID3010');
  assert.equal(own.file, 'manage-landline-number.html');
  assert.deepEqual(own.feedback, ['cid3010'], 'the article\'s closing "Did this help?" moves under the guidance');

  // In a partner's frame the app, which starts there at once, moves itself.
  await page.goto(`${env.server.base}index.html?embed=1&error=CID7023`);
  const framed = await page.evaluate(() => [location.pathname.split('/').pop(), document.documentElement.hidden, document.querySelector('main h1').textContent]);
  assert.deepEqual(framed, ['index.html', false, 'NHS login help centre']);

  // A fragment that is a section of this page is only that section: no mark.
  await page.goto(`${env.server.base}manage-landline-number.html#cid3009`);
  const plain = await guidanceView(page, 'CID3009');
  assert.deepEqual([plain.file, plain.mark, plain.otherCodes, plain.rootHidden], ['manage-landline-number.html', [], 0, false]);
  assert.deepEqual(problemsBesidesWasm(page), []);
});

test('without WebAssembly, an unknown or malformed code leaves the page as it is, shown and unmarked', async () => {
  const page = await pageWithoutWasm();
  for (const value of ['CID9999', '<script>x</script>', 'CID70 23', '']) {
    await page.goto(`${env.server.base}manage.html?error=${encodeURIComponent(value)}`);
    const view = await page.evaluate(() => ({
      file: location.pathname.split('/').pop(),
      hidden: document.documentElement.hidden,
      pieces: document.querySelectorAll('[data-reference], [data-without-reference]').length,
      heading: document.querySelector('main h1').textContent,
    }));
    assert.deepEqual(view, { file: 'manage.html', hidden: false, pieces: 0, heading: 'Manage your NHS login' }, value);
  }
  assert.deepEqual(problemsBesidesWasm(page), []);
});

test('with the app, the guidance the script showed is taken over without a shift or a second focus move', async () => {
  const page = await newPage(env.browser);
  await watchFocusAndShifts(page);
  await page.goto(`${env.server.base}index.html?error=CID7023`);
  await page.waitForFunction(() => window.wasmBindings);
  await page.waitForFunction(() => !document.querySelector('[data-reference]'), null, { timeout: 10_000 });
  await page.waitForTimeout(300);
  const view = await guidanceView(page, 'CID7023');
  assert.deepEqual([view.file, view.focused, view.focusedTag, view.mark, view.feedback], ['error-messages-support.html', 'cid7023', 'H2', ['The guidance for your reference'], ['cid7023']]);
  // The app puts its own copy of the focused heading in place: focus stays on
  // that heading, never anywhere else.
  const focused = await page.evaluate(() => window.__focused);
  assert.ok(focused.length >= 1 && focused.every((id) => id === 'cid7023'), JSON.stringify(focused));
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift <= 0.01, `cumulative layout shift ${shift}`);
  assert.deepEqual(page.problems, []);
});

test('the app starts after the first paint: nothing preloads it and its wasm is asked for after first contentful paint', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.base}error-messages-support.html#cid7023`);
  await page.waitForFunction(() => window.wasmBindings);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.startTime),
    preloads: document.querySelectorAll('link[rel=preload], link[rel=modulepreload][href$=".wasm"]').length,
  }));
  assert.equal(timing.preloads, 0);
  assert.equal(timing.wasm.length, 1, 'one wasm request');
  assert.ok(timing.fcp > 0 && timing.wasm[0] > timing.fcp, `wasm asked for at ${timing.wasm[0]} ms, first contentful paint at ${timing.fcp} ms`);
  assert.deepEqual(page.problems, []);
});

test('arriving with any code on a 390 × 844 phone: the title, the mark and the guidance heading in the first screen, focus drawn in NHS.UK yellow, with or without WebAssembly', async () => {
  const { references } = JSON.parse(readFileSync(new URL('../../dist/references.json', import.meta.url), 'utf8'));
  const live = references.filter((r) => r.status === 'live').map((r) => [r.code, r.href.split('#')[1]]);
  assert.ok(live.length >= 10, `${live.length} codes`);
  const seen = [];
  for (const withoutWasm of [false, true]) {
    const page = withoutWasm ? await pageWithoutWasm() : await newPage(env.browser);
    for (const [code, section] of live) {
      await page.goto(`${env.server.base}index.html?error=${code}`);
      await page.waitForFunction((id) => document.activeElement?.closest('section')?.id === id && document.activeElement.matches('h2'), section);
      if (!withoutWasm) await page.waitForFunction(() => window.wasmBindings);
      await page.waitForTimeout(100);
      seen.push(await page.evaluate(({ code, withoutWasm }) => {
        const heading = document.activeElement;
        const title = document.querySelector('main h1').getBoundingClientRect();
        const mark = heading.querySelector('.app-reference-mark').getBoundingClientRect();
        const own = heading.getBoundingClientRect();
        const fits = (r) => r.top >= 0 && r.bottom <= innerHeight;
        const problems = [];
        if (!fits(title)) problems.push(`title at ${Math.round(title.top)}..${Math.round(title.bottom)}`);
        if (!fits(mark)) problems.push(`mark at ${Math.round(mark.top)}`);
        if (!fits(own)) problems.push(`heading at ${Math.round(own.top)}..${Math.round(own.bottom)}`);
        if (!getComputedStyle(heading).boxShadow.includes('rgb(255, 235, 59)')) problems.push(`focus drawn as ${getComputedStyle(heading).boxShadow}`);
        return problems.length ? `${code}${withoutWasm ? ' without WebAssembly' : ''}: ${problems.join(', ')}` : null;
      }, { code, withoutWasm }));
    }
    await page.context().close();
  }
  assert.deepEqual(seen.filter(Boolean), []);
});
