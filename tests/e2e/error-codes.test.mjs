// Arriving from an error screen: ?error=CIDnnnn (or #cid...) opens the
// guidance, focused and marked; anything else gets a helpful page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, newPage, open, assertMarked } from './support.mjs';

const env = withBrowser();

/** Opens `url` and checks the guidance for `code` is shown, focused and marked. */
async function expectGuidance(page, url, { code, title, section, details }) {
  await open(page, url);
  assert.equal((await page.locator('main h1').innerText()).trim(), title, url);
  const target = page.locator(`section#${section}`);
  await page.waitForFunction((id) => document.activeElement?.closest(`section#${id}`), section);
  const focused = await page.evaluate(() => document.activeElement.tagName);
  assert.match(focused, /^H[23]$/, `${url}: focus on ${focused}`);
  const mark = target.locator('.app-reference-mark');
  await assertMarked(target, code);
  assert.ok(await mark.isVisible(), `${url}: mark visible`);
  assert.match(await target.getAttribute('class'), /app-section--highlight/);
  if (details) {
    await page.waitForFunction((id) => document.getElementById(id)?.open, details);
  }
  assert.equal(await page.title(), `${code}: ${title} - NHS login help`);
}

test('the five reference kinds open their guidance', async () => {
  const page = await newPage(env.browser);
  const cases = [
    ['CID7023', 'Error messages and support', 'cid7023'],
    ['CID3009', 'Landline number', 'cid3009'],
    ['CID1111', 'Error messages and support', 'there-is-already-an-account-linked-to-my-details'],
    ['CID3008', 'Landline number', 'if-you-lose-access-to-your-landline-number'],
    ['CID3002', 'Error messages and support', 'cid3002'],
  ];
  for (const [code, title, section] of cases) {
    await expectGuidance(page, `${env.server.base}index.html?error=${code}`, { code, title, section });
  }
  assert.deepEqual(page.problems, []);
});

test('a code named in several places lists the others under "Also see"', async () => {
  const page = await newPage(env.browser);
  await expectGuidance(page, `${env.server.base}?error=CID3002`, { code: 'CID3002', title: 'Error messages and support', section: 'cid3002' });
  const also = page.locator('#cid3002 .app-also-see a');
  assert.equal(await also.count(), 1);
  assert.equal(await also.getAttribute('href'), 'manage-phone-number.html#cid3002');
});

test('codes are read the way people write them, on any page', async () => {
  const page = await newPage(env.browser);
  const forms = [
    ['manage.html?error=cid%207023', 'CID7023', 'Error messages and support', 'cid7023'],
    ['setup-nhs-login.html?error=CID-7023', 'CID7023', 'Error messages and support', 'cid7023'],
    ['index.html?error=7029', 'CID7029', 'Error messages and support', 'cid7029'],
    ['index.html?error=%EF%BC%93%EF%BC%90%EF%BC%90%EF%BC%99', 'CID3009', 'Landline number', 'cid3009'], // full-width ３００９
    ['index.html#cid3010', 'CID3010', 'Landline number', 'cid3010'],
    ['manage.html#CID3010', 'CID3010', 'Landline number', 'cid3010'],
    ['index.html?error=nonsense&error=CID3009', 'CID3009', 'Landline number', 'cid3009'],
  ];
  for (const [path, code, title, section] of forms) {
    await expectGuidance(page, env.server.base + path, { code, title, section });
  }
  assert.deepEqual(page.problems, []);
});

test('contact links carry the code, with the slash the contact form needs', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}?error=CID7023`);
  const contact = page.locator('#cid7023 a', { hasText: 'Contact us' });
  assert.equal(await contact.getAttribute('href'), 'https://help.login.nhs.uk/contact/?error=CID7023');
  // A contact link with no code of its own carries the code the person arrived with.
  const footer = page.locator('footer a', { hasText: 'Contact NHS login' });
  assert.equal(await footer.getAttribute('href'), 'https://help.login.nhs.uk/contact/?error=CID7023');
});

test('an unknown code gets a clear page with the references and the contact route', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}manage.html?error=CID9999`);
  assert.equal((await page.locator('main h1').innerText()).trim(), 'We do not have guidance for reference CID9999');
  assert.equal(
    await page.locator('main a', { hasText: 'Contact NHS login' }).getAttribute('href'),
    'https://help.login.nhs.uk/contact/?error=CID9999',
  );
  assert.equal(await page.locator('main .app-reference-list li').count(), 12);
  await page.locator('main .app-reference-list a', { hasText: 'CID3009' }).click();
  await page.waitForURL(/manage-landline-number\.html#cid3009$/);
  assert.deepEqual(page.problems, []);
});

test('hostile or malformed values show the helpful page, run nothing and echo nothing', async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => { window.__pwned = 0; });
  const hostile = [
    '',
    'x'.repeat(10_000),
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=1">',
    'javascript:window.__pwned=1',
    'CID70\u200b23',
    '\u0000CID7023',
    '%%%',
    '😀',
    'CID123456789',
  ];
  for (const value of hostile) {
    await open(page, `${env.server.base}index.html?error=${encodeURIComponent(value)}`);
    assert.equal(new URL(page.url()).pathname, '/index.html', 'the page script leaves what is not a known code to the app');
    assert.equal((await page.locator('main h1').innerText()).trim(), 'We could not read that error reference', JSON.stringify(value.slice(0, 40)));
    assert.equal(await page.evaluate(() => window.__pwned), 0);
    assert.equal(await page.locator('main img, main script').count(), 0);
    const text = await page.locator('main').innerText();
    assert.ok(!text.includes('<script') && !text.includes('onerror') && !text.includes('xxxxxxxxxx'), 'nothing echoed');
  }
  assert.deepEqual(page.problems, []);
});

test('references.html lists every reference, with or without WebAssembly', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}references.html`);
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Error references');
  assert.equal(await page.locator('main .app-reference-list li').count(), 12);

  const noWasm = await newPage(env.browser);
  await noWasm.route('**/*.wasm', (route) => route.abort());
  await noWasm.goto(`${env.server.base}references.html`);
  const items = noWasm.locator('main .app-reference-list li');
  assert.equal(await items.count(), 12);
  assert.equal(await noWasm.locator('main a', { hasText: 'CID7023' }).getAttribute('href'), 'error-messages-support.html#cid7023');
});
