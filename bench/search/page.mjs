// Browser side of the search benchmark (bench/search/bench.mjs drives it).
//
// Exposes window.bench.run(options), which for ONE engine over ONE corpus:
//   1. times building/loading the index 5 times (the caller takes the median),
//   2. optionally runs every public query once (limit 10) and returns the ranked
//      ids, from which the harness computes success@k and MRR,
//   3. times every distinct character prefix of every public query, in batches
//      long enough (>= 2 ms) for performance.now() to be meaningful, and
//      returns microseconds per search for each prefix.
// Only the time from query string to a ranked array of at most 10 ids is
// measured: no rendering, no highlighting, no document lookup.
//
// Engines are imported dynamically from the URLs the harness passes, so one
// that fails to load fails only its own run.

const LIMIT = 10;
const LOAD_REPEATS = 5;
const MIN_BATCH_MS = 2;
const MAX_BATCH = 1 << 20;

let sink = 0; // consumed by every timed call so no work can be skipped

async function fetchOk(url, as) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  if (as === 'bytes') return new Uint8Array(await res.arrayBuffer());
  return as === 'text' ? res.text() : res.json();
}

// Each adapter: prepare(ctx) once (imports, fetches; not timed), build() is the
// timed "index load", and searcher(index) returns q -> ids (best first, <= 10).
const adapters = {
  // Our engine: wasm-bindgen --target web output. Read = Engine.load(bytes) with
  // the packed index file already fetched; wasm instantiation is not counted.
  async ours({ engineUrl, corpusUrl, corpus }) {
    const mod = await import(engineUrl);
    await mod.default();
    const bytes = await fetchOk(`${corpusUrl}index-${corpus}.bin`, 'bytes');
    return {
      build: () => mod.Engine.load(bytes),
      discard: (e) => e.free?.(),
      searcher: (e) => (q) => e.search(q, LIMIT),
    };
  },

  async minisearch({ moduleUrl, docs }) {
    const { default: MiniSearch } = await import(moduleUrl);
    return {
      build() {
        const ms = new MiniSearch({
          idField: 'id',
          fields: ['title', 'heading', 'body'],
          searchOptions: { prefix: true, fuzzy: 0.2, boost: { heading: 3, title: 2 } },
        });
        ms.addAll(docs);
        return ms;
      },
      // MiniSearch has no result limit: it returns every match, scored and sorted.
      searcher: (ms) => (q) => {
        const hits = ms.search(q);
        const n = Math.min(LIMIT, hits.length);
        const ids = new Array(n);
        for (let i = 0; i < n; i++) ids[i] = hits[i].id;
        return ids;
      },
    };
  },

  // FlexSearch Document index, tokenize "forward" (prefix matching), one index
  // per field. Merging: FlexSearch's own `merge: true`, which concatenates the
  // per-field result lists in the order the fields are declared and keeps each
  // id at its first appearance. Fields are declared heading, title, body, so the
  // merged list is: heading matches (in FlexSearch's rank order), then ids
  // matched only by title, then ids matched only by body. Each field returns at
  // most `limit` ids; we keep the first 10 of the merged list.
  async flexsearch({ moduleUrl, docs }) {
    const { Document } = await import(moduleUrl);
    return {
      build() {
        const index = new Document({
          tokenize: 'forward',
          document: { id: 'id', index: ['heading', 'title', 'body'] },
        });
        for (const d of docs) index.add({ id: d.id, title: d.title, heading: d.heading, body: d.body });
        return index;
      },
      searcher: (index) => {
        const options = { limit: LIMIT, suggest: true, merge: true };
        return (q) => {
          const hits = index.search(q, options);
          const n = Math.min(LIMIT, hits.length);
          const ids = new Array(n);
          for (let i = 0; i < n; i++) ids[i] = hits[i].id;
          return ids;
        };
      },
    };
  },

  // Fuse.js with its default options, as the current help centre uses it.
  async fuse({ moduleUrl, docs }) {
    const { default: Fuse } = await import(moduleUrl);
    return {
      build: () => new Fuse(docs, { keys: ['title', 'heading', 'body'] }),
      searcher: (fuse) => {
        const options = { limit: LIMIT };
        return (q) => {
          const hits = fuse.search(q, options);
          const ids = new Array(hits.length);
          for (let i = 0; i < hits.length; i++) ids[i] = hits[i].item.id;
          return ids;
        };
      },
    };
  },
};

function prefixesOf(queries) {
  const seen = new Set();
  for (const q of queries) {
    const chars = Array.from(q);
    for (let i = 1; i <= chars.length; i++) seen.add(chars.slice(0, i).join(''));
  }
  return [...seen];
}

function timePrefix(search, q) {
  sink += search(q).length; // one untimed call: first-use costs are not latency
  // Double the batch until it lasts MIN_BATCH_MS, then report that batch.
  for (let n = 1; ; n *= 2) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += search(q).length;
    const ms = performance.now() - t0;
    if (ms >= MIN_BATCH_MS || n >= MAX_BATCH) return { us: (ms * 1000) / n, n };
  }
}

/**
 * options: { engine, corpus, corpusUrl, engineUrl?, moduleUrl?, queriesUrl,
 *            relevance: boolean, latency: boolean }
 * returns: { docs, loadMs: number[], relevance?: [{q, ids}], latency?: [{q, us, n}] }
 */
async function run(options) {
  const adapter = adapters[options.engine];
  if (!adapter) throw new Error(`unknown engine ${options.engine}`);
  const [{ docs }, { queries }] = await Promise.all([
    fetchOk(`${options.corpusUrl}corpus-${options.corpus}.json`),
    fetchOk(options.queriesUrl),
  ]);
  const engine = await adapter({ ...options, docs });

  const loadMs = [];
  let index;
  for (let i = 0; i < LOAD_REPEATS; i++) {
    if (index !== undefined) engine.discard?.(index);
    index = undefined;
    const t0 = performance.now();
    index = engine.build();
    loadMs.push(performance.now() - t0);
  }
  const search = engine.searcher(index);
  const out = { docs: docs.length, loadMs, crossOriginIsolated: self.crossOriginIsolated };

  if (options.relevance) {
    out.relevance = queries.map(({ q }) => ({ q, ids: Array.from(search(q)).slice(0, LIMIT) }));
  }
  if (options.latency) {
    out.latency = prefixesOf(queries.map(({ q }) => q)).map((q) => ({ q, ...timePrefix(search, q) }));
  }
  engine.discard?.(index);
  out.sink = sink;
  return out;
}

window.bench = { run };
window.benchReady = true;
document.getElementById('status').textContent = 'ready';
