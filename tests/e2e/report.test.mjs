// The content report editors open from disk: it shows every article and the
// chart, runs nothing, and asks for nothing but its own file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, newPage } from './support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the content report opens with no console errors and no requests but its own file', async () => {
  const out = 'target/e2e-content-report.html';
  const printed = execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '-p', 'help-compiler', '--bin', 'help-content', '--', 'report', 'content', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200' }, // 2026-12-01
  });
  assert.equal(printed.trim(), out, 'it prints the path it wrote');
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(`${root}${out}`).href;
    await page.goto(url);
    assert.equal(await page.locator('h1').innerText(), 'Help content report');
    assert.equal(await page.locator('h2', { hasText: 'Articles' }).count(), 1);
    assert.equal(await page.locator('main h3').count(), 5, 'one heading per article of content/');
    assert.ok(await page.locator('svg rect').count() > 20, 'a bar per section');
    assert.match(await page.locator('.summary').innerText(), /^5 articles, \d+ sections, median reading age [\d.]+, \d+ sections? above 12, 0 articles overdue for review$/);
    assert.ok(await page.getByText('CID7023', { exact: true }).isVisible());
    assert.deepEqual(requests, [url]);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});
