// Phones first (390 × 844): the search box is in the header of every page,
// in the first screen; every article's first section starts in the first
// screen, with one contents list, and a long one ends with "Back to top"; a partner's visitors see its guidance as a short card with the hubs
// still in the first screen. Over the release build and the help-centre
// fixture build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { serveDist, launchBrowser, newPage, open, dist, fixtureBuild } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

/** Calls `use(page, server)` on a new phone-sized page over `dir`, then closes both. */
async function onPhone(dir, use) {
  const server = await serveDist({ dir });
  const page = await newPage(browser);
  try {
    return await use(page, server);
  } finally {
    await page.context().close();
    await server.close();
  }
}

/** Whether the whole of `selector`'s element is within the 390 × 844 screen. */
async function inView(page, selector) {
  const box = await page.locator(selector).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= 844;
}

/** Every page file of `dir` and every code's guidance, with the search box outside the header or out of the first screen. */
async function searchOutOfReach(dir) {
  const found = [];
  await onPhone(dir, async (page, server) => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).concat(['index.html?error=CID7023'])) {
      await open(page, server.base + file);
      if ((await page.locator('header.nhsuk-header #search').count()) !== 1) found.push(`${file}: the search box is not in the header`);
      else if (!(await inView(page, '#search'))) found.push(`${file}: the search box is not in the first screen`);
    }
  });
  return found;
}

async function checkArticles(dir) {
  const found = [];
  let articles = 0;
  await onPhone(dir, async (page, server) => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      await open(page, server.base + file);
      const seen = await page.evaluate(() => {
        const shown = (el) => el.checkVisibility();
        const first = document.querySelector('main .app-section > :is(h2, h3)');
        if (!first || document.querySelector('main').dataset.kind === 'references' || location.pathname.endsWith('references.html')) return null;
        // The first line of its text: the top of its first line box.
        const range = document.createRange();
        range.selectNodeContents(first);
        const line = range.getClientRects()[0];
        const lists = [...document.querySelectorAll('main .nhsuk-contents-list, main .app-contents > *')].filter((el) => el.tagName !== 'H2' && shown(el));
        const back = [...document.querySelectorAll('main a')].find((a) => a.textContent.trim() === 'Back to top' && shown(a));
        return {
          firstLineBottom: Math.round(line.bottom),
          contentsLists: lists.length,
          sections: document.querySelectorAll('main .app-section').length,
          back: back ? back.getAttribute('href') : null,
        };
      });
      if (!seen) continue;
      articles += 1;
      if (seen.firstLineBottom > 844) found.push(`${file}: the first section heading's first line ends ${seen.firstLineBottom} px down`);
      if (seen.contentsLists > 1) found.push(`${file}: ${seen.contentsLists} contents lists`);
      if (seen.sections >= 3 && seen.back !== '#maincontent') found.push(`${file}: ${seen.sections} sections and no "Back to top"`);
    }
  });
  assert.ok(articles >= 5, `${articles} articles`);
  assert.deepEqual(found, []);
}

test('at 390 × 844 every article of the release build starts its first section in the first screen, with one contents list and "Back to top"', async () => {
  await checkArticles(dist);
});

test('at 390 × 844 every article of the fixture build starts its first section in the first screen, with one contents list and "Back to top"', async () => {
  await checkArticles(fixtureBuild);
});

test('at 390 × 844 the search is in the header of every page of both builds, in the first screen, also when arriving with a code', async () => {
  assert.deepEqual(await searchOutOfReach(dist), []);
  assert.deepEqual(await searchOutOfReach(fixtureBuild), []);
});

test('on a phone, a search typed in the header shows its results in place of the page; the button takes the reader to them', async () => {
  await onPhone(dist, async (page, server) => {
    await open(page, server.base + 'manage-landline-number.html');
    await page.mouse.wheel(0, 3000);
    await page.waitForFunction(() => scrollY > 0);
    await page.getByRole('link', { name: 'Back to top' }).click();
    const box = page.locator('header').getByRole('combobox', { name: 'Search NHS login help' });
    await box.fill('landline');
    await page.locator('main #search-results [role=option]').first().waitFor();
    assert.match(await page.locator('main h1').innerText(), /landline/i, 'the results are the page, under the header');
    assert.ok(await inView(page, '#search'), 'the box stays where it was typed in');
    await page.locator('header').getByRole('button', { name: 'Search' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.matches('main h1')), true, 'the button moves focus to the results');
    assert.ok(await inView(page, 'main h1'));
    await box.press('Escape');
    await page.locator('main .app-section').first().waitFor();
    assert.deepEqual(page.problems, []);
  });
});

test('on a phone, "On this page" folds into a details that opens to the section links; "Back to top" goes back to the top', async () => {
  await onPhone(dist, async (page, server) => {
    await open(page, server.base + 'error-messages-support.html');
    const fold = page.locator('main .app-contents details');
    await fold.locator('summary').click();
    await page.locator('main .app-contents details a', { hasText: 'There is an issue connecting to my GP' }).click();
    await page.waitForURL(/#there-is-an-issue-connecting-to-my-gp$/);
    await page.getByRole('link', { name: 'Back to top' }).click();
    await page.waitForURL(/#maincontent$/);
    assert.ok(await page.locator('main h1').isVisible());
    assert.ok(await inView(page, '#search'), 'the search is in view again');
    assert.deepEqual(page.problems, []);
  });
});

test('a partner’s visitors see its guidance as a short card, and the hubs start in the first screen', async () => {
  await onPhone(dist, async (page, server) => {
    await open(page, server.base + 'index.html?partner=patientcentre');
    const card = page.locator('.app-partner-guidance .nhsuk-card');
    assert.match(await card.locator('h2').innerText(), /^From Patientcentre\s+-\s+I cannot log into Patientcentre$/);
    assert.equal(await card.locator('p').count(), 1, 'one line');
    const hubs = page.locator('main .nhsuk-card-group .nhsuk-card').first();
    assert.ok((await hubs.boundingBox()).y < 844, `the hubs start ${(await hubs.boundingBox()).y} px down`);
    await card.getByRole('link', { name: 'I cannot log into Patientcentre' }).click();
    await page.waitForURL(/patientcentre-cannot-log-in\.html/);
    // Read as one heading, caption and title apart.
    assert.equal(await page.locator('main h1').evaluate((h) => h.textContent.replace(/\s+/g, ' ').trim()), 'From Patientcentre - I cannot log into Patientcentre');
    assert.deepEqual(page.problems, []);
  });
});
