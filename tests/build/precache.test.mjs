// The offline worker's list, on the real build's output: the files the page
// itself loads (the app's script, wasm and stylesheet, named by Trunk with a
// hash of their contents) are precached from the HTTP cache, not fetched a
// second time on a first visit. Trunk writes the hash without leading zeros,
// so one build in 16 has a 15-digit name: that build once fetched its wasm
// twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(new URL('../..', import.meta.url).pathname, 'dist');

test("the page's own hashed files are precached from the HTTP cache, the rest fetched fresh", () => {
  const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
  const entries = [...worker.matchAll(/\{"file":"([^"]+)","integrity":"[^"]+","cache":"(default|reload)"\}/g)].map(([, file, cache]) => ({ file, cache }));
  assert.ok(entries.length > 10, `${entries.length} files in the worker's list`);
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  // Named in a link or in the loader script, quoted, maybe with `./`.
  const loaded = [...page.matchAll(/["'](?:\.\/)?([\w-]+-[0-9a-f]+(?:_bg)?\.(?:js|wasm|css))["']/g)].map(([, file]) => file);
  assert.ok(loaded.some((f) => f.endsWith('_bg.wasm')) && loaded.some((f) => f.endsWith('.css')), `index.html loads ${loaded}`);
  const hashed = entries.filter((e) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(e.file));
  assert.ok(hashed.some((e) => e.file.endsWith('_bg.wasm')), 'the wasm is in the list');
  for (const { file, cache } of hashed) assert.equal(cache, 'default', file);
  for (const file of loaded) {
    assert.equal(entries.find((e) => e.file === file)?.cache, 'default', `${file}, which index.html loads`);
  }
  for (const plain of ['index.html', 'search-index.bin', 'embed-frame.js']) {
    assert.equal(entries.find((e) => e.file === plain)?.cache, 'reload', plain);
  }
});
