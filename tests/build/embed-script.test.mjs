// embed.js as the build serves it to partners' pages: small (every partner
// page loads it), valid JavaScript, and with the API the README promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = join(new URL('../..', import.meta.url).pathname, 'dist');

test('embed.js stays under 3.5 KB gzip, parses, and keeps its API without its notes', () => {
  const script = readFileSync(join(dist, 'embed.js'), 'utf8');
  const gzip = gzipSync(script, { level: 9 }).length;
  assert.ok(gzip < 3500, `embed.js is ${gzip} B gzip`);
  assert.doesNotThrow(() => new Function(script));
  for (const name of ['open:', 'search:', 'close:', 'setError:', 'on:']) assert.ok(script.includes(name), name);
  assert.doesNotMatch(script, /\/\*\*|^\s*\/\//m, 'API notes and line comments are left out');
  assert.match(script, /^\/\*\n\* NHS login help: the embed script/, 'the opening comment points to the README');
});
