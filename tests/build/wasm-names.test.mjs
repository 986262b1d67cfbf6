// The post-build step that shortens the wasm's import and export names
// (scripts/wasm-names.mjs, run by minify-glue.mjs): on the real build's
// output, and on glue it must refuse. The browser tests show the app still
// starts with the renamed files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renameWasmNames, readSections } from '../../scripts/wasm-names.mjs';

const root = new URL('../..', import.meta.url).pathname;
const dist = join(root, 'dist');
const only = (dir, pattern) => {
  const found = readdirSync(dir).filter((f) => pattern.test(f));
  assert.equal(found.length, 1, `one ${pattern} in ${dir}`);
  return join(dir, found[0]);
};
// wasm-bindgen's own output, before wasm-opt and this step.
const bindgen = join(root, 'target/wasm-bindgen/release');
const rawWasm = () => readFileSync(join(bindgen, 'nhs-login-help_bg.wasm'));
const rawGlue = () => readFileSync(join(bindgen, 'nhs-login-help.js'), 'utf8');
const LONG_NAME = /__wbg_\w+_[0-9a-f]{16}\b/;

test('the built wasm imports and exports short names, and the glue provides each of them', () => {
  const wasm = readFileSync(only(dist, /^nhs-login-help-[0-9a-f]+_bg\.wasm$/));
  const glue = readFileSync(only(dist, /^nhs-login-help-[0-9a-f]+\.js$/), 'utf8');
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  for (const { module: from, name } of imports) {
    assert.equal(from, 'a');
    assert.ok(name.length <= 2, name);
    assert.match(glue, new RegExp(`[{,]${name.replace('$', '\\$')}:`), `the glue defines import ${name}`);
  }
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  for (const kept of ['memory', 'main']) assert.ok(exports.includes(kept), kept);
  assert.ok(!exports.some((name) => name.startsWith('__wbindgen_')), exports.join(' '));
  assert.doesNotMatch(glue, LONG_NAME);
});

test('renaming keeps every section but the import and export names byte for byte, and drops custom sections', () => {
  const wasm = rawWasm();
  const { wasm: renamed, glue, count } = renameWasmNames(wasm, rawGlue());
  assert.ok(count > 100, `${count} names`);
  assert.ok(renamed.length < wasm.length - 4000, `${wasm.length} -> ${renamed.length} bytes`);
  const before = new WebAssembly.Module(wasm);
  const after = new WebAssembly.Module(renamed);
  const kinds = (m) => WebAssembly.Module.imports(m).map((i) => i.kind);
  assert.deepEqual(kinds(after), kinds(before));
  assert.equal(WebAssembly.Module.exports(after).length, WebAssembly.Module.exports(before).length);
  const others = (bytes) => readSections(bytes).filter((s) => ![0, 2, 7].includes(s.id)).map((s) => Buffer.from(bytes.subarray(s.start, s.end)).toString('hex'));
  assert.deepEqual(others(renamed), others(wasm));
  assert.ok(!readSections(renamed).some((s) => s.id === 0), 'no custom sections');
  assert.doesNotMatch(glue, LONG_NAME);
});

test('glue that does not define an import, or defines it twice, is refused by name', () => {
  const wasm = rawWasm();
  const glue = rawGlue();
  const name = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).find((i) => i.name.startsWith('__wbg_')).name;
  const without = glue.replace(new RegExp(`\\b${name}:`), 'somethingElse:');
  assert.throws(() => renameWasmNames(wasm, without), new RegExp(`defines import ${name} 0 times`));
  const twice = glue.replace(new RegExp(`\\b${name}:`), `${name}: null, ${name}:`);
  assert.throws(() => renameWasmNames(wasm, twice), new RegExp(`defines import ${name} 2 times`));
});

test('glue that reaches an export other than as wasm.NAME, or names no module, is refused', () => {
  const wasm = rawWasm();
  const glue = rawGlue();
  assert.throws(() => renameWasmNames(wasm, `${glue}\nwasm["__wbindgen_malloc"];`), /reaches export __wbindgen_malloc/);
  assert.throws(() => renameWasmNames(wasm, glue.replaceAll('"./nhs-login-help_bg.js"', '"./other.js"')), /import module/);
  assert.throws(() => renameWasmNames(new TextEncoder().encode('not wasm at all'), glue), /not a wasm module/);
  assert.throws(() => renameWasmNames(wasm.subarray(0, wasm.length - 10), glue), /past the end/);
});
