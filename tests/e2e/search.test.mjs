// Search as you type, in a real browser: results, keyboard, URL, no results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, newPage, open } from './support.mjs';

const env = withBrowser();

const options = (page) => page.locator('#search-results [role=option]');
const headings = async (page) => (await page.locator('#search-results .app-search__heading').allInnerTexts()).map((t) => t.trim());

test('typing shows ranked sections with the matched words marked, and keeps the query in the URL', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'manage.html');
  const historyLength = await page.evaluate(() => history.length);
  const box = page.getByRole('combobox', { name: 'Search NHS login help' });
  await box.pressSequentially('pasword');
  await options(page).first().waitFor();
  assert.ok((await headings(page)).slice(0, 3).includes('Forgotten your password?'), String(await headings(page)));
  assert.ok((await page.locator('#search-results mark').count()) > 0);
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await page.waitForURL(/manage\.html\?q=pasword$/);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entry per keystroke');
  // The misspelling is read as the word the help uses, and says so.
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Showing results for “password”');
  assert.match(await page.locator('[aria-live=polite]').innerText(), /^\d+ results? for password$/);
  assert.equal(await page.title(), 'Search results - NHS login help');
  assert.deepEqual(page.problems, []);
});

test('arrow keys choose a result and Enter opens its section', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  const box = page.getByRole('combobox');
  await box.fill('landline');
  await options(page).first().waitFor();
  await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-result-0');
  assert.equal(await options(page).first().getAttribute('aria-selected'), 'true');
  await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-result-1');
  const chosen = (await options(page).nth(1).locator('.app-search__heading').innerText()).trim();
  await box.press('Enter');
  await page.waitForURL(/manage-landline-number\.html#/);
  await page.waitForFunction((text) => document.activeElement?.innerText?.includes(text), chosen);
  assert.equal(await options(page).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('a result inside a details block opens that details', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  const box = page.getByRole('combobox');
  await box.fill('gmail');
  await options(page).first().waitFor();
  assert.equal((await headings(page))[0], 'If you are using Gmail (Google mail)');
  await box.press('Enter');
  await page.waitForURL(/error-messages-support\.html#if-you-are-using-gmail-google-mail$/);
  await page.waitForFunction(() => document.getElementById('if-you-are-using-gmail-google-mail')?.open);
  assert.deepEqual(page.problems, []);
});

test('Escape clears the query and brings the page back', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'setup-nhs-login.html?q=passport');
  await options(page).first().waitFor();
  await page.getByRole('combobox').press('Escape');
  assert.equal(await page.getByRole('combobox').inputValue(), '');
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Set up NHS login');
  await page.waitForURL(/setup-nhs-login\.html$/);
});

test('Ctrl+K finds the search box from anywhere', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'manage-landline-number.html');
  await page.locator('main h1').click();
  await page.keyboard.press('Control+k');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  // No single-key shortcut: typing "k" elsewhere does not move focus.
  await page.locator('main h1').click();
  await page.keyboard.press('k');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'search');
});

test('a reference typed in any form comes first, and a search survives a reload', async () => {
  const page = await newPage(env.browser);
  for (const [query, heading] of [['CID7023', 'Unable to connect to your GP surgery’s system - Reference CID7023'], ['cid 3009', 'Expired link – Reference CID3009'], ['3009', 'Expired link – Reference CID3009']]) {
    await open(page, `${env.server.base}?q=${encodeURIComponent(query)}`);
    await options(page).first().waitFor();
    assert.equal((await headings(page))[0], heading, query);
  }
  await page.reload();
  await options(page).first().waitFor();
  assert.equal((await headings(page))[0], 'Expired link – Reference CID3009');
  assert.equal(await page.getByRole('combobox').inputValue(), '3009');
});

