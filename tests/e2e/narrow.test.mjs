// Nothing scrolls sideways on the narrowest phone people use (320 CSS px):
// not any page of the help-centre fixture build (target/dist-fixture, built
// by scripts/build-fixture-site.sh) with every expander open, not the page's
// own components nested 40 deep, not a word longer than the screen, and not
// the content report editors open from disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBrowser, fixtureBuild, newPage, open } from './support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureContent = join(root, 'tests/fixtures/help-centre');
const WIDTH = 320;
const viewport = { width: WIDTH, height: 640 };
/** A "word" longer than any screen: letters with no space or hyphen to break at. */
const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(7).slice(0, 300);

const env = withBrowser({ dir: fixtureBuild });

/**
 * How far the page scrolls sideways, with every details section open (an
 * open one is where the nesting and long words are), and what sticks out
 * furthest: the element or run of text whose right edge is furthest right.
 */
function measure(page) {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const describe = (el) => {
      const classes = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');
      const depth = (() => {
        let n = 0;
        for (let e = el.parentElement; e; e = e.parentElement) n++;
        return n;
      })();
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}> at depth ${depth}`;
    };
    let widest = { right: 0, what: 'nothing' };
    const consider = (rect, what) => {
      if (rect.width > 0 && rect.right > widest.right) widest = { right: Math.round(rect.right + window.scrollX), what };
    };
    // Visually hidden text is clipped to nothing: it cannot stick out.
    const hidden = (el) => el.closest('.nhsuk-u-visually-hidden');
    for (const el of document.body.querySelectorAll('*')) if (!hidden(el)) consider(el.getBoundingClientRect(), describe(el));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.data.trim() || hidden(text.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      consider(range.getBoundingClientRect(), `text "${text.data.trim().slice(0, 40)}…" in ${describe(text.parentElement)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
}

/** What is wrong with a measurement, if anything: the page, how far it scrolls, and what sticks out. */
function sideways({ scrollWidth, widest }, name) {
  return scrollWidth <= WIDTH ? [] : [`${name} scrolls ${scrollWidth - WIDTH} px sideways (scrollWidth ${scrollWidth}); furthest right: ${widest.what}, to ${widest.right} px`];
}

function assertNarrow(failures) {
  assert.deepEqual(failures, [], `at ${WIDTH} px wide:\n${failures.join('\n')}`);
}

/** Every page file of the fixture build: each hub and article, references.html and the rest. */
const pageFiles = () => readdirSync(fixtureBuild).filter((f) => f.endsWith('.html')).sort();

test('every page of the help-centre fixture build fits 320 px wide, with its details open', async () => {
  const files = pageFiles();
  assert.ok(files.length >= 10, `the fixture build has its pages (found ${files.join(', ')})`);
  const page = await newPage(env.browser, { viewport });
  const failures = [];
  for (const file of files) {
    await open(page, env.server.base + file);
    failures.push(...sideways(await measure(page), file));
  }
  assertNarrow(failures);
  assert.deepEqual(page.problems, []);
});

test("the page's own components nested 40 deep, and a word longer than the screen, fit 320 px wide", async () => {
  const page = await newPage(env.browser, { viewport });
  // The article with every component: inset text, expanders, a warning
  // callout and lists, as the app rendered them.
  const file = 'prove-who-you-are-record-a-video.html';
  await open(page, env.server.base + file);
  // The content compiler keeps about 20 levels as components (deeper ones
  // become text), so 40 built here from the page's own is more than any
  // content can give.
  const levels = await page.evaluate((depth) => {
    const main = document.querySelector('main');
    const take = (selector) => {
      const found = main.querySelector(selector);
      if (!found) throw new Error(`no ${selector} on the page`);
      const copy = found.cloneNode(true);
      copy.removeAttribute('id');
      return copy;
    };
    // Each component, emptied, with the element its content goes in.
    const makers = [
      () => {
        const inset = take('.nhsuk-inset-text');
        inset.querySelectorAll(':scope > :not(.nhsuk-u-visually-hidden)').forEach((e) => e.remove());
        return [inset, inset];
      },
      () => {
        const details = take('details.nhsuk-details');
        const body = details.querySelector('.nhsuk-details__text');
        body.replaceChildren();
        return [details, body];
      },
      () => {
        const card = take('.nhsuk-card--warning');
        const body = card.querySelector('.nhsuk-card__content');
        body.querySelectorAll(':scope > :not(.nhsuk-card__heading)').forEach((e) => e.remove());
        return [card, body];
      },
      () => {
        const list = take('ul.nhsuk-list--bullet');
        const item = document.createElement('li');
        item.append('A list item holding the next one:');
        list.replaceChildren(item);
        return [list, item];
      },
    ];
    const top = Object.assign(document.createElement('div'), { id: 'narrow-nested' });
    let inside = top;
    for (let i = 0; i < depth; i++) {
      const [component, body] = makers[i % makers.length]();
      body.append(Object.assign(document.createElement('p'), { textContent: `Component ${i + 1} of ${depth}: ordinary words that wrap at any depth.` }));
      inside.append(component);
      inside = body;
    }
    inside.id = 'narrow-innermost';
    main.querySelector('h1').after(top);
    let nested = 0;
    for (let e = inside; e !== top; e = e.parentElement) nested += e.matches('.nhsuk-inset-text, details, .nhsuk-card, ul') ? 1 : 0;
    return nested;
  }, 40);
  assert.equal(levels, 40);
  const failures = sideways(await measure(page), `${file} with 40 nested components`);
  // Then a word longer than the screen, at the top and innermost.
  await page.evaluate((word) => {
    const p = (text) => Object.assign(document.createElement('p'), { textContent: text });
    document.getElementById('narrow-nested').prepend(p(`A word longer than the screen: ${word}.`));
    document.getElementById('narrow-innermost').append(p(`The innermost ${word} text.`));
  }, longWord);
  failures.push(...sideways(await measure(page), `${file} with 40 nested components and a 300-character word`));
  assertNarrow(failures);
  assert.deepEqual(page.problems, []);
});

test('a word longer than the screen in ?q= or ?error= is shown without scrolling sideways', async () => {
  const page = await newPage(env.browser, { viewport });
  const failures = [];
  // The search echoes the query ("No results for …"); a reference that is
  // not a code is not shown back, but its page must fit all the same.
  for (const query of [`?q=${longWord}`, `?error=${longWord}`]) {
    await open(page, env.server.base + query);
    if (query.startsWith('?q=')) await page.getByText(longWord.slice(0, 60)).first().waitFor();
    failures.push(...sideways(await measure(page), `index.html${query.slice(0, 10)}… (300 characters)`));
  }
  assertNarrow(failures);
  assert.deepEqual(page.problems, []);
});

/** An article of the fixture's kind with `depth` components nested in each other, and a 300-character word. */
function nestedArticle(depth) {
  const open = [];
  const close = [];
  for (let i = 0; i < depth; i++) {
    const text = `<p>Component ${i + 1} of ${depth}.</p>`;
    switch (i % 3) {
      case 0:
        open.push(`<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span>${text}`);
        close.unshift('</div>');
        break;
      case 1:
        open.push(`<details class="nhsuk-details nhsuk-expander"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Level ${i + 1}</span></summary><div class="nhsuk-details__text">${text}`);
        close.unshift('</div></details>');
        break;
      default:
        open.push(`<div class="nhsuk-warning-callout"><h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Level ${i + 1}</span></h3>${text}`);
        close.unshift('</div>');
    }
  }
  return `---
title: Nested components
short_title: Nested
subtitle: Components nested in each other, and a word longer than the screen.
pageName: nested-components
type: article
hub: home
position: 9
reviewed: 2026-11-01
review_due: 2027-05-01
---

## ${longWord}

A sentence with a word longer than any screen in it: ${longWord}, and then some more ordinary words to make it the longest sentence.

## Nested

${open.join('\n')}
<p>The innermost text, ${longWord}.</p>
${close.join('\n')}
`;
}

test('the content report for articles with 40 nested components and a 300-character word fits 320 px wide', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrow-content-'));
  try {
    const content = join(dir, 'content');
    cpSync(fixtureContent, content, { recursive: true });
    // 40 components (14 inset texts, 13 expanders, 13 warning callouts) are
    // 53 elements deep, within the compiler's limit of 64.
    writeFileSync(join(content, 'nested-components.md'), nestedArticle(40));
    const out = join(dir, 'report.html');
    execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '-p', 'help-compiler', '--bin', 'help-content', '--', 'report', content, '--out', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200' }, // 2026-12-01
    });
    const page = await newPage(env.browser, { viewport });
    await page.goto(pathToFileURL(out).href);
    assert.equal(await page.locator('h3', { hasText: 'Nested components' }).count(), 1, 'the nested article built and is in the report');
    assert.ok(await page.getByText(longWord.slice(0, 60)).count() > 0, 'the long word is in the report');
    assertNarrow(sideways(await measure(page), 'the content report'));
    assert.deepEqual(page.problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
