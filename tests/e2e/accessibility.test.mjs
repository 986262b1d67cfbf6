// axe-core (WCAG 2.2 A and AA, plus best practice) on every view there is so
// far, at phone width: zero violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { withBrowser, newPage, open, pageFiles } from './support.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const views = [
  ...pageFiles,
  'index.html?error=CID7023',
  'index.html?error=CID3002',
  'index.html?error=CID9999',
  'index.html?error=%3Cscript%3E',
  'no-such-page.html',
  'index.html?q=pasword',
  'index.html?q=zzzqqq',
  'index.html?partner=patientcentre&return-link=https%3A%2F%2Fpatientcentre.example%2Fsign-in',
];

/** axe-core's WCAG 2.2 A and AA and best-practice violations on the page as it is. */
async function axeViolations(page) {
  // Evaluated, not added as a <script>: the page's policy rightly refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const env = withBrowser();

test('no axe-core violations on any view', async () => {
  const page = await newPage(env.browser);
  for (const view of views) {
    await open(page, env.server.base + view);
    if (view.includes('q=')) await page.locator('.app-search__option, .app-search__none').first().waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], view);
  }
});

test('no axe-core violations once "Did this help?" is answered', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'index.html?error=CID7023');
  await page.locator('#cid7023').getByRole('button', { name: 'No' }).click();
  await page.locator('#cid7023 .app-feedback [role=status] a').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement !== document.body), true, 'focus is not lost when the buttons go');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
});

test('no axe-core violations offline, with the notice showing', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'manage-landline-number.html');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.context().setOffline(true);
  for (const view of ['manage-landline-number.html', 'index.html?error=CID7023']) {
    await open(page, env.server.base + view);
    await page.locator('.app-offline-notice').getByText('saved on this device').waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `offline ${view}`);
  }
});
