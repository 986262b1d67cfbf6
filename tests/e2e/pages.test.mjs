// The foundation in a real browser: every page renders from its own file,
// details open and close, section URLs survive a reload, links move in-app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, newPage, open } from './support.mjs';

const env = withBrowser();

const pages = [
  ['index.html', 'NHS login help centre'],
  ['manage.html', 'Manage your NHS login'],
  ['manage-landline-number.html', 'Landline number'],
  ['manage-phone-number.html', 'Mobile phone number'],
  ['error-messages-support.html', 'Error messages and support'],
  ['setup-nhs-login.html', 'Set up NHS login'],
  ['patientcentre-cannot-log-in.html', 'I cannot log into Patientcentre'],
];

test('every hub and article renders from its own file', async () => {
  const page = await newPage(env.browser);
  for (const [file, title] of pages) {
    await open(page, env.server.base + file);
    const h1 = (await page.locator('main h1').innerText()).trim();
    assert.ok(h1.endsWith(title), `${file}: h1 "${h1}"`);
    assert.equal(await page.title(), `${title} - NHS login help`);
  }
  assert.deepEqual(page.problems, []);
});

test('the home page lists the home hub in position order, with the Manage hub and its articles', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  const cards = await page.locator('main .nhsuk-card__heading').allInnerTexts();
  assert.deepEqual(cards.map((t) => t.trim()), ['Set up NHS login', 'Manage your NHS login', 'Error messages and support']);
  const manage = page.locator('.nhsuk-card', { hasText: 'Manage your NHS login' });
  assert.deepEqual((await manage.locator('li a').allInnerTexts()).map((t) => t.trim()), ['Mobile phone number', 'Landline number']);
  // The partner's article waits for its partner to be active.
  assert.equal(await page.getByText('I cannot log into Patientcentre').count(), 0);
});

test('the partner article says whose it is', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'patientcentre-cannot-log-in.html');
  assert.equal((await page.locator('.app-partner-label').innerText()).trim(), 'From Patientcentre');
});

test('a details section opens and closes', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'error-messages-support.html');
  const details = page.locator('details#forgotten-your-password');
  const text = details.getByText('We will send you an email with a link to reset your password.');
  assert.equal(await details.getAttribute('open'), null);
  assert.equal(await text.isVisible(), false);
  await details.locator('summary').click();
  assert.equal(await details.getAttribute('open'), '');
  assert.equal(await text.isVisible(), true);
  await details.locator('summary').click();
  assert.equal(await details.getAttribute('open'), null);
  assert.equal(await text.isVisible(), false);
});

test('indented text inside details shows as text, never as code', async () => {
  const page = await newPage(env.browser);
  for (const [file] of pages) {
    await open(page, env.server.base + file);
    assert.equal(await page.locator('main pre, main code').count(), 0, file);
  }
  await open(page, env.server.base + 'error-messages-support.html');
  await page.locator('#we-have-the-wrong-details-for-you summary').click();
  assert.equal(await page.locator('#we-have-the-wrong-details-for-you li').count(), 3);
});

test('a section URL survives a reload, focused and in view', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'manage-landline-number.html#cid3009');
  const check = async () => {
    const heading = page.locator('#cid3009 h3');
    assert.equal((await heading.innerText()).trim(), 'Expired link – Reference CID3009');
    await page.waitForFunction(() => document.activeElement?.closest('#cid3009'));
    assert.ok(await heading.isVisible());
    const box = await heading.boundingBox();
    assert.ok(box.y >= 0 && box.y < 844, `heading at y=${box.y}`);
  };
  await check();
  await page.reload();
  await page.locator('main h1').waitFor();
  await check();
  assert.deepEqual(page.problems, []);
});

test('a details id in the URL opens that details', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'error-messages-support.html#if-you-are-using-gmail-google-mail');
  await page.waitForFunction(() => document.querySelector('#if-you-are-using-gmail-google-mail')?.open);
});

