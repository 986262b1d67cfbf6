// Page-load benchmark: opens index.html?error=CID7023 from a local static
// server in headless Chromium, each time in a fresh context (cold cache), and
// reports the time from navigation start to the matched heading having focus,
// unthrottled and at 4x CPU throttling, plus the bytes a cold load transfers
// (each response gzipped at level 9, as a static host would serve it).
// Usage: scripts/bench.sh   (builds dist/ first), or node bench/page-load.mjs [runs]
import { gzipSync } from 'node:zlib';
import { serveDist, launchBrowser } from '../tests/e2e/browser.mjs';

const runs = Number(process.argv[2] ?? 20);
const path = 'index.html?error=CID7023';

const server = await serveDist();
const browser = await launchBrowser();

async function once(throttle) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(() => {
    addEventListener('focusin', (e) => {
      if (window.__focusedAt === undefined && e.target.closest?.('section#cid7023')) window.__focusedAt = performance.now();
    });
  });
  const sizes = [];
  page.on('response', (response) => {
    sizes.push(response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
  });
  // From the tap: the page script may move to another page file first, so
  // the time is counted from before the first one, not from the last one's start.
  const start = Date.now();
  await page.goto(server.base + path);
  await page.waitForFunction(() => window.__focusedAt !== undefined, null, { timeout: 30_000 });
  const ms = (await page.evaluate(() => performance.timeOrigin + window.__focusedAt)) - start;
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, bytes };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

// What this machine's Chromium needs for a static page from the same server,
// with no WebAssembly at all: the floor under any figure above it.
async function baseline(throttle) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.route('**/*.wasm', (route) => route.abort());
  const start = Date.now();
  await page.goto(server.base + 'references.html');
  await page.waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'));
  const ms = (await page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint').startTime)) - start;
  await context.close();
  return ms;
}

const report = {};
for (const throttle of [1, 4]) {
  const results = [];
  await once(throttle); // one warm-up of the browser process, not counted
  for (let i = 0; i < runs; i++) results.push(await once(throttle));
  const { median, p95 } = summary(results.map((r) => r.ms));
  report[throttle] = { median, p95, bytes: results[0].bytes };
  console.log(`${path} at ${throttle}x CPU: focus on the guidance heading after median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${runs} cold loads)`);
  const floor = [];
  for (let i = 0; i < runs; i++) floor.push(await baseline(throttle));
  const base = summary(floor);
  console.log(`  baseline at ${throttle}x CPU, static references.html with no wasm: first contentful paint median ${base.median.toFixed(1)} ms, p95 ${base.p95.toFixed(1)} ms`);
}
console.log(`cold load transfers ${report[1].bytes} bytes gzip (${(report[1].bytes / 1024).toFixed(1)} KiB)`);

// Offline reload: one visit online installs the service worker, then with
// the network off the same address is opened again `runs` times; each time
// from navigation start to the guidance heading having focus.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('focusin', (e) => {
      if (window.__focusedAt === undefined && e.target.closest?.('section#cid7023')) window.__focusedAt = performance.now();
    });
  });
  await page.goto(server.base + path);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active.state !== 'activated') {
      await new Promise((resolve) => registration.active.addEventListener('statechange', resolve));
    }
  });
  const cached = await page.evaluate(async () => {
    let bytes = 0;
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
    }
    return bytes;
  });
  await context.setOffline(true);
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const start = Date.now();
    await page.goto(server.base + path);
    await page.waitForFunction(() => window.__focusedAt !== undefined, null, { timeout: 30_000 });
    const ms = (await page.evaluate(() => performance.timeOrigin + window.__focusedAt)) - start;
    if (i > 0) times.push(ms); // the first is a warm-up
  }
  await context.close();
  const { median, p95 } = summary(times);
  console.log(`offline: the service worker caches ${cached} bytes; ${path} offline reload, focus on the guidance heading after median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${runs} reloads)`);
}

// Keystroke to results painted, in the app: type each public query one
// character at a time into the search box and time from the input event to
// the frame after the results changed.
{
  const { readFileSync } = await import('node:fs');
  const queries = JSON.parse(readFileSync(new URL('../tests/fixtures/queries/public.json', import.meta.url), 'utf8')).queries.map((q) => q.q);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.base + 'index.html');
  await page.locator('#search').focus();
  await page.waitForFunction(() => true);
  await page.locator('#search').fill('password');
  await page.locator('#search-results [role=option]').first().waitFor();
  const times = await page.evaluate(async (queries) => {
    const input = document.getElementById('search');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const out = [];
    for (const q of queries) {
      for (let n = 1; n <= q.length; n++) {
        const start = performance.now();
        setValue.call(input, q.slice(0, n));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        out.push(performance.now() - start);
      }
    }
    return out;
  }, queries);
  await context.close();
  const { median, p95 } = summary(times);
  console.log(`search keystroke to results painted: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${times.length} keystrokes, next animation frame included)`);
}
await browser.close();
await server.close();