test('partner results say whose they are', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}?q=account+locked`);
  await options(page).first().waitFor();
  assert.equal((await headings(page))[0], 'My account is locked');
  assert.equal((await options(page).first().locator('.app-partner-label').innerText()).trim(), 'From Patientcentre');
});

test('no results offers suggestions, the references and the contact route', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}?q=zzzqqq`);
  await page.locator('.app-search__none').waitFor();
  assert.equal((await page.locator('main h1').innerText()).trim(), 'No results for “zzzqqq”');
  assert.equal(await page.locator('[aria-live=polite]').innerText(), 'No results');
  assert.ok(await page.locator('main a', { hasText: 'list of error references' }).isVisible());
  assert.equal(await page.locator('.app-search__none .app-reference-list li').count(), 12);
  assert.match(await page.locator('main a', { hasText: 'Contact NHS login' }).getAttribute('href'), /^https:\/\/help\.login\.nhs\.uk\/contact\//);
  await page.locator('.app-search__none a', { hasText: 'forgotten password' }).click();
  await options(page).first().waitFor();
  assert.equal(await page.getByRole('combobox').inputValue(), 'forgotten password');
  assert.deepEqual(page.problems, []);
});

test('strange queries never break the page', async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => { window.__pwned = 0; });
  await open(page, env.server.base);
  const box = page.getByRole('combobox');
  for (const query of ['<img src=x onerror="window.__pwned=1">', '😀😀', '!!!', 'x'.repeat(10_000), 'CID', '"quoted"']) {
    await box.fill(query);
    await page.locator('main h1').waitFor();
  }
  assert.equal(await page.evaluate(() => window.__pwned), 0);
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('searching keeps the error code and the fragment in the address', async () => {
  const page = await newPage(env.browser);
  // The page script has moved to the guidance's page file by then.
  await open(page, `${env.server.base}index.html?error=CID7023`);
  const box = page.getByRole('combobox');
  await box.fill('gp');
  // history.replaceState reaches page.url() asynchronously: wait for it.
  await page.waitForURL(/error-messages-support\.html\?error=CID7023&q=gp#cid7023$/);
  await box.press('Escape');
  await page.waitForURL(/error-messages-support\.html\?error=CID7023#cid7023$/);
  await open(page, `${env.server.base}manage-landline-number.html#cid3009`);
  await page.getByRole('combobox').fill('x');
  await page.waitForURL(/manage-landline-number\.html\?q=x#cid3009$/);
});

test('a query of spaces keeps the page, and typed full-width text is normalised', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}manage.html`);
  const box = page.getByRole('combobox');
  await box.fill('   ');
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Manage your NHS login');
  await box.fill('ＣＩＤ７０２３');
  await options(page).first().waitFor();
  assert.equal((await headings(page))[0], 'Unable to connect to your GP surgery’s system - Reference CID7023');
});

test('choosing a suggestion by keyboard keeps focus in the search box', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}?q=zzzqqq`);
  await page.locator('.app-search__none a', { hasText: 'security code' }).focus();
  await page.keyboard.press('Enter');
  await options(page).first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
});

