// The widget's service worker: after one visit with a connection, every page,
// search and error-code link works with none. Written into dist/ by
// `help-content service-worker`, which fills in the build's version and files.
//
// - Install caches exactly this build's files, in a cache named by its
//   version, each checked against its SHA-256 in this build; if any download
//   fails or is not this build's file (a stale CDN edge, an upload that is not
//   atomic), install fails and the old version goes on.
// - A new version waits until no tab shows the old one, so a page and its
//   assets always come from one build; its activation deletes older caches.
// - Cache first: pages and assets come from this build's cache, the network
//   only for what the cache does not hold.
'use strict';

const VERSION = '__VERSION__';
// Each file of the build: { file, integrity: 'sha256-…', cache }, where
// `cache` is `default` for a file named by its contents (any copy the HTTP
// cache has is that file) and `reload` for the others.
const FILES = __FILES__;
const PREFIX = 'nhs-login-help-';
const CACHE = PREFIX + VERSION;
// When this device saved its copy, for the offline notice.
const SAVED_ON = 'offline-saved-on';

const scope = new URL(self.registration.scope);
const inScope = (url) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
// A page is the same page with or without `.html` (hosts with clean URLs
// redirect `manage.html` to `manage`), and `index` or the folder is home:
// as the app's router and the pages' head script read an address.
const fileOf = (url) => {
  const name = url.pathname.slice(scope.pathname.length);
  if (!name || name === 'index') return 'index.html';
  return name.includes('.') || name.endsWith('/') ? name : `${name}.html`;
};
// Fetched as `FILE?v=<build>`; the cache holds each under its plain name.
const VERSIONED_FILES = ['search-index.bin', 'search-engine.wasm', 'site-bodies.json'];

/**
 * `file` as this build has it. `integrity`: the browser compares the bytes
 * with the build's hash and refuses any other, which fails the install. A
 * file named by its contents may come from the HTTP cache; should the copy
 * there be wrong, it is fetched once more from the host.
 */
async function download({ file, integrity, cache }) {
  const get = async (mode) => {
    let response;
    try {
      response = await fetch(new Request(file, { cache: mode, integrity }));
    } catch (error) {
      throw new Error(`${file}: not this build's file, or not available (${error.message})`);
    }
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return response;
  };
  try {
    return await get(cache);
  } catch (error) {
    if (cache === 'reload') throw error;
    return get('reload');
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // Every file is fetched and checked before any is stored: one failure
      // fails the install and the old version goes on.
      const responses = await Promise.all(
        FILES.map(async (entry) => {
          const { file } = entry;
          const response = await download(entry);
          // Hosts with "pretty URLs" redirect page.html to page; a redirected
          // response may not answer a page load, so keep only its content.
          const stored = response.redirected
            ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
            : response;
          return [file, stored];
        }),
      );
      const cache = await caches.open(CACHE);
      for (const [file, response] of responses) await cache.put(file, response);
      // Written the NHS.UK way here (22 November 2026), in the device's own
      // time zone, so the app shows it as it is.
      const day = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      await cache.put(SAVED_ON, new Response(day, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !inScope(url)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (request.mode === 'navigate') {
        // Any query or fragment: the page file itself answers, and the app
        // reads the rest of the address.
        const page = await cache.match(fileOf(url));
        const saved = page && !page.redirected ? page : null;
        // In a partner's frame the host's current headers decide who may
        // frame the widget (a partner removed from the profiles is refused
        // at once): the network answers while there is one, the copy only
        // offline. Elsewhere the copy answers first.
        if (saved && !url.searchParams.has('embed')) return saved;
        try {
          return await fetch(request);
        } catch (offline) {
          // Offline: the copy, or for a page this build does not have, the
          // home page, where the app shows its own not-found page.
          return saved ?? (await cache.match('index.html')) ?? Response.error();
        }
      }
      // Who may talk to the frame: the network's word first, so a partner
      // removed from the profiles loses access at once; offline, the copy.
      if (fileOf(url) === 'embed-config.json') {
        try {
          return await fetch(request);
        } catch (offline) {
          return (await cache.match('embed-config.json')) ?? Response.error();
        }
      }
      // The search index and the page bodies are asked for with their
      // build's version in the query; the app refuses another build's.
      const cached = await cache.match(request, { ignoreSearch: VERSIONED_FILES.includes(fileOf(url)) });
      return cached ?? fetch(request);
    })(),
  );
});
