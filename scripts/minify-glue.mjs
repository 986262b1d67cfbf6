// Post-build: makes wasm-bindgen's output smaller in place, before the page
// files are written from index.html.
// - The names the wasm imports from the glue and exports to it
//   (`__wbg_querySelector_72201b7c62dc196b`, 155 of them) become one or two
//   letters, in the wasm's import and export sections and in the glue. The
//   hashes in those names do not compress: about 2.5 KB gzip off the wasm
//   and 2.4 KB off the glue. Binaryen's --minify-imports-and-exports does
//   this too, but it re-encodes the whole code section, which costs more
//   gzip than the names save; here the code is copied byte for byte.
// - The glue is minified with terser (Trunk's own minifier cannot parse it):
//   about 1.7 KB gzip more.
// Both files' new hashes go into index.html's integrity attributes, which
// Trunk computed for the originals.
// Usage: node scripts/minify-glue.mjs DIST_DIR
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';
import { renameWasmNames } from './wasm-names.mjs';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node scripts/minify-glue.mjs DIST_DIR');
const only = (pattern, what) => {
  const found = readdirSync(dist).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one ${what} in ${dist}, found ${found.length}`);
  return found[0];
};
const glueName = only(/^nhs-login-help-[0-9a-f]+\.js$/, 'JS glue file');
const wasmName = only(/^nhs-login-help-[0-9a-f]+_bg\.wasm$/, 'wasm file');
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const glueFile = join(dist, glueName);
const wasmFile = join(dist, wasmName);
const glue = readFileSync(glueFile, 'utf8');
const wasm = readFileSync(wasmFile);
const renamed = renameWasmNames(wasm, glue);
const { code } = await minify(renamed.glue, { module: true, compress: true, mangle: true });
writeFileSync(glueFile, code);
writeFileSync(wasmFile, renamed.wasm);

const indexFile = join(dist, 'index.html');
let index = readFileSync(indexFile, 'utf8');
for (const [name, before, after] of [[glueName, glue, code], [wasmName, wasm, renamed.wasm]]) {
  const old = `integrity="${sha384(before)}"`;
  if (!index.includes(old)) throw new Error(`${indexFile} has no integrity for ${name} as Trunk wrote it`);
  index = index.replaceAll(old, `integrity="${sha384(after)}"`);
}
writeFileSync(indexFile, index);
console.log(`minify-glue: ${glueName}: ${glue.length} -> ${code.length} bytes; ${wasmName}: ${wasm.length} -> ${renamed.wasm.length} bytes (${renamed.count} names shortened)`);
