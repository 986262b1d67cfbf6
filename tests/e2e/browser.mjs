// Browser plumbing shared by the tests, benchmarks and screenshots: serve the built dist/ on 127.0.0.1
// and drive Debian's Chromium with playwright-core (no browser download).
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The headers the build wrote to dist/_headers (the format static hosts
 * read): rules of a path pattern (exact, or ending in `*`) and its headers.
 */
export async function readHeaderRules(dir = dist) {
  const rules = [];
  for (const line of (await readFile(join(dir, '_headers'), 'utf8')).split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
    } else {
      const colon = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/**
 * The headers of every rule whose pattern matches `path`. A header that two
 * matching rules both set is sent with their values joined by a comma, as
 * Cloudflare Pages and Netlify do: a `_headers` file must not set one twice.
 */
export function headersFor(rules, path) {
  const headers = {};
  for (const { pattern, headers: add } of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!matches) continue;
    for (const [name, value] of Object.entries(add)) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/**
 * How static hosts answer page addresses, as `serveDist`'s `hosting`:
 * - `files`: each file at its own name, nothing else (a plain file server).
 * - `clean`: `x.html` answered with a 308 to `x` keeping the query, `index`
 *   and `index.html` with a 308 to the folder, and `x` with `x.html`
 *   (Cloudflare Pages by default; Netlify's pretty URLs, Vercel's and
 *   Firebase's `cleanUrls`).
 * - `both`: `x` and `x.html` both answered with `x.html`, no redirect
 *   (GitHub Pages).
 * `home`, not a real host's default: every page but `index.html` answered
 * with a 302 to the folder, keeping the query.
 */
export const HOSTING = { files: 'plain files', clean: 'clean URLs (Cloudflare Pages)', both: 'with or without .html (GitHub Pages)' };

/**
 * Serves dist/ at `/` and again under `/help/`, as a partner's sub-path would,
 * with the headers from dist/_headers, as a static host would send them.
 * An unknown .html path answers 404 with index.html, as static hosts
 * configured with a 404 page do, so the widget's own not-found page shows.
 *
 * Hosts that behave less well: `withoutFrameAncestors` drops that directive
 * from the policy, `dropHeaders` leaves out the named headers, and
 * `lastModified` (a date) is sent as every file's `Last-Modified`, which lets
 * a browser keep a file without a `Cache-Control` for a while by itself.
 * `longAddresses` accepts addresses up to Chromium's limit (2 MB).
 * `compress` answers as a real host does, for measuring what a visit
 * transfers: brotli (or gzip) when the browser accepts it, and an `ETag`,
 * so that asking again for an unchanged file is answered "not modified".
 */
export async function serveDist({ dir = dist, failServiceWorker = false, withoutFrameAncestors = false, dropHeaders = [], lastModified, compress = false, hosting = 'files', longAddresses = false } = {}) {
  if (!Object.hasOwn(HOSTING, hosting) && hosting !== 'home') throw new Error(`hosting: one of ${Object.keys(HOSTING).join(', ')} or home, not ${hosting}`);
  const compressed = new Map();
  let root = dir;
  let rules = await readHeaderRules(root);
  // Paths served from another build's folder, as a stale edge would.
  let elsewhere = {};
  const dropped = dropHeaders.map((name) => name.toLowerCase());
  // Node refuses a request line over 16 KB, as most hosts do; `longAddresses`
  // accepts up to Chromium's own limit (2 MB), as a lenient host or CDN would.
  const server = createServer({ maxHeaderSize: longAddresses ? 4 * 1024 * 1024 : undefined }, async (req, res) => {
    const url = new URL(req.url, 'http://x');
    // Clean URLs, as Cloudflare Pages serves by default: `x.html` (and
    // `index`) moves to `x` (the folder) for good, keeping the query.
    if (hosting === 'clean') {
      const clean = url.pathname.replace(/\/index(\.html)?$/, '/').replace(/\.html$/, '');
      if (clean !== url.pathname) {
        res.writeHead(308, { location: clean + url.search }).end();
        return;
      }
    }
    // A host that sends every page to its home (a misconfigured fallback),
    // keeping the query: nothing the widget does may make that loop.
    if (hosting === 'home' && /(\.html|\/[^./]+)$/.test(url.pathname) && !/\/index\.html$/.test(url.pathname)) {
      res.writeHead(302, { location: url.pathname.replace(/[^/]*$/, '') + url.search }).end();
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.startsWith('/help/')) path = path.slice('/help'.length);
    // Both hosts answer `x` with `x.html`'s content, with no redirect.
    if (hosting !== 'files' && !path.endsWith('/') && !extname(path)) path += '.html';
    if (failServiceWorker && path === '/sw.js') {
      res.writeHead(503).end();
      return;
    }
    const served = elsewhere[path] ?? root;
    for (const [name, value] of Object.entries(headersFor(rules, path))) {
      if (dropped.includes(name.toLowerCase())) continue;
      // A host that forgot the header: the widget's own checks must still hold.
      const sent = withoutFrameAncestors && name === 'Content-Security-Policy' ? value.replace(/; frame-ancestors [^;]*/, '') : value;
      res.setHeader(name, sent);
    }
    if (lastModified) res.setHeader('Last-Modified', new Date(lastModified).toUTCString());
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(served, path));
    if (!file.startsWith(served)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (compress) {
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
        res.setHeader('ETag', etag);
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304).end();
          return;
        }
      }
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !compress ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        const key = `${encoding} ${file}`;
        if (!compressed.has(key)) {
          compressed.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
        }
        body = compressed.get(key);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Vary', 'Accept-Encoding');
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      if (extname(path) === '.html') {
        res.writeHead(404, { 'content-type': types['.html'] });
        res.end(await readFile(join(served, 'index.html')));
      } else {
        res.writeHead(404).end();
      }
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    base,
    /**
     * Serves another build from now on, as a deployment would; `from` maps
     * paths (`/manage.html`) to another folder that each is served from, as
     * a stale CDN edge or an upload that is not atomic would.
     */
    async deploy(newDir, { from = {} } = {}) {
      rules = await readHeaderRules(newDir);
      root = newDir;
      elsewhere = from;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A new page that fails the test on any console error or uncaught exception. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  return watchProblems(await context.newPage());
}

/** Collects `page`'s console errors and uncaught exceptions in `page.problems`. */
export function watchProblems(page) {
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  return page;
}

/**
 * Opens a URL and waits until the app has taken over the prerendered page
 * (it starts after the page's first paint) and shows its main heading.
 */
export async function open(page, url) {
  await whenAppTakesOver(page);
  await page.goto(url);
  await page.waitForFunction(() => window.__prerendered && document.getElementById('app') !== window.__prerendered);
  await page.locator('main h1').first().waitFor();
}

/** Lets `page` tell when the app has put its own root in place of the prerendered one. */
export async function whenAppTakesOver(page) {
  if (page.__watchesTakeOver) return;
  page.__watchesTakeOver = true;
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { window.__prerendered = document.getElementById('app'); });
  });
}

/**
 * The mark on a code's guidance, in `section`, as people see it and as a
 * screen reader reads its heading: the mark names the code unless the
 * heading does, so the heading says the code once, with NHS.UK's hidden
 * " - " between caption and heading. Fails the test otherwise.
 */
export async function assertMarked(section, code) {
  // Read again until shown: the app may be putting its own copy in place.
  let read;
  for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((r) => setTimeout(r, 50))) {
    read = await section.evaluate((s) => {
      const h = s.querySelector(':scope > h2, :scope > h3');
      const mark = [...(h?.querySelectorAll('.app-reference-mark') ?? [])].find((m) => !m.hidden && m.checkVisibility());
      const shown = (node) => [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      return mark && { seen: shown(mark), heard: h.textContent.replace(/\s+/g, ' ').trim(), heading: shown(h) };
    }).catch(() => null);
    if (read) break;
  }
  if (!read) throw new Error(`no mark on ${code}'s guidance`);
  const { seen, heard, heading } = read;
  const expected = heading.toUpperCase().includes(code) ? 'The guidance for your reference' : `The guidance for your reference ${code}`;
  if (seen !== expected) throw new Error(`the mark reads ${JSON.stringify(seen)}, not ${JSON.stringify(expected)}`);
  if (heard !== `${expected} - ${heading}`) throw new Error(`the heading is read as ${JSON.stringify(heard)}`);
  if (heard.split(code).length !== 2) throw new Error(`the heading says ${code} more than once: ${heard}`);
  return seen;
}
