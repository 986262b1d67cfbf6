// Embed benchmark: on the example partner page (examples/, served from
// localhost:8765, the widget's test build from another origin), the time
// from a click to the help showing, each time in a fresh browser context
// (nothing cached): the launcher to the help's heading, and "Get help with
// this error" (NHSLoginHelp.open({ error: 'CID7023' })) to the CID7023
// guidance. Prints medians and p95 of 20; needs target/dist-v2
// (scripts/build-second-version.sh). Usage: node bench/embed.mjs [runs] [test build folder]
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveDist, launchBrowser } from '../tests/e2e/browser.mjs';
import { serveExamples } from '../examples/serve.mjs';

const runs = Number(process.argv[2] ?? 20);
// A folder, with or without its closing slash.
const testBuild = resolve(process.argv[3] ?? fileURLToPath(new URL('../target/dist-v2/', import.meta.url))) + '/';
if (!existsSync(join(testBuild, '_headers'))) {
  console.error(`bench/embed.mjs: no test build in ${testBuild}: run bash scripts/build-second-version.sh first (it writes target/dist-v2)`);
  process.exit(2);
}
const widget = await serveDist({ dir: testBuild });
const site = await serveExamples({ widget: widget.base, port: 8765 });
const browser = await launchBrowser();

async function once(button, shown) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.base + 'patientcentre-error.html');
  await page.waitForFunction(() => window.NHSLoginHelp);
  const start = Date.now();
  await page.getByRole('button', { name: button }).click();
  await page.frameLocator('iframe[title="NHS login help"]').locator(shown).waitFor();
  const ms = Date.now() - start;
  await context.close();
  return ms;
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

const embed = readFileSync(new URL('embed.js', pathToFileURL(testBuild)));
console.log(`embed.js: ${embed.length} bytes, ${gzipSync(embed, { level: 9 }).length} bytes gzip`);
for (const [button, shown, what] of [
  ['Help with NHS login', 'main h1', 'launcher click to the help visible'],
  ['Get help with this error', '#cid7023.app-section--highlight', 'open({ error: CID7023 }) click to the guidance visible'],
]) {
  await once(button, shown); // warm-up of the browser process, not counted
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(button, shown));
  console.log(`${what}: ${summary(times)} (${runs} cold loads)`);
}
await browser.close();
await site.close();
await widget.close();
