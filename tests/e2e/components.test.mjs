// The help centre's own articles, as its editors write them (the fixture
// corpus in tests/fixtures/help-centre, built by scripts/build-fixture-site.sh
// into target/dist-fixture): NHS.UK components render as those components, in
// the app and with WebAssembly blocked, pass axe, print, and a code named only
// in an article's text opens its section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { withBrowser, fixtureBuild, newPage, open, assertMarked } from './support.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = withBrowser({ dir: fixtureBuild });

/** Waits until the app (not the prerendered markup) has rendered the page. */
async function openApp(page, path) {
  await open(page, env.server.base + path);
  await page.waitForFunction(() => window.wasmBindings);
  await page.locator('#search').waitFor({ state: 'attached' });
}

/** Opens `path` with WebAssembly blocked: the prerendered page alone. */
async function openStatic(page, path) {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.server.base + path);
  await page.locator('main h1').first().waitFor();
}

/** What a person sees of each component on the record-a-video page, and what a screen reader is told. */
async function components(page) {
  return page.evaluate(() => {
    const style = (el) => el && getComputedStyle(el);
    const inset = document.querySelector('main .nhsuk-inset-text');
    const callout = document.querySelector('main .nhsuk-card--warning');
    const calloutHeading = callout?.querySelector('.nhsuk-card__content > .nhsuk-card__heading');
    const contents = document.querySelector('main nav.nhsuk-contents-list');
    return {
      insetBorder: style(inset)?.borderLeftWidth,
      insetHidden: inset?.querySelector(':scope > .nhsuk-u-visually-hidden')?.textContent,
      insetText: inset?.querySelector(':scope > p')?.innerText.trim(),
      calloutBackground: style(callout)?.backgroundColor,
      calloutHeadingTag: calloutHeading?.tagName,
      calloutHeading: calloutHeading?.textContent.trim(),
      calloutHiddenPrefix: calloutHeading?.querySelector('.nhsuk-u-visually-hidden')?.textContent,
      contentsLabel: contents?.getAttribute('aria-label'),
      contentsRole: contents?.getAttribute('role'),
      contentsCurrent: contents?.querySelector('li[aria-current="page"] > .nhsuk-contents-list__current')?.textContent.trim(),
      contentsLinks: [...(contents?.querySelectorAll('li > a.nhsuk-contents-list__link') ?? [])].map((a) => a.getAttribute('href')),
      contentsHeadingShown: contents ? contents.querySelector('h2').getBoundingClientRect().width > 1 : null,
      onThisPage: [...document.querySelectorAll('main .app-contents li')].map((li) => li.textContent.trim()),
      sections: [...document.querySelectorAll('main section.app-section > :is(h2, h3)')].map((h) => h.textContent.trim()),
    };
  });
}

const expected = {
  insetBorder: '8px',
  insetHidden: 'Information: ',
  insetText: 'You do not need to say anything in the video, and there is no sound recorded.',
  // nhsuk-frontend's pale yellow.
  calloutBackground: 'rgb(255, 249, 196)',
  calloutHeadingTag: 'H3',
  calloutHeading: 'Important: You can ask someone to help you',
  calloutHiddenPrefix: 'Important: ',
  contentsLabel: 'Pages in this guide',
  contentsRole: 'navigation',
  contentsCurrent: 'Record a short video of your face',
  contentsLinks: ['prove-who-you-are-with-id.html', 'prove-who-you-are-photo-id.html', 'prove-who-you-are-without-id.html'],
  contentsHeadingShown: false,
};

