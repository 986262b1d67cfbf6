#!/usr/bin/env bash
# Builds the search engine module (crates/engine) into DIST/search-engine.wasm,
# optimised for size as the app's wasm is. Run by write-pages.sh after Trunk
# builds the app; always a release build, since the app fetches it to search.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
dist="${1:?usage: build-engine.sh DIST}"
cd "$root"
source scripts/env.sh
cargo build --quiet --release --locked --offline --target wasm32-unknown-unknown -p help-search-engine
target="${CARGO_TARGET_DIR:-target}"
wasm-opt -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  -o "$dist/search-engine.wasm" "$target/wasm32-unknown-unknown/release/help_search_engine.wasm"
