// Post-build: minifies wasm-bindgen's JS glue in place with terser (Trunk's
// own minifier cannot parse it), and puts the minified file's hash in
// index.html's modulepreload integrity, which Trunk computed for the
// original. About 1.7 KB gzip off every first visit.
// Usage: node scripts/minify-glue.mjs DIST_DIR
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node scripts/minify-glue.mjs DIST_DIR');
const glue = readdirSync(dist).filter((f) => /^nhs-login-help-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one JS glue file in ${dist}, found ${glue.length}`);
const file = join(dist, glue[0]);
const source = readFileSync(file, 'utf8');
const before = createHash('sha384').update(source).digest('base64');
const { code } = await minify(source, { module: true, compress: true, mangle: true });
writeFileSync(file, code);
const after = createHash('sha384').update(code).digest('base64');

const indexFile = join(dist, 'index.html');
const index = readFileSync(indexFile, 'utf8');
const old = `integrity="sha384-${before}"`;
if (!index.includes(old)) throw new Error(`${indexFile} has no integrity for ${glue[0]} as Trunk wrote it`);
writeFileSync(indexFile, index.replace(old, `integrity="sha384-${after}"`));
console.log(`minify-glue: ${glue[0]}: ${source.length} -> ${code.length} bytes`);
