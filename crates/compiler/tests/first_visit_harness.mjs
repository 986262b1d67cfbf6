// Runs the page files' error-code script (src/deploy/first_visit.js as built) on
// many locations, as a browser would hand them to it, and prints what it
// did with each. Driven by tests/properties.rs, which compares every
// outcome with the app's router.
// Usage: node first_visit_harness.mjs CASES.json  (prints JSON)
import { readFileSync } from 'node:fs';

const { script, anchors, cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// Timers, frames and the load event all come at once here.
const run = new Function('location', 'document', 'setTimeout', 'requestAnimationFrame', 'addEventListener', 'window', 'sessionStorage', script);
const now = (callback) => callback();

// What the app reads from the same location (src/browser.rs): each value
// cut to 2048 characters, NFKC, without bidirectional controls
// (help_core::given::is_bidi_control), cut again.
const cut = (text) => Array.from(text).slice(0, 2048).join('');
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const app = (text) => cut(Array.from(cut(text).normalize('NFKC')).filter((c) => !BIDI.has(c.codePointAt(0))).join(''));

const out = cases.map(({ path, params, fragment }) => {
  const query = new URLSearchParams(params).toString();
  const hash = fragment === '' ? '' : '#' + encodeURIComponent(fragment);
  const outcome = {};
  // The page file as Route::resolve names it (file_of_path): `x` is
  // `x.html` and `index` the home page, as hosts with clean URLs serve them.
  const last = path.split('/').pop();
  const file = !last || last === 'index' ? 'index.html' : last.includes('.') ? last : `${last}.html`;
  const sections = new Set(anchors[file]?.sections ?? []);
  const ids = new Set([...sections, ...(anchors[file]?.details ?? [])]);
  const element = (id) => ({
    id,
    tagName: sections.has(id) ? 'SECTION' : 'DETAILS',
    parentElement: null,
    classList: { add: () => { outcome.highlighted = id; }, contains: (name) => name === 'app-section' && sections.has(id) },
    querySelector: () => ({ getBoundingClientRect: () => ({ bottom: 0 }), scrollIntoView() {}, focus() { outcome.focused = id; } }),
  });
  const document = {
    addEventListener: (_, callback) => callback(),
    title: 'Page - NHS login help',
    documentElement: { hidden: true, marks: new Set(), setAttribute(name) { this.marks.add(name); }, hasAttribute(name) { return this.marks.has(name); } },
    getElementById: (id) => (ids.has(id) ? element(id) : null),
    querySelector: () => null,
    querySelectorAll: () => [],
  };
  const location = { pathname: path, search: query ? '?' + query : '', hash, replace: (url) => { outcome.replaced = url; } };
  // A top-level page (not in a frame) on a fresh visit: its own session storage.
  const window = { scrollY: 0, innerHeight: 844, scrollTo() {} };
  window.parent = window;
  const stored = new Map();
  const sessionStorage = { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => stored.set(k, String(v)), removeItem: (k) => stored.delete(k) };
  run(location, document, now, now, (_, callback) => callback(), window, sessionStorage);
  if (document.title !== 'Page - NHS login help') outcome.title = document.title;
  // The page, hidden by its first line, is shown again unless it is leaving.
  if (document.documentElement.hidden && !outcome.replaced) outcome.stillHidden = true;
  let decoded = hash;
  try { decoded = decodeURIComponent(hash); } catch {}
  // The location as the app's router receives it.
  const seen = { path, search: location.search, params: [...new URLSearchParams(query)].map(([k, v]) => [app(k), app(v)]), fragment: app(decoded) };
  return { seen, outcome };
});
console.log(JSON.stringify(out));
