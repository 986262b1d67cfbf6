// Drops every rule whose selectors name a class or element that appears
// nowhere in the app's source (src/**/*.rs) or index.html: the NHS.UK core
// ships far more than the widget renders. Class names must therefore be
// written out in full in the source, never assembled at run time.
// Usage: node scripts/purge-css.mjs FILE   (rewrites FILE in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { PurgeCSS } from 'purgecss';

const file = process.argv[2];
const [result] = await new PurgeCSS().purge({
  css: [{ raw: readFileSync(file, 'utf8') }],
  content: ['src/**/*.rs', 'index.html'],
  // The widget's own rules are few and all wanted.
  safelist: { standard: [/^app-/] },
  // And the custom properties nothing reads: nhsuk-frontend declares many.
  variables: true,
});
writeFileSync(file, result.css);
