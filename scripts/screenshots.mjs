// Screenshots of each view at a small phone's, a phone's and a desktop's
// width (320, 390, 1280), to look at after every visible change:
//   node scripts/screenshots.mjs [out-dir]   (after scripts/test.sh, or a
//   release build; the embed and fixture views need its test builds)
// It also refreshes the two the README shows (docs/home.png and
// docs/error-cid7023.png) and writes the content report to look at.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, newPage, open } from '../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ? resolve(process.argv[2]) : join(root, 'target/screenshots');
// From the repository's root, wherever it is run from.
process.chdir(root);
const widths = [[320, 640, 'small'], [390, 844, 'phone'], [1280, 900, 'desktop']];
const views = [
  ['home', 'index.html'],
  ['manage', 'manage.html'],
  ['landline-cid3009', 'manage-landline-number.html#cid3009'],
  ['errors-details', 'error-messages-support.html#forgotten-your-password'],
  ['setup', 'setup-nhs-login.html'],
  ['partner', 'patientcentre-cannot-log-in.html'],
  ['not-found', 'no-such-page.html'],
  ['error-cid7023', 'index.html?error=CID7023'],
  ['error-cid3002-also', 'index.html?error=cid%203002'],
  ['error-unknown', 'index.html?error=CID9999'],
  ['error-malformed', 'index.html?error=%3Cscript%3E'],
  ['references', 'references.html'],
  ['search-results', 'index.html?q=pasword'],
  ['search-typed', 'error-messages-support.html?q=cant+log+in'],
  ['search-none', 'index.html?q=zzzqqq'],
  ['partner-home', 'index.html?partner=patientcentre&return-link=https%3A%2F%2Fpatientcentre.example%2Fsign-in'],
];

await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
for (const [width, height, label] of widths) {
  const page = await newPage(browser, { viewport: { width, height } });
  for (const [name, path] of views) {
    await open(page, server.base + path);
    if (path.includes('q=')) await page.locator('.app-search__option, .app-search__none').first().waitFor();
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: !path.includes('#') && !path.includes('error=CID7023') && !path.includes('3002') });
  }
  // Printed: the article and its links' addresses, nothing to click.
  await page.emulateMedia({ media: 'print' });
  await open(page, server.base + 'manage-landline-number.html');
  await page.screenshot({ path: `${out}/print-landline-${label}.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // Offline, with the notice: after one visit online installs the worker.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.context().setOffline(true);
  for (const [name, path] of [['offline-article', 'manage-landline-number.html'], ['offline-error-cid7023', 'index.html?error=CID7023']]) {
    await open(page, server.base + path);
    await page.locator('.app-offline-notice').getByText('saved on this device').waitFor();
    await page.screenshot({ path: `${out}/${name}-${label}.png` });
  }
}
// The error-code journey with WebAssembly blocked: the page files' own script.
for (const [width, height, label] of widths) {
  const page = await newPage(browser, { viewport: { width, height } });
  await page.route('**/*.wasm', (route) => route.abort());
  for (const [name, path, id] of [['no-wasm-error-cid7023', 'index.html?error=CID7023', 'cid7023'], ['no-wasm-error-cid3002-also', 'index.html?error=cid%203002', 'cid3002']]) {
    await page.goto(server.base + path);
    await page.waitForFunction((id) => document.activeElement?.closest('section')?.id === id, id);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}/${name}-${label}.png` });
  }
}

// "Did this help?" answered No, under a code's guidance.
{
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await open(page, server.base + 'index.html?error=CID7023');
  await page.locator('#cid7023').getByRole('button', { name: 'No' }).click();
  await page.locator('#cid7023 .app-feedback').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/feedback-no-phone.png` });
}

// The embed on the example partner page, when the test build exists.
const testBuild = new URL('../target/dist-v2/', import.meta.url);
if (existsSync(testBuild)) {
  const { serveExamples } = await import('../examples/serve.mjs');
  const widget = await serveDist({ dir: fileURLToPath(testBuild) });
  const site = await serveExamples({ widget: widget.base, port: 8765 });
  for (const [width, height, label] of [[390, 844, 'phone'], [1280, 900, 'desktop']]) {
    const page = await newPage(browser, { viewport: { width, height } });
    await page.goto(site.base + 'patientcentre-error.html');
    await page.screenshot({ path: `${out}/embed-launcher-${label}.png` });
    await page.getByRole('button', { name: 'Get help with this error' }).click();
    await page.frameLocator('iframe').locator('#cid7023').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/embed-panel-${label}.png` });
    await page.goto(site.base + 'patientcentre-inline.html');
    await page.frameLocator('iframe').locator('main h1').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/embed-inline-${label}.png` });
  }
  await site.close();
  await widget.close();
}
// The help-centre fixture corpus's components, when its build exists.
const fixtureBuild = new URL('../target/dist-fixture/', import.meta.url);
if (existsSync(fixtureBuild)) {
  const fixture = await serveDist({ dir: fileURLToPath(fixtureBuild) });
  const fixtureViews = [
    ['fixture-record-a-video', 'prove-who-you-are-record-a-video.html'],
    ['fixture-photo-id', 'prove-who-you-are-photo-id.html'],
    ['fixture-passkeys', 'passkeys.html'],
    ['fixture-contact-details', 'nhs-record-contact-details.html'],
    ['fixture-passwords', 'passwords.html'],
    ['fixture-error-cid4017', 'index.html?error=CID4017'],
    ['fixture-search-corrected', 'index.html?q=pasky'],
  ];
  for (const [width, height, label] of widths) {
    const page = await newPage(browser, { viewport: { width, height } });
    for (const [name, path] of fixtureViews) {
      await open(page, fixture.base + path);
      await page.waitForFunction(() => window.wasmBindings);
      if (path.includes('q=')) await page.locator('.app-search__option').first().waitFor();
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: !path.includes('error=') });
    }
    await page.emulateMedia({ media: 'print' });
    await open(page, fixture.base + 'prove-who-you-are-photo-id.html');
    await page.screenshot({ path: `${out}/fixture-photo-id-print-${label}.png`, fullPage: true });
  }
  await fixture.close();
}
// The editor's content report, as `help-content report` writes it.
const report = `${out}/content-report.html`;
const made = spawnSync('cargo', ['run', '-q', '--offline', '-p', 'help-compiler', '--bin', 'help-content', '--', 'report', 'content', '--out', report], { stdio: 'inherit' });
if (made.status !== 0) throw new Error('help-content report failed');
for (const [width, height, label] of widths) {
  const page = await newPage(browser, { viewport: { width, height } });
  await page.goto(`file://${report}`);
  await page.screenshot({ path: `${out}/report-${label}.png`, fullPage: true });
}
await browser.close();
await server.close();
// The two the README shows.
await copyFile(`${out}/home-phone.png`, 'docs/home.png');
await copyFile(`${out}/error-cid7023-phone.png`, 'docs/error-cid7023.png');
console.log(`screenshots in ${out}/; docs/home.png and docs/error-cid7023.png refreshed`);