test('links move within the app, and back returns', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.locator('main a', { hasText: 'Landline number' }).click();
  await page.waitForURL(/manage-landline-number\.html$/);
  // The address changes as the link is followed; the view renders in the
  // app's next task, so wait for it rather than read it at once.
  await page.locator('main h1', { hasText: 'Landline number' }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full reload');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  // On a phone the breadcrumb shows only its back link.
  await page.locator('.nhsuk-breadcrumb .nhsuk-back-link').click();
  await page.waitForURL(/manage\.html$/);
  await page.goBack();
  await page.waitForURL(/manage-landline-number\.html$/);
  await page.locator('main h1', { hasText: 'Landline number' }).waitFor();
  await page.goBack();
  // The app renders the page it went back to after the address changes.
  await page.locator('main h1', { hasText: 'NHS login help centre' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('external and contact links open in a new tab and say so', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'manage-landline-number.html');
  const contact = page.locator('#cid3009 a', { hasText: 'Contact us' });
  assert.equal(await contact.getAttribute('href'), 'https://help.login.nhs.uk/contact/?error=CID3009');
  assert.equal(await contact.getAttribute('target'), '_blank');
  assert.equal(await contact.getAttribute('rel'), 'noopener noreferrer');
  // Said in view, in the link's own text, as NHS.UK writes it.
  assert.equal(await contact.innerText(), 'Contact us (opens in a new tab)');
  assert.equal(await contact.locator('.nhsuk-u-visually-hidden').count(), 0);
  assert.ok((await contact.boundingBox()).width > 150, 'the note is shown, not hidden');
  const settings = page.locator('#how-to-add-a-landline-number a').first();
  assert.equal(await settings.getAttribute('href'), 'https://settings.login.nhs.uk/');
  await open(page, env.server.base + 'setup-nhs-login.html');
  assert.equal(
    await page.locator('a', { hasText: 'More information on how to prove who you are' }).getAttribute('href'),
    'https://help.login.nhs.uk/provewhoyouare',
  );
});

test('works from a sub-path with no set-up', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'help/manage.html');
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Manage your NHS login');
  await open(page, env.server.base + 'help/');
  assert.equal((await page.locator('main h1').innerText()).trim(), 'NHS login help centre');
  assert.deepEqual(page.problems.filter((p) => !p.includes('404')), []);
});

test('an unknown page file shows a helpful page, not a blank screen', async () => {
  const page = await newPage(env.browser);
  await open(page, env.server.base + 'manage-old-article.html');
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Page not found');
  assert.ok(await page.locator('main a', { hasText: 'Go to the NHS login help centre' }).isVisible());
});

test('a page file carries only the text it shows; other pages\' text comes once, when first opened', async () => {
  const page = await newPage(env.browser);
  const bodies = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/site-bodies.json')) bodies.push(r.url()); });
  await open(page, env.server.base + 'manage-landline-number.html');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(bodies, [], 'the page file holds its own text');
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.locator('.nhsuk-breadcrumb .nhsuk-back-link').click();
  await page.waitForURL(/manage\.html$/);
  await page.locator('main a', { hasText: 'Mobile phone number' }).first().click();
  await page.waitForURL(/manage-phone-number\.html$/);
  await page.locator('main h1', { hasText: 'Mobile phone number' }).waitFor();
  // The article's own text, not only its outline.
  await page.getByText('If you have lost access to your mobile phone number').waitFor();
  await page.locator('.nhsuk-breadcrumb .nhsuk-back-link').click();
  await page.locator('main a', { hasText: 'Landline number' }).first().click();
  await page.locator('main h1', { hasText: 'Landline number' }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full reload');
  assert.equal(bodies.length, 1, `fetched once: ${bodies}`);
  assert.match(bodies[0], /site-bodies\.json\?v=[0-9a-f]{16}$/);
  assert.deepEqual(page.problems, []);
});

test('when other pages\' text cannot be fetched, a link still arrives, as its page file', async () => {
  const page = await newPage(env.browser);
  await page.route('**/site-bodies.json*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"site":"0000000000000000","pages":[]}' }));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await open(page, env.server.base + 'manage.html');
  await page.locator('main a', { hasText: 'Landline number' }).first().click();
  await page.waitForURL(/manage-landline-number\.html$/);
  await page.locator('main h1', { hasText: 'Landline number' }).waitFor();
  await page.getByText('You can use your landline number to receive security codes').waitFor();
  assert.ok(warnings.some((w) => w.includes('site-bodies.json') || w.includes('another build')), warnings.join('\n'));
  assert.deepEqual(page.problems, []);
});
