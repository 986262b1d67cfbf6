#!/usr/bin/env bash
# Trunk post-build hook: the JS glue minified; one page file per hub and article beside index.html,
# so every page has its own URL on any static host; references.html, the
# search index, the search engine module and _headers; then each page's content, prerendered by the
# app's own components; then the service worker, which precaches every file
# written so far.
set -euo pipefail
content="${HELP_CONTENT_DIR:-content}"
dist="${TRUNK_STAGING_DIR:?run by trunk}"
node scripts/minify-glue.mjs "$dist"
bash scripts/build-engine.sh "$dist"
cargo run --quiet --locked --offline -p help-compiler --bin help-content -- pages "$content" "$dist"
cargo run --quiet --locked --offline --bin prerender -- "$dist"
cargo run --quiet --locked --offline -p help-compiler --bin help-content -- service-worker "$dist"
