// Shared set-up for the browser test files (node:test): the browser plumbing
// from browser.mjs, and hooks that start and stop it around a file's tests.
import { before, after } from 'node:test';
import { serveDist, launchBrowser } from './browser.mjs';

export { serveDist, launchBrowser, newPage, open, dist, watchProblems } from './browser.mjs';

/**
 * For a test file: serves dist/ and starts Chromium before its tests, and
 * stops both after. Read `env.server.base` and `env.browser` inside tests.
 */
export function withBrowser() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
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
