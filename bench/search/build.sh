#!/usr/bin/env bash
# Builds what the browser search benchmark reads into target/search-bench/:
# the three corpora with our engine's index for each, and the engine alone as
# a wasm module (bench/engine), optimised like the app's. QUERIES, CONTENT
# and OUT choose the query set, the real corpus's articles and the folder.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/env.sh
out="${OUT:-target/search-bench}"
cargo run --quiet --release --locked --offline --bin search-bench -- --export "$out" --queries "${QUERIES:-tests/fixtures/queries/public.json}" --content "${CONTENT:-content}"
cargo build --quiet --release --locked --offline --target wasm32-unknown-unknown -p search-engine-wasm
wasm-bindgen --target web --no-typescript --out-dir "$out/engine" --out-name search_engine \
  target/wasm32-unknown-unknown/release/search_engine_wasm.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int -o "$out/engine/search_engine_bg.wasm" "$out/engine/search_engine_bg.wasm"
