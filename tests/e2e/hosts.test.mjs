// The widget on the static hosts people deploy it to: plain files, clean URLs
// (`x.html` redirected to `x`, as Cloudflare Pages does by default) and both
// answered (GitHub Pages). On each, a link from an error screen reaches the
// guidance after at most one move to another page file, and every page,
// search and the offline copy work. A host that redirects every page to its
// home cannot make the move loop either.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, newPage, open, HOSTING, assertMarked } from './browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

/** Counts the documents the page's main frame commits, from now on. */
function countDocuments(page) {
  const counter = { documents: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counter.documents += 1;
  });
  return counter;
}

/** Waits for `code`'s guidance: its section marked, and focus on its heading. */
async function guidanceShown(page, code) {
  const id = code.toLowerCase();
  await page.waitForFunction((id) => {
    const section = document.getElementById(id);
    return section?.classList.contains('app-section--highlight') && document.activeElement?.closest('section')?.id === id;
  }, id);
  await assertMarked(page.locator(`#${id}`), code);
}

/** The last segment of the page's path, without `.html`: the same page on every host. */
const pageName = (page) => new URL(page.url()).pathname.split('/').pop().replace(/\.html$/, '');

async function waitForOfflineCopy(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active.state !== 'activated') {
      await new Promise((resolve) => registration.active.addEventListener('statechange', resolve));
    }
  });
}

for (const [hosting, name] of Object.entries(HOSTING)) {
  describe(`on a host with ${name}`, () => {
    let server;
    before(async () => {
      server = await serveDist({ hosting });
    });
    after(async () => server?.close());

    for (const [address, file, code] of [
      ['index.html?error=CID7023', 'error-messages-support', 'CID7023'],
      ['?error=CID7023', 'error-messages-support', 'CID7023'],
      ['help/?error=cid%207023', 'error-messages-support', 'CID7023'],
      ['error-messages-support.html?error=CID7023', 'error-messages-support', 'CID7023'],
      ['manage.html#cid3009', 'manage-landline-number', 'CID3009'],
    ]) {
      test(`${address} shows ${code}'s guidance after at most one move`, async () => {
        const page = await newPage(browser);
        const counter = countDocuments(page);
        await page.goto(server.base + address);
        await guidanceShown(page, code);
        assert.equal(pageName(page), file);
        // Whatever else was to happen has had its time.
        await page.waitForTimeout(500);
        const moves = address.startsWith(file) ? 1 : 2;
        assert.equal(counter.documents, moves, `${counter.documents} documents for ${address}`);
        assert.deepEqual(page.problems, []);
      });
    }

    test('?q=password shows results, and a link from home to a hub opens it, also after a reload', async () => {
      const page = await newPage(browser);
      await open(page, server.base + '?q=password');
      await page.locator('#search-results [role=option]').first().waitFor();

      await open(page, server.base);
      await page.locator('main .nhsuk-card', { hasText: 'Manage your NHS login' }).getByRole('link').first().click();
      await page.locator('main h1', { hasText: 'Manage your NHS login' }).waitFor();
      await page.reload();
      await page.locator('main h1').first().waitFor();
      assert.equal((await page.locator('main h1').innerText()).trim(), 'Manage your NHS login');
      assert.equal(pageName(page), 'manage');
      assert.deepEqual(page.problems, []);
    });

    test('after one visit, pages and error links work offline at the addresses this host uses', async () => {
      const page = await newPage(browser);
      const base = server.base + 'help/';
      await open(page, base);
      await waitForOfflineCopy(page);
      await page.context().setOffline(true);
      const manage = hosting === 'files' ? 'manage.html' : 'manage';
      await open(page, base + manage);
      assert.equal((await page.locator('main h1').innerText()).trim(), 'Manage your NHS login');
      await page.goto(base + 'index.html?error=CID7023');
      await guidanceShown(page, 'CID7023');
      assert.deepEqual(page.problems.filter((p) => !/sw\.js|ServiceWorker|fetching the script/i.test(p)), []);
      await page.context().close();
    });
  });
}

describe('on a host that redirects every page to its home, keeping the query', () => {
  let server;
  before(async () => {
    server = await serveDist({ hosting: 'home' });
  });
  after(async () => server?.close());

  test('an error link moves once, not for ever, and the app still shows the guidance', async () => {
    const page = await newPage(browser);
    const counter = countDocuments(page);
    await page.goto(server.base + 'index.html?error=CID7023');
    await page.waitForFunction(() => document.getElementById('cid7023')?.classList.contains('app-section--highlight'));
    await page.waitForTimeout(1000);
    assert.ok(counter.documents <= 2, `${counter.documents} documents`);
    await assertMarked(page.locator('#cid7023'), 'CID7023');
    assert.deepEqual(page.problems, []);
  });
});
