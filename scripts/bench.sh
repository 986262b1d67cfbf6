#!/usr/bin/env bash
# Benchmarks that print figures (no pass/fail), on a fresh release build:
# dist sizes, and the cold load with the 13-page help-centre corpus; the
# first visit from an error screen under Lighthouse's mobile profile; the
# error-code page load (online and offline) in headless Chromium; the embed
# on the example partner page; the search engine natively at three corpus
# sizes; and the search engine beside MiniSearch, FlexSearch and Fuse.js in
# headless Chromium.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
bash scripts/dist-sizes.sh
bash scripts/build-fixture-site.sh
echo "== the help-centre corpus (13 pages):"
bash scripts/dist-sizes.sh target/dist-fixture | tail -2
node bench/first-visit.mjs
node bench/page-load.mjs
bash scripts/build-second-version.sh
node bench/embed.mjs
bash bench/search/build.sh
node bench/search/bench.mjs
