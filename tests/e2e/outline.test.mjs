// The heading outline of every view, as a screen reader lists it (the
// headings a person can reach, hidden ones included, as the view arrives
// and again with every details section open): one h1, no level skipped going down, nothing the page adds
// (feedback, "Also see", captions, contents) under a heading it does not
// belong to, and no heading that says the same code twice. Over every page
// file and every code's guidance, of the release build and of the
// help-centre fixture build. And no empty element (an empty paragraph, or
// one holding only hidden text) on any of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launchBrowser, newPage, open, dist, fixtureBuild } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

/** The headings a screen reader lists, and what is wrong with the outline. */
function readOutline(allOpen) {
  if (allOpen) for (const details of document.querySelectorAll('main details')) details.open = true;
  // A closed details shows only its summary.
  const folded = (el) => el.closest('details:not([open])') && !el.closest('summary');
  const reachable = (el) => !el.closest('[hidden], [aria-hidden="true"], [inert]') && getComputedStyle(el).display !== 'none' && !folded(el);
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(reachable);
  const levelOf = (h) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1));
  const textOf = (h) => h.textContent.replace(/\s+/g, ' ').trim();
  const outline = headings.map((h) => `${'  '.repeat(levelOf(h) - 1)}h${levelOf(h)} ${textOf(h)}`);
  const problems = [];
  const ones = headings.filter((h) => levelOf(h) === 1);
  if (ones.length !== 1) problems.push(`${ones.length} h1 headings`);
  else if (headings[0] !== ones[0]) problems.push(`"${textOf(headings[0])}" comes before the h1`);
  headings.forEach((h, i) => {
    if (i > 0 && levelOf(h) > levelOf(headings[i - 1]) + 1) {
      problems.push(`h${levelOf(h)} "${textOf(h)}" skips a level after h${levelOf(headings[i - 1])} "${textOf(headings[i - 1])}"`);
    }
    // Inside a section (or details, aside, nav) whose own heading is at its
    // level or deeper, a heading sits under one it does not belong to.
    for (let box = h.parentElement; box && box.tagName !== 'MAIN' && box !== document.body; box = box.parentElement) {
      if (!box.matches('section, details, aside, nav, article, [role="region"]')) continue;
      const own = headings.find((other) => box.contains(other));
      if (own && own !== h && levelOf(own) >= levelOf(h)) {
        problems.push(`h${levelOf(h)} "${textOf(h)}" sits inside the section of h${levelOf(own)} "${textOf(own)}"`);
        break;
      }
    }
    const text = textOf(h);
    const codes = text.match(/CID[0-9]{4,5}/g) ?? [];
    if (new Set(codes).size !== codes.length) problems.push(`"${text}" says its code twice`);
    // A caption inside a heading is read with it: a pause, not one word.
    for (const caption of h.querySelectorAll('[class*="caption"]')) {
      if (!/[-–:]\s*$/.test(caption.textContent)) problems.push(`"${text}": the caption "${caption.textContent.trim()}" runs into the heading`);
    }
    if (/CID[0-9]{4,5}[A-Za-z]/.test(text)) problems.push(`"${text}" runs two parts together`);
  });
  // No empty element: nothing shown, and nothing but hidden text read out.
  for (const el of document.querySelectorAll('main :is(p, li, ul, ol, h2, h3, h4, div, span, strong)')) {
    if (el.closest('[hidden], .nhsuk-u-visually-hidden') || el.matches('[role="status"], [aria-live], [role="listbox"], .app-offline-notice')) continue;
    const shown = el.cloneNode(true);
    shown.querySelectorAll('.nhsuk-u-visually-hidden').forEach((hidden) => hidden.remove());
    if (shown.textContent.trim() === '' && !el.querySelector('img, svg, input, button')) problems.push(`an empty <${el.localName}${el.className ? ` class="${el.className}"` : ''}>`);
  }
  return { outline, problems };
}

/** Every view of a build: each page file, and each registered code's guidance by `?error=`. */
function viewsOf(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== '404.html' && !f.startsWith('report'));
  const references = JSON.parse(readFileSync(join(dir, 'references.json'), 'utf8')).references;
  return [
    ...files.map((file) => ({ path: file })),
    ...references.map((r) => ({ path: `index.html?error=${r.code}`, marked: r.status === 'live' })),
  ];
}

async function checkBuild(dir) {
  const server = await serveDist({ dir });
  const page = await newPage(browser);
  const found = [];
  try {
    for (const { path, marked } of viewsOf(dir)) {
      // As the app shows it, with a live code's guidance marked.
      await open(page, server.base + path);
      if (marked) await page.locator('.app-section--highlight .app-reference-mark').waitFor();
      // As it arrives (details closed but any the address opened), then with every details open.
      for (const allOpen of [false, true]) {
        const { outline, problems } = await page.evaluate(readOutline, allOpen);
        const state = allOpen ? 'details open' : 'as it arrives';
        if (problems.length) found.push(`${path} (${state}):\n    ${problems.join('\n    ')}\n  outline:\n    ${outline.join('\n    ')}`);
      }
    }
  } finally {
    await page.context().close();
    await server.close();
  }
  assert.deepEqual(page.problems, []);
  assert.equal(found.length, 0, `${found.length} views with a broken outline:\n${found.join('\n')}`);
}

test('every view of the release build has a sound heading outline and no empty element', async () => {
  await checkBuild(dist);
});

test('every view of the help-centre fixture build has a sound heading outline and no empty element', async () => {
  await checkBuild(fixtureBuild);
});
