// The emergency retirement of the widget's service worker, shipped instead of
// sw.js when a build sets HELP_RETIRE_SERVICE_WORKER=1: it takes over at once,
// deletes the widget's caches, unregisters itself and reloads open pages from
// the network. Later builds without the setting install a fresh worker.
'use strict';

const PREFIX = 'nhs-login-help-';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX)) await caches.delete(key);
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
    })(),
  );
});
