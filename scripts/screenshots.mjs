// Screenshots of each view at phone and desktop width, to look at after a
// change: node scripts/screenshots.mjs [out-dir] (after a release build).
import { mkdir } from 'node:fs/promises';
import { serveDist, launchBrowser, newPage, open } from '../tests/e2e/browser.mjs';

const out = process.argv[2] ?? 'target/screenshots';
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
  ['search-none', 'index.html?q=zzzqqq'],
];

await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
for (const [width, height, label] of [[390, 844, 'phone'], [1280, 900, 'desktop']]) {
  const page = await newPage(browser, { viewport: { width, height } });
  for (const [name, path] of views) {
    await open(page, server.base + path);
    if (path.includes('q=')) await page.locator('.app-search__option, .app-search__none').first().waitFor();
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: !path.includes('#') && !path.includes('error=CID7023') && !path.includes('3002') });
  }
  // Offline, with the notice: after one visit online installs the worker.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.context().setOffline(true);
  for (const [name, path] of [['offline-article', 'manage-landline-number.html'], ['offline-error-cid7023', 'index.html?error=CID7023']]) {
    await open(page, server.base + path);
    await page.locator('.app-offline-notice').getByText('saved on this device').waitFor();
    await page.screenshot({ path: `${out}/${name}-${label}.png` });
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}/`);