test('a corrected query offers the words as typed, one click away', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  const box = page.getByRole('combobox');
  await box.fill('pasword');
  await page.locator('main h1', { hasText: 'Showing results for “password”' }).waitFor();
  const instead = page.getByRole('link', { name: 'Search instead for “pasword”' });
  assert.equal(await instead.getAttribute('href'), '?q=pasword');
  await instead.click();
  await page.locator('main h1', { hasText: 'No results for “pasword”' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search', 'focus stays in the box');
  assert.equal(await box.inputValue(), 'pasword');
  // Typing again forgives misspellings again.
  await box.press('End');
  await box.pressSequentially(' resett');
  await page.locator('main h1', { hasText: 'Showing results for “password reset”' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('people’s own words: a negation is never “corrected”, a code in a sentence comes first, highlights are whole words, and the count shows', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  const box = page.getByRole('combobox');
  await box.fill('cant log in');
  await page.locator('main h1', { hasText: 'Results for “cant log in”' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Search instead for/ }).count(), 0, 'nothing was corrected');
  // Only words the results were found with are marked, and whole: not
  // "include" for the "in" typed last, nor "want" for "cant".
  const marked = (await page.locator('#search-results mark').allInnerTexts()).map((t) => t.toLowerCase());
  assert.ok(marked.length > 0);
  for (const word of marked) assert.ok(!['include', 'includes', 'want', 'can', 'in'].includes(word), `marked “${word}”: ${marked}`);
  // How many sections were found, for everyone to see.
  const count = page.locator('main .app-search__count');
  assert.match((await count.innerText()).trim(), /^\d+ results?$/);
  assert.ok(await count.isVisible());
  // Sections that share only the question's form ("how do i") are not
  // results: a question about something the help never mentions finds none.
  await box.fill('how do i xylophone');
  await page.locator('main h1', { hasText: 'No results for “how do i xylophone”' }).waitFor();

  await box.fill('screen says 7023 what do i do');
  await page.locator('main h1', { hasText: 'Results for “screen says 7023 what do i do”' }).waitFor();
  assert.match((await headings(page))[0], /CID7023/, String(await headings(page)));
  assert.deepEqual(page.problems, []);
});

test('an index from another build, or none at all, leaves search unavailable but the page working', async () => {
  const page = await newPage(env.browser);
  await page.route('**/search-index.bin*', async (route) => {
    try {
      const response = await route.fetch();
      // The build's name follows the header (the format's 5 bytes and an
      // 8-byte checksum) and its length: change one of its letters, then
      // write the checksum anew, as another build's own file would have it.
      const bytes = new Uint8Array(await response.body());
      bytes[14] ^= 1;
      let sum = 0xcbf29ce484222325n;
      for (const b of bytes.subarray(13)) sum = ((sum ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
      new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(5, sum, true);
      await route.fulfill({ response, body: Buffer.from(bytes) });
    } catch (e) {
      // Only a fetch still in flight when the page closes may fail.
      if (!/disposed|closed/.test(String(e))) throw e;
    }
  });
  await open(page, `${env.server.base}?q=password`);
  await page.locator('main h1', { hasText: 'Search is not available right now' }).waitFor();
  await page.getByRole('combobox').press('Escape');
  assert.equal((await page.locator('main h1').innerText()).trim(), 'NHS login help centre');

  const offline = await newPage(env.browser);
  await offline.route('**/search-index.bin*', (route) => route.abort());
  await open(offline, `${env.server.base}?q=password`);
  await offline.locator('main h1', { hasText: 'Search is not available right now' }).waitFor();
  offline.problems.length = 0; // the aborted fetch is logged by the browser, as it should be
});

test('an index damaged on its way (cut short, or its bytes changed) never breaks the page', async () => {
  for (const [name, damage] of [
    ['cut short', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    // Past the build's name, so the damage reaches the lists themselves.
    ['bytes changed', (bytes) => bytes.map((b, i) => (i > 40 && i % 7 === 0 ? 0xff : b))],
  ]) {
    const page = await newPage(env.browser);
    await page.route('**/search-index.bin*', async (route) => {
      try {
        const response = await route.fetch();
        await route.fulfill({ response, body: Buffer.from(damage(new Uint8Array(await response.body()))) });
      } catch (e) {
        // Only a fetch still in flight when the page closes may fail.
        if (!/disposed|closed/.test(String(e))) throw e;
      }
    });
    await open(page, `${env.server.base}?q=password`);
    await page.locator('main h1', { hasText: 'Search is not available right now' }).waitFor();
    // The app still works: Escape brings the page back, and a link still navigates.
    await page.getByRole('combobox').press('Escape');
    assert.equal((await page.locator('main h1').innerText()).trim(), 'NHS login help centre', name);
    assert.deepEqual(page.problems, [], name);
    // The app may be fetching the index again (it retries once): let that
    // fetch end quietly rather than race the closing page.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.context().close();
  }
});