test('each component renders as its NHS.UK component, the same with and without WebAssembly', async () => {
  for (const how of [openApp, openStatic]) {
    const page = await newPage(env.browser);
    await how(page, 'prove-who-you-are-record-a-video.html');
    const seen = await components(page);
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(seen[key], value, `${how.name}: ${key}`);
    // The callout's label and the hidden "Contents" are not sections, nor in "On this page".
    assert.ok(!seen.sections.includes('Contents') && !seen.sections.some((s) => s.includes('ask someone')), seen.sections.join(' | '));
    assert.ok(!seen.onThisPage.includes('Contents') && !seen.onThisPage.some((s) => s.includes('ask someone')), seen.onThisPage.join(' | '));
    // One contents list per article: the guide's own stands in for "On this page".
    assert.deepEqual(seen.onThisPage, [], `${how.name}: ${seen.onThisPage.join(' | ')}`);
    // The text after the callout stays in its section.
    const after = page.locator('section#if-you-find-it-hard-to-record-a-video').getByText('You may also be able to');
    assert.ok(await after.isVisible(), `${how.name}: the paragraph after the callout is in its section`);
    // (Blocking the wasm makes its own console noise; only the app's run is clean.)
    if (how === openApp) assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('at phone width nothing on the corpus pages scrolls sideways', async () => {
  const page = await newPage(env.browser);
  for (const file of ['prove-who-you-are-photo-id.html', 'prove-who-you-are-record-a-video.html', 'passwords.html']) {
    await openApp(page, file);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, file);
  }
  await page.context().close();
});

test('visually hidden text is not on screen but is in the accessibility tree', async () => {
  const page = await newPage(env.browser);
  await openApp(page, 'passwords.html');
  const hidden = page.locator('main .nhsuk-inset-text > .nhsuk-u-visually-hidden').first();
  const box = await hidden.boundingBox();
  assert.ok(box && box.width <= 1 && box.height <= 1, `hidden label box ${JSON.stringify(box)}`);
  // Clipped to nothing, so not drawn...
  const clip = await hidden.evaluate((el) => getComputedStyle(el).clipPath);
  assert.equal(clip, 'inset(50%)');
  // ...but read out: in the inset text's and the callout heading's accessible text.
  assert.match(await page.locator('main .nhsuk-inset-text').first().ariaSnapshot(), /Information:/);
  const heading = page.getByRole('heading', { name: 'Important: Do not keep trying' });
  assert.equal(await heading.count(), 1, 'the callout heading is named with its hidden prefix');
  await page.context().close();
});

test('printing shows callouts and inset text', async () => {
  const page = await newPage(env.browser);
  await page.emulateMedia({ media: 'print' });
  for (const [file, selectors] of [
    ['prove-who-you-are-photo-id.html', ['main .nhsuk-inset-text', 'main .nhsuk-contents-list']],
    ['prove-who-you-are-record-a-video.html', ['main .nhsuk-inset-text', 'main .nhsuk-card--warning', 'main .nhsuk-card--warning .nhsuk-card__heading']],
  ]) {
    await openApp(page, file);
    for (const selector of selectors) {
      const element = page.locator(selector).first();
      assert.ok(await element.isVisible(), `${file}: ${selector} printed`);
      const box = await element.boundingBox();
      assert.ok(box.height > 20, `${file}: ${selector} has its content on paper (${box.height}px)`);
    }
  }
  await page.context().close();
});

test('?error= for a code named only in the text lands focused on its section', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}index.html?error=CID4017`);
  await page.waitForFunction(() => document.activeElement?.closest('section#my-video-is-too-dark-or-blurry'));
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Record a short video of your face');
  assert.equal(await assertMarked(page.locator('section#my-video-is-too-dark-or-blurry'), 'CID4017'), 'The guidance for your reference CID4017');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('no axe-core violations on any page of the help centre corpus', async () => {
  const pages = readdirSync(fixtureBuild).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 14, `${pages.length} page files`);
  const page = await newPage(env.browser);
  const failures = [];
  for (const file of pages) {
    await openApp(page, file);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    if (violations.length) failures.push(`${file}: ${violations.join('; ')}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an article with review dates ends with the NHS.UK review-date line', async () => {
  for (const how of [openApp, openStatic]) {
    const page = await newPage(env.browser);
    await how(page, 'passwords.html');
    const line = page.locator('main .app-review-date');
    assert.equal((await line.innerText()).trim(), 'Page last reviewed: 1 November 2026. Next review due: 1 May 2027.', how.name);
    // It is the last thing in the article, after "Did this help?".
    const last = await page.evaluate(() => document.querySelector('main .nhsuk-grid-column-two-thirds:not(.app-search)').lastElementChild.className);
    assert.match(last, /app-review-date/, how.name);
    await page.context().close();
  }
  // An article without dates has no line.
  const page = await newPage(env.browser);
  await openApp(page, 'security-codes.html');
  assert.equal(await page.locator('main .app-review-date').count(), 0);
  await page.context().close();
});
