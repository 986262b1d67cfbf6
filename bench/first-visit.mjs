// First-visit benchmark: the error-screen journey as a phone makes it for
// the first time. Each visit is a fresh browser profile under Lighthouse's
// mobile profile (150 ms round trip, 1.6 Mbps down, 750 kbps up, 4x CPU
// slowdown), with every file served compressed (brotli, or gzip when the
// browser does not ask for brotli) as a real host serves them. Prints
// figures; passes or fails nothing.
//
// Three scenarios, side by side in each run, each timed from the moment
// the address is opened:
// - static: `error-messages-support.html#cid7023` with WebAssembly blocked,
//   the static page of the guidance: the floor;
// - error: `index.html?error=CID7023`, with the app: guidance heading
//   visible, then focused and marked;
// - page: `error-messages-support.html#cid7023` with the app: heading
//   visible, and whether the wasm request starts after first contentful paint.
// Each is the median of RUNS visits, and each ratio is to the floor's median
// in the same round; ROUNDS rounds show how far the figures move.
//
// With OTHER, a second build's folder, each run also makes the two journeys
// with the app on that build, between the same build's visits, so a change
// is judged against the floor of the same round: on a shared machine,
// figures from two separate runs differ by more than most changes do.
//
// Usage: node bench/first-visit.mjs [RUNS=7] [ROUNDS=3] [DIST=dist] [OTHER]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { serveDist, launchBrowser } from '../tests/e2e/browser.mjs';

const runs = Number(process.argv[2] ?? 7);
const rounds = Number(process.argv[3] ?? 3);
const dir = resolve(process.argv[4] ?? 'dist') + '/';
const otherDir = process.argv[5] && resolve(process.argv[5]) + '/';
const server = await serveDist({ dir, compress: true });
const otherServer = otherDir && (await serveDist({ dir: otherDir, compress: true }));
const browser = await launchBrowser();

const MOBILE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const SCENARIOS = {
  static: { url: 'error-messages-support.html#cid7023', blockWasm: true },
  error: { url: 'index.html?error=CID7023', blockWasm: false },
  page: { url: 'error-messages-support.html#cid7023', blockWasm: false },
};

