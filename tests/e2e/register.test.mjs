// The register of references (published-references.txt) on the help-centre
// fixture build: a retired code and a contact code each reach a page that
// says what to do now, with the contact link carrying the code, with and
// without WebAssembly; never the unknown-reference page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { withBrowser, fixtureBuild, newPage, open } from './support.mjs';

const env = withBrowser({ dir: fixtureBuild });
const CONTACT = 'https://help.login.nhs.uk/contact/';

/** The contact links in main, as hrefs. */
const contactLinks = (page) => page.locator('main a[href^="https://help.login.nhs.uk/contact"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

test('a retired code says it is no longer used and leads to the guidance that replaced it', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}index.html?error=cid1205`);
  await page.locator('main h1', { hasText: 'Reference CID1205 is no longer used' }).waitFor();
  assert.equal(await page.title(), 'Reference CID1205 is no longer used - NHS login help');
  assert.match(await page.locator('main').innerText(), /You may have followed an old password reset link/);
  assert.ok((await contactLinks(page)).some((href) => href.endsWith('?error=CID1205')), String(await contactLinks(page)));
  const replacement = page.getByRole('link', { name: /^Read the guidance for CID1201/ });
  await replacement.click();
  await page.locator('main h1', { hasText: 'Passwords' }).waitFor();
  assert.match(page.url(), /#cid1201$/);
  // A retired code with no replacement still says what to do.
  await open(page, `${env.server.base}passwords.html#cid4013`);
  await page.locator('main h1', { hasText: 'Reference CID4013 is no longer used' }).waitFor();
  assert.match(await page.locator('main').innerText(), /We no longer check ID documents this way/);
  assert.equal(await page.getByRole('link', { name: /^Read the guidance for/ }).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('a contact code shows its line and the contact link carrying the code', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}index.html?error=CID9001`);
  await page.locator('main h1', { hasText: 'Contact NHS login about reference CID9001' }).waitFor();
  // Arriving with the code is arriving at its notice: focus is on its heading.
  await page.waitForFunction(() => document.activeElement?.matches('main h1') && /CID9001/.test(document.activeElement.textContent));
  assert.match(await page.locator('main').innerText(), /We need to check some details on your account/);
  assert.ok((await contactLinks(page)).includes(`${CONTACT}?error=CID9001`), String(await contactLinks(page)));
  assert.deepEqual(page.problems, []);
});

test('the references page lists live codes first, then the contact and retired ones', async () => {
  const page = await newPage(env.browser);
  await open(page, `${env.server.base}references.html`);
  const headings = (await page.locator('main h1, main h2, main h3').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(headings, [
    'Error references',
    'References to contact us about',
    'Contact NHS login about reference CID9001',
    'References no longer used',
    'Reference CID1205 is no longer used',
    'Reference CID4013 is no longer used',
  ]);
  // No line names its code twice ("CID4011 – Your ID has expired", not
  // "… – Reference CID4011").
  for (const line of await page.locator('main .app-reference-list li').allInnerTexts()) {
    assert.equal(line.match(/CID\d{4,5}/g).length, 1, line);
  }
  // The live list comes before them.
  const order = await page.evaluate(() => {
    const list = document.querySelector('main .app-reference-list');
    const retired = document.getElementById('cid1205');
    return list.compareDocumentPosition(retired) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order);
  assert.deepEqual(page.problems, []);
});

test('without WebAssembly a retired or contact code reaches its notice on the references page', async () => {
  const page = await newPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  for (const [address, code, words] of [
    ['index.html?error=CID1205', 'CID1205', /Reference CID1205 is no longer used[\s\S]*old password reset link/],
    ['passwords.html?error=cid%209001', 'CID9001', /Contact NHS login about reference CID9001[\s\S]*check some details/],
  ]) {
    await page.goto(env.server.base + address);
    await page.waitForURL(new RegExp(`references\\.html\\?error=.*#${code.toLowerCase()}$`));
    const notice = page.locator(`section#${code.toLowerCase()}`);
    assert.match(await notice.innerText(), words);
    await page.waitForFunction((id) => document.activeElement?.closest(`section#${id}`), code.toLowerCase());
    assert.ok((await contactLinks(page)).some((href) => href.endsWith(`?error=${code}`)));
    assert.doesNotMatch(await page.locator('main').innerText(), /We do not have guidance for|We could not read that error reference/);
  }
});

test('references.json: valid against its schema, served to any origin, every address landing on its section', async () => {
  const { default: Ajv } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const schema = JSON.parse(await readFile(new URL('../../docs/references.schema.json', import.meta.url), 'utf8'));
  const validate = addFormats(new Ajv({ allErrors: true, strict: true })).compile(schema);

  const response = await fetch(`${env.server.base}references.json`, { headers: { origin: 'https://partner.example' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  const file = await response.json();
  assert.ok(validate(file), JSON.stringify(validate.errors, null, 2));
  // Every registered code, as the register lists them.
  const byCode = Object.fromEntries(file.references.map((r) => [r.code, r]));
  assert.equal(file.references.length, 30);
  assert.equal(byCode.CID1201.status, 'live');
  assert.equal(byCode.CID1201.href, 'passwords.html?error=CID1201#cid1201');
  assert.match(byCode.CID1201.reviewed, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual([byCode.CID1205.status, byCode.CID1205.replacedBy, byCode.CID1205.retired], ['retired', 'CID1201', '2025-03-01']);
  assert.equal(byCode.CID9001.status, 'contact');
  assert.equal(byCode.CID9001.contactHref, 'https://help.login.nhs.uk/contact/?error=CID9001');

  // Each address opens the page file with the section it names, shown as
  // the view for that code (the fast path: no move to another page file).
  const page = await newPage(env.browser);
  for (const reference of file.references) {
    const [, id] = reference.href.split('#');
    await page.goto(env.server.base + reference.href);
    await page.waitForFunction((id) => document.getElementById(id) && document.activeElement?.closest(`#${id}`), id);
    assert.equal(new URL(page.url()).pathname.split('/').pop(), reference.href.split('?')[0], reference.code);
  }
  assert.deepEqual(page.problems, []);
});
