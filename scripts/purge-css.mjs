// Drops every rule whose selectors name a class or element that appears
// nowhere in the app's source (src/**/*.rs), index.html or the pages as
// prerendered with this build's content (.build/markup/): the NHS.UK core
// ships far more than the widget renders. Class names must therefore be
// written out in full in the source, never assembled at run time.
// Usage: node scripts/purge-css.mjs FILE   (rewrites FILE in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { PurgeCSS } from 'purgecss';
import { minify } from 'csso';

const file = process.argv[2];
const [result] = await new PurgeCSS().purge({
  css: [{ raw: readFileSync(file, 'utf8') }],
  content: ['src/**/*.rs', 'index.html', '.build/markup/*.html'],
  // The widget's own rules are few and all wanted.
  safelist: { standard: [/^app-/] },
  // And the custom properties nothing reads: nhsuk-frontend declares many.
  variables: true,
});
// Then merge what sass leaves apart (repeated media queries, same selectors).
writeFileSync(file, minify(result.css, { restructure: true }).css);
