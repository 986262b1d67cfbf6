// Shortens the names a wasm-bindgen module imports from its JS glue and
// exports to it, in both files at once, and drops the wasm's custom sections.
// Only the import section (2) and the export section (7) are rewritten; every
// other section is copied byte for byte.
// Used by minify-glue.mjs; tested by tests/wasm-names.test.mjs.
//
// Fails, naming what it missed, if the glue is not the shape this was written
// for (a wasm-bindgen upgrade): a name the wasm uses but the glue does not
// spell as expected would otherwise break the app at start.

const CUSTOM = 0;
const IMPORTS = 2;
const EXPORTS = 7;
// Exports the glue reaches as `wasm.NAME`; `memory`, `main` and the rest keep
// their names (short already, or not used by the glue).
const RENAMED_EXPORT = /^(__wbindgen_|__externref_|wasm_bindgen__)/;
const RESERVED = new Set(['do', 'if', 'in', 'for', 'let', 'new', 'try', 'var', 'case', 'else', 'enum', 'eval', 'null', 'this', 'true', 'void', 'with']);

/** `{ wasm: Uint8Array, glue: string, count }` with the names shortened. */
export function renameWasmNames(wasmBytes, glue) {
  const bytes = Uint8Array.from(wasmBytes);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('not a wasm module');
  const sections = readSections(bytes);
  const importSection = sections.find((s) => s.id === IMPORTS);
  const exportSection = sections.find((s) => s.id === EXPORTS);
  if (!importSection || !exportSection) throw new Error('the wasm has no import or no export section');
  const imports = readImports(bytes, importSection);
  const exports = readExports(bytes, exportSection);

  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`expected the wasm to import from one glue module, found ${modules.join(', ')}`);
  const kept = new Set(exports.filter((e) => !RENAMED_EXPORT.test(e.name)).map((e) => e.name));
  const short = shortNames(kept);
  const renames = new Map();
  const rename = (name) => {
    if (!renames.has(name)) renames.set(name, short.next().value);
    return renames.get(name);
  };

  const module = modules[0];
  const moduleKey = JSON.stringify(module);
  if (count(glue, moduleKey) !== 1) throw new Error(`the glue does not name its import module ${moduleKey} exactly once`);
  glue = glue.replace(moduleKey, '"a"');
  for (const { name } of imports) {
    // Each import is one key of the glue's imports object: `NAME: function(…`.
    const key = new RegExp(`(^|[{,\\s])${escape(name)}(\\s*:)`, 'gm');
    const found = count(glue, key);
    if (found !== 1) throw new Error(`the glue defines import ${name} ${found} times, not once`);
    const to = rename(name);
    glue = glue.replace(key, (_, before, colon) => `${before}${to}${colon}`);
  }
  for (const { name } of exports) {
    if (kept.has(name)) continue;
    const access = new RegExp(`(?<![\\w$])wasm\\.${escape(name)}(?![\\w$])`, 'g');
    if (count(glue, access) === 0) throw new Error(`the glue never reads export ${name} as wasm.${name}`);
    const to = rename(name);
    glue = glue.replace(access, () => `wasm.${to}`);
    const left = new RegExp(`[.'"]${escape(name)}(?![\\w$])`);
    if (left.test(glue)) throw new Error(`the glue reaches export ${name} in a way this does not rename`);
  }

  const encoder = new TextEncoder();
  const name = (text) => [...leb(encoder.encode(text).length), ...encoder.encode(text)];
  const newImports = [...leb(imports.length)];
  for (const i of imports) newImports.push(...name('a'), ...name(renames.get(i.name)), ...bytes.subarray(i.descStart, i.descEnd));
  const newExports = [...leb(exports.length)];
  for (const e of exports) newExports.push(...name(renames.get(e.name) ?? e.name), ...bytes.subarray(e.descStart, e.descEnd));

  const parts = [bytes.subarray(0, 8)];
  for (const s of sections) {
    // Custom sections (the compiler's `producers` and `target_features`)
    // mean nothing to a browser.
    if (s.id === CUSTOM) continue;
    if (s.id === IMPORTS || s.id === EXPORTS) {
      const body = s.id === IMPORTS ? newImports : newExports;
      parts.push(Uint8Array.from([s.id, ...leb(body.length), ...body]));
    } else {
      parts.push(bytes.subarray(s.start, s.end));
    }
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return { wasm: out, glue, count: renames.size };
}

function* shortNames(taken) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
  const rest = first + '0123456789';
  for (let length = 1; ; length++) {
    const total = first.length * rest.length ** (length - 1);
    for (let n = 0; n < total; n++) {
      let name = first[n % first.length];
      for (let k = Math.floor(n / first.length), i = 1; i < length; i++, k = Math.floor(k / rest.length)) name += rest[k % rest.length];
      if (!taken.has(name) && !RESERVED.has(name)) yield name;
    }
  }
}

/** The module's sections: `{ id, start, body, end }` byte offsets. */
export function readSections(bytes) {
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [size, body] = readLeb(bytes, at);
    at = body + size;
    if (at > bytes.length) throw new Error('a wasm section runs past the end of the file');
    sections.push({ id, start, body, end: at });
  }
  return sections;
}

function readImports(bytes, section) {
  let [n, at] = readLeb(bytes, section.body);
  const imports = [];
  for (; n > 0; n--) {
    let module, name;
    [module, at] = readName(bytes, at);
    [name, at] = readName(bytes, at);
    const descStart = at;
    const kind = bytes[at++];
    if (kind === 0) [, at] = readLeb(bytes, at); // function: type index
    else if (kind === 1) at = skipLimits(bytes, at + 1); // table: reference type, limits
    else if (kind === 2) at = skipLimits(bytes, at); // memory: limits
    else if (kind === 3) at += 2; // global: value type, mutability
    else if (kind === 4) [, at] = readLeb(bytes, at + 1); // tag: attribute, type index
    else throw new Error(`import ${module}.${name} has unknown kind ${kind}`);
    imports.push({ module, name, descStart, descEnd: at });
  }
  if (at !== section.end) throw new Error('the import section has bytes after its last import');
  return imports;
}

function readExports(bytes, section) {
  let [n, at] = readLeb(bytes, section.body);
  const exports = [];
  for (; n > 0; n--) {
    let name;
    [name, at] = readName(bytes, at);
    const descStart = at;
    [, at] = readLeb(bytes, at + 1); // kind, index
    exports.push({ name, descStart, descEnd: at });
  }
  if (at !== section.end) throw new Error('the export section has bytes after its last export');
  return exports;
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readLeb(bytes, at);
  if (flags & 1) [, at] = readLeb(bytes, at);
  return at;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, start + length)), start + length];
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('the wasm ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function count(text, pattern) {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return (text.match(pattern) ?? []).length;
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