/** In every document: when the guidance heading is first in view, and first focused and marked (epoch ms). */
function observe() {
  const now = () => performance.timeOrigin + performance.now();
  const bench = (window.__bench = { shift: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = performance.timeOrigin + e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) bench.shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const check = () => {
    const heading = document.querySelector('#cid7023 > h2, #cid7023 > h3');
    if (heading && !document.documentElement.hidden) {
      const box = heading.getBoundingClientRect();
      if (!bench.inView && box.height > 0 && box.bottom > 0 && box.top < innerHeight) bench.inView = now();
      const mark = heading.querySelector('.app-reference-mark');
      const marked = mark && mark.getClientRects().length > 0 && !mark.closest('[hidden]');
      if (!bench.focused && marked && document.activeElement === heading) bench.focused = now();
    }
    if (!(bench.inView && bench.focused)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function visit({ url, blockWasm, other = false }) {
  const base = other ? otherServer.base : server.base;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', MOBILE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0 }));
  cdp.on('Network.responseReceived', (e) => { if (requests.has(e.requestId)) requests.get(e.requestId).encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding']; });
  cdp.on('Network.loadingFinished', (e) => { if (requests.has(e.requestId)) requests.get(e.requestId).bytes = e.encodedDataLength; });
  if (blockWasm) await page.route('**/*.wasm', (route) => route.abort());
  await page.addInitScript(observe);
  const start = Date.now();
  await page.goto(base + url, { waitUntil: 'commit' });
  const focus = url.includes('error=');
  await page.waitForFunction((focus) => window.__bench?.inView && (!focus || window.__bench.focused), focus, { timeout: 60_000, polling: 50 });
  if (!blockWasm) await page.waitForFunction(() => window.wasmBindings, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const seen = await page.evaluate(() => ({
    ...window.__bench,
    wasmStart: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
    fcpRelative: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  await context.close();
  const fetched = [...requests.values()].filter((r) => r.url.startsWith(base));
  return {
    visible: Math.max(seen.inView, seen.fcp ?? seen.inView) - start,
    focused: seen.focused ? seen.focused - start : undefined,
    wasmAfterFcp: seen.wasmStart === undefined ? undefined : seen.wasmStart > seen.fcpRelative,
    shift: seen.shift,
    bytes: fetched.reduce((sum, r) => sum + r.bytes, 0),
    encodings: [...new Set(fetched.map((r) => r.encoding ?? 'none'))],
    files: fetched.map((r) => new URL(r.url).pathname.slice(1)),
  };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (v) => `${v.toFixed(0)} ms`;
const ratio = (v, floor) => `${(v / floor).toFixed(2)}x`;

await visit(SCENARIOS.static); // the browser process warms up once, not counted
const firstVisits = [];
for (let round = 1; round <= rounds; round++) {
  const results = { static: [], error: [], page: [] };
  const other = { error: [], page: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      results[name].push(await visit(scenario));
      if (otherServer && name in other) other[name].push(await visit({ ...scenario, other: true }));
    }
  }
  const floor = median(results.static.map((r) => r.visible));
  const error = median(results.error.map((r) => r.visible));
  const errorFocused = median(results.error.map((r) => r.focused));
  const page = median(results.page.map((r) => r.visible));
  const spread = (list) => `${ms(Math.min(...list.map((r) => r.visible)))}–${ms(Math.max(...list.map((r) => r.visible)))}`;
  console.log(`round ${round} of ${rounds} (median of ${runs}; range across the runs):`);
  console.log(`  static page, wasm blocked (the floor): heading visible ${ms(floor)} (${spread(results.static)})`);
  console.log(`  index.html?error=CID7023: heading visible ${ms(error)} = ${ratio(error, floor)}; focused and marked ${ms(errorFocused)} = ${ratio(errorFocused, floor)}; layout shift max ${Math.max(...results.error.map((r) => r.shift)).toFixed(3)}`);
  console.log(`  page file with the app: heading visible ${ms(page)} = ${ratio(page, floor)} (${spread(results.page)}); wasm asked for after first contentful paint in ${results.page.filter((r) => r.wasmAfterFcp).length} of ${runs}; layout shift max ${Math.max(...results.page.map((r) => r.shift)).toFixed(3)}`);
  if (otherServer) {
    const otherError = median(other.error.map((r) => r.visible));
    const otherPage = median(other.page.map((r) => r.visible));
    console.log(`  the other build (${otherDir}): index.html?error=CID7023 heading visible ${ms(otherError)} = ${ratio(otherError, floor)}; focused and marked ${ratio(median(other.error.map((r) => r.focused)), floor)}; page file ${ms(otherPage)} = ${ratio(otherPage, floor)}`);
  }
  firstVisits.push(...results.error);
}

// Bytes of the whole first visit from the error link, until the network is
// idle: what the page itself fetched (as encoded on the wire), and the
// service worker's precache on top (brotli of each file it must still fetch).
const visitBytes = median(firstVisits.map((r) => r.bytes));
const encodings = [...new Set(firstVisits.flatMap((r) => r.encodings))].join(', ');
const fetchedByPage = new Set(firstVisits[0].files);
const brotli = (file) => brotliCompressSync(readFileSync(join(dir, file)), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
const pageBrotli = firstVisits[0].files.filter((f) => f && !f.includes('?')).reduce((sum, f) => { try { return sum + brotli(f.split('#')[0]); } catch { return sum; } }, 0);
const precache = JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/const FILES = (\[.*\]);/)[1]);
const precacheBytes = precache.filter((f) => f.cache === 'reload' || !fetchedByPage.has(f.file)).reduce((sum, f) => sum + brotli(f.file), 0);
console.log(`first visit to index.html?error=CID7023 transfers ${visitBytes} bytes (${(visitBytes / 1024).toFixed(1)} KiB, median; served as ${encodings}; brotli of the same files ${pageBrotli} bytes: ${firstVisits[0].files.join(' ')})`);
console.log(`  the service worker's precache then fetches ${precacheBytes} bytes brotli more (${precache.length} files, less those the page already has)`);
await browser.close();
await server.close();
await otherServer?.close();
