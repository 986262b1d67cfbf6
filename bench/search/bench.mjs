// Side-by-side search benchmark in headless Chromium: our engine (Rust -> wasm)
// against MiniSearch, FlexSearch and Fuse.js over the same documents and the
// public relevance queries. Prints a Markdown table; there is no pass/fail.
// Exits 0 whatever the figures, non-zero only when it cannot run at all.
//
// Usage:
//   node bench/search/bench.mjs [--corpus DIR] [--queries FILE]
//        [--engines ours,minisearch,flexsearch,fuse] [--corpora real,500,5000]
//        [--timeout-s 900] [--verbose]
//
// DIR (default target/search-bench) holds corpus-{real,500,5000}.json,
// index-{real,500,5000}.bin and engine/search_engine{.js,_bg.wasm}.
// FILE (default tests/fixtures/queries/public.json, the repository's own copy)
// is the query set. --verbose lists each query's rank.
//
// Per engine x corpus, in a fresh browser context (see page.mjs for details):
//   read ms   median of 5: Engine.load(bytes) for ours (the packed index file
//             already fetched, wasm already instantiated); building the index
//             from the docs for the JavaScript engines, which have no prebuilt index.
//   index     ours: the index file, raw and gzip -9 (the JavaScript engines
//             build theirs from the documents, so ship those instead).
//   p50/p95   microseconds per search over every distinct character prefix of
//             every public query, each timed as a batch of >= 2 ms.
//   success@k a query succeeds at k when one of its expected [pageName, heading]
//             pairs labels one of the first k results; MRR over the first 10.
//             Real corpus only.
//   gzip      gzip -9 of what ships: wasm + JS glue + that corpus's index file for
//             ours; the single ESM file loaded for each JavaScript engine.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const args = {
    corpus: join(root, 'target/search-bench'),
    queries: resolve(root, 'tests/fixtures/queries/public.json'),
    engines: ['ours', 'minisearch', 'flexsearch', 'fuse'],
    corpora: ['real', '500', '5000'],
    timeoutS: 900,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--corpus') args.corpus = resolve(value());
    else if (a === '--queries') args.queries = resolve(value());
    else if (a === '--engines') args.engines = value().split(',').filter(Boolean);
    else if (a === '--corpora') args.corpora = value().split(',').filter(Boolean);
    else if (a === '--timeout-s') args.timeoutS = Number(value());
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--help' || a === '-h') {
      console.log('node bench/search/bench.mjs [--corpus DIR] [--queries FILE] [--engines a,b] [--corpora real,500,5000] [--timeout-s N] [--verbose]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

// ---------------------------------------------------------------- engines
// The JavaScript engines' ESM builds, served from node_modules. The same file
// is what the page imports and what the gzip column measures.
const PEERS = {
  minisearch: { pkg: 'minisearch', file: 'node_modules/minisearch/dist/es/index.js' },
  flexsearch: { pkg: 'flexsearch', file: 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs' },
  fuse: { pkg: 'fuse.js', file: 'node_modules/fuse.js/dist/fuse.min.mjs' },
};
const ENGINE_JS = 'engine/search_engine.js';
const ENGINE_WASM = 'engine/search_engine_bg.wasm';

async function version(pkg) {
  try {
    return JSON.parse(await readFile(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------- server
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
};

/** Serves the repo root at /, DIR at /corpus/ and the query file at /queries.json. */
async function serve({ corpus, queries }) {
  const mounts = [
    ['/corpus/', corpus],
    ['/', root],
  ];
  const server = createServer(async (req, res) => {
    // Cross-origin isolation gives performance.now() its fine resolution.
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file;
      if (path === '/queries.json') file = queries;
      else {
        const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
        const base = dir.endsWith(sep) ? dir : dir + sep;
        file = normalize(join(base, path.slice(prefix.length)));
        if (!file.startsWith(base)) {
          res.writeHead(403, headers).end();
          return;
        }
      }
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// ---------------------------------------------------------------- relevance
/** Lower case; apostrophes dropped inside words; any other run of non-alphanumerics is one space. */
function normHeading(s) {
  return String(s)
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function matches(label, [page, heading]) {
  return (
    Array.isArray(label) &&
    String(label[0]).toLowerCase() === String(page).toLowerCase() &&
    normHeading(label[1]) === normHeading(heading)
  );
}

/** Rank (1-based) of the first expected section among ids, or 0 if none. */
function firstHit(ids, expect, docs) {
  for (let i = 0; i < Math.min(10, ids.length); i++) {
    const doc = docs[ids[i]];
    if (doc && expect.some((e) => matches(doc.label, e))) return i + 1;
  }
  return 0;
}

function relevance(results, queries, docs) {
  const expectByQ = new Map(queries.map((x) => [x.q, x.expect]));
  const ranks = results.map(({ q, ids }) => ({ q, ids, rank: firstHit(ids, expectByQ.get(q) ?? [], docs) }));
  const n = ranks.length;
  const at = (k) => ranks.filter((r) => r.rank > 0 && r.rank <= k).length;
  const mrr = ranks.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n;
  return { n, at1: at(1), at3: at(3), mrr, ranks };
}

// ---------------------------------------------------------------- figures
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile, as bench/page-load.mjs uses. */
function percentile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

async function gz(file) {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

// ---------------------------------------------------------------- main
async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.corpus)) throw new Error(`corpus directory ${args.corpus} does not exist`);
  if (!existsSync(args.queries)) throw new Error(`query file ${args.queries} does not exist`);
  const { queries } = JSON.parse(await readFile(args.queries, 'utf8'));
  if (!Array.isArray(queries) || queries.length === 0) throw new Error(`${args.queries} has no queries`);
  for (const e of args.engines) if (e !== 'ours' && !PEERS[e]) throw new Error(`unknown engine ${e}`);

  const versions = {};
  for (const [name, { pkg }] of Object.entries(PEERS)) versions[name] = await version(pkg);

  const server = await serve(args);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }

  const rows = [];
  const notes = [];
  let isolated;
  for (const corpus of args.corpora) {
    const corpusFile = join(args.corpus, `corpus-${corpus}.json`);
    let docs = null;
    try {
      docs = JSON.parse(await readFile(corpusFile, 'utf8')).docs;
      notes.push(`corpus-${corpus}.json: ${docs.length} docs, ${await gz(corpusFile)} bytes gzip -9 (the documents the JavaScript engines would also have to ship to build their index)`);
    } catch (err) {
      notes.push(`corpus-${corpus}.json: cannot read (${err.message})`);
    }
    for (const engine of args.engines) {
      const label = engine === 'ours' ? 'ours (wasm)' : `${PEERS[engine].pkg} ${versions[engine]}`;
      const row = { engine: label, corpus, docs: docs?.length ?? '–' };
      rows.push(row);
      process.stderr.write(`running ${label} on ${corpus}… `);
      const started = Date.now();
      const context = await browser.newContext();
      try {
        if (!docs) throw new Error(`no corpus-${corpus}.json`);
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        await page.goto(`${server.base}bench/search/page.html`);
        await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 }).catch(() => {
          throw new Error(`page.mjs did not load: ${problems.join('; ') || 'timeout'}`);
        });
        const options = {
          engine,
          corpus,
          corpusUrl: '/corpus/',
          engineUrl: `/corpus/${ENGINE_JS}`,
          moduleUrl: PEERS[engine] ? `/${PEERS[engine].file}` : undefined,
          queriesUrl: '/queries.json',
          relevance: corpus === 'real',
          latency: true,
        };
        let timer;
        const timeout = new Promise((_, fail) => {
          timer = setTimeout(() => fail(new Error(`timed out after ${args.timeoutS} s`)), args.timeoutS * 1000);
        });
        const result = await Promise.race([page.evaluate((o) => window.bench.run(o), options), timeout]).finally(() =>
          clearTimeout(timer),
        );
        isolated ??= result.crossOriginIsolated;
        row.docs = result.docs;
        row.loadMs = median(result.loadMs);
        const us = result.latency.map((x) => x.us);
        row.p50 = percentile(us, 0.5);
        row.p95 = percentile(us, 0.95);
        row.prefixes = us.length;
        if (result.relevance) {
          row.rel = relevance(result.relevance, queries, docs);
        }
        if (engine === 'ours') {
          const file = join(args.corpus, `index-${corpus}.bin`);
          row.index = `${(await stat(file)).size} / ${await gz(file)}`;
        }
        row.gzip =
          engine === 'ours'
            ? (await gz(join(args.corpus, ENGINE_WASM))) +
              (await gz(join(args.corpus, ENGINE_JS))) +
              (await gz(join(args.corpus, `index-${corpus}.bin`)))
            : await gz(join(root, PEERS[engine].file));
        process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        if (args.verbose && row.rel) {
          for (const r of row.rel.ranks) {
            const top = r.ids.slice(0, 3).map((id) => (docs[id] ? docs[id].label.join(' › ') : `#${id}?`));
            process.stderr.write(`  ${r.rank ? `rank ${r.rank}` : 'MISS  '}  ${JSON.stringify(r.q)}  top: ${top.join(' | ')}\n`);
          }
        }
      } catch (err) {
        row.error = String(err?.message ?? err).split('\n')[0];
        process.stderr.write(`FAILED: ${row.error}\n`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  }

  const chromiumVersion = browser.version();
  await browser.close();
  await server.close();

  // ------------------------------------------------------------ report
  const dash = '–';
  const fmt = (x, d) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : dash);
  const frac = (k, n) => `${(k / n).toFixed(2)} (${k}/${n})`;
  const header = ['engine', 'corpus', 'docs', 'index bytes / gzip', 'read ms', 'p50 µs', 'p95 µs', 'success@1', 'success@3', 'MRR', 'gzip'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of rows) {
    const cells = r.error
      ? [r.engine, r.corpus, String(r.docs), `ERROR: ${r.error.replaceAll('|', '\\|')}`, dash, dash, dash, dash, dash, dash, dash]
      : [
          r.engine,
          r.corpus,
          String(r.docs),
          r.index ?? dash,
          fmt(r.loadMs, 2),
          fmt(r.p50, 1),
          fmt(r.p95, 1),
          r.rel ? frac(r.rel.at1, r.rel.n) : dash,
          r.rel ? frac(r.rel.at3, r.rel.n) : dash,
          r.rel ? r.rel.mrr.toFixed(3) : dash,
          String(r.gzip),
        ];
    lines.push(`| ${cells.join(' | ')} |`);
  }

  const prefixCount = rows.find((r) => r.prefixes)?.prefixes;
  console.log(`Chromium ${chromiumVersion} (headless, ${process.env.CHROMIUM ?? '/usr/bin/chromium'}); crossOriginIsolated=${isolated ?? '?'}`);
  console.log(`Corpus: ${args.corpus}; queries: ${args.queries} (${queries.length} queries${prefixCount ? `, ${prefixCount} distinct prefixes` : ''})`);
  console.log('');
  console.log(lines.join('\n'));
  console.log('');
  console.log('Notes:');
  console.log(`- gzip: ours = ${ENGINE_WASM} + ${ENGINE_JS} + index-<corpus>.bin, each gzip -9, summed; peers = their module.`);
  for (const [name, { pkg, file }] of Object.entries(PEERS)) {
    if (args.engines.includes(name)) console.log(`- ${pkg} ${versions[name]}: ${file}${name === 'minisearch' ? ' (the package ships no minified ESM build)' : ''}`);
  }
  console.log('- FlexSearch: Document index, tokenize "forward", search { suggest: true, limit: 10, merge: true }; fields declared heading, title, body, so the merged list is heading hits, then title-only, then body-only hits.');
  console.log('- Fuse.js: default options (threshold 0.6, location 0, distance 100, ignoreLocation false), keys title, heading, body; search limit 10.');
  console.log('- read ms: median of 5; ours = Engine.load(index bytes), peers = index build from the docs.');
  console.log('- p50/p95: µs per search over each distinct character prefix of the public queries, each the mean of a batch of >= 2 ms.');
  for (const n of notes) console.log(`- ${n}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`search bench cannot run: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
