// Embed benchmark: on the example partner page (examples/, served from
// localhost:8765, the widget's test build from another origin), the time
// from a click to the help showing, each time in a fresh browser context
// (nothing cached), to the CID7023 guidance: the launcher (data-error),
// "Get help with this error" (NHSLoginHelp.open({ error: 'CID7023' })), and
// a frame opened straight at the address references.json gives, interleaved,
// with the ratio of open({ error }) to that. Prints medians and p95 of 20;
// needs target/dist-v2
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
// The fastest a partner can do: a frame opened straight at the guidance's
// page file, at the address references.json gives for CID7023.
const references = JSON.parse(readFileSync(join(testBuild, 'references.json'), 'utf8'));
const direct = references.references.find((r) => r.code === 'CID7023').href;
const DIRECT_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Direct (benchmark)</title>
<script src="direct.js" defer></script></head>
<body><main><h1>Sorry, you cannot log in</h1><button type="button" id="direct">Open the guidance directly</button><div id="here"></div></main></body></html>`;
const DIRECT_SCRIPT = `document.getElementById('direct').addEventListener('click', () => {
  const frame = document.createElement('iframe');
  frame.title = 'NHS login help';
  frame.src = '{{WIDGET}}${direct.replace('#', '&embed=panel&partner=patientcentre#')}';
  document.getElementById('here').append(frame);
});`;
const widget = await serveDist({ dir: testBuild });
const site = await serveExamples({ widget: widget.base, port: 8765, pages: { 'direct.html': DIRECT_PAGE, 'direct.js': DIRECT_SCRIPT }, waitForPort: 300_000 });
const browser = await launchBrowser();

async function once(button, shown, file = 'patientcentre-error.html') {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.base + file);
  if (file !== 'direct.html') await page.waitForFunction(() => window.NHSLoginHelp);
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
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const GUIDANCE = '#cid7023.app-section--highlight';
const cases = [
  ['Help with error CID7023', GUIDANCE, 'launcher (data-error="CID7023") click to the guidance visible'],
  ['Get help with this error', GUIDANCE, 'open({ error: CID7023 }) click to the guidance visible'],
  ['Open the guidance directly', GUIDANCE, 'a frame opened straight at references.json\'s address', 'direct.html'],
];
for (const [button, shown, , file] of cases) await once(button, shown, file); // warm-up, not counted
// Interleaved, so the machine's load falls on each case alike.
const times = cases.map(() => []);
for (let i = 0; i < runs; i++) {
  for (const [c, [button, shown, , file]] of cases.entries()) times[c].push(await once(button, shown, file));
}
for (const [c, [, , what]] of cases.entries()) console.log(`${what}: ${summary(times[c])} (${runs} cold loads)`);
console.log(`open({ error }) against the direct frame: ${(median(times[1]) / median(times[2])).toFixed(2)}x (medians; target at most 1.10x)`);
await browser.close();
await site.close();
await widget.close();
