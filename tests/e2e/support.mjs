// Shared set-up for the browser test files (node:test): the browser plumbing
// from browser.mjs, and hooks that start and stop it around a file's tests.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser } from './browser.mjs';

export { serveDist, launchBrowser, newPage, open, dist, watchProblems, assertMarked } from './browser.mjs';

/** The help-centre fixture corpus's build (scripts/build-fixture-site.sh). */
export const fixtureBuild = fileURLToPath(new URL('../../target/dist-fixture/', import.meta.url));

/**
 * For a test file: serves dist/ (or `dir`, a build that must exist) and
 * starts Chromium before its tests, and stops both after. Read
 * `env.server.base` and `env.browser` inside tests.
 */
export function withBrowser({ dir } = {}) {
  const env = {};
  before(async () => {
    if (dir === fixtureBuild) assert.ok(existsSync(dir), 'target/dist-fixture is missing: scripts/test.sh builds it (scripts/build-fixture-site.sh)');
    env.server = await serveDist(dir ? { dir } : {});
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}


/** Every page file the build writes: each hub and article, and the references. */
export const pageFiles = [
  'index.html',
  'manage.html',
  'manage-landline-number.html',
  'manage-phone-number.html',
  'error-messages-support.html',
  'setup-nhs-login.html',
  'patientcentre-cannot-log-in.html',
  'references.html',
];
