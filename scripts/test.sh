#!/usr/bin/env bash
# Runs every test: the core and the content compiler natively, then the
# release build (and two test builds: a second version, and the help-centre
# fixture corpus), then the browser tests in headless Chromium.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/env.sh

start=$(date +%s)
echo "== native tests (core, content compiler, app state)"
cargo test --workspace --locked --offline

echo "== release build"
build_start=$(date +%s)
trunk build --release
echo "release build: $(( $(date +%s) - build_start )) s"
# The hard budget: no page's cold load over 150 KB gzip.
BUDGET=150000 bash scripts/dist-sizes.sh
echo "== post-build steps, on the build's output"
node --test tests/build/

echo "== second version, for the offline-update test"
build_start=$(date +%s)
bash scripts/build-second-version.sh
echo "second build: $(( $(date +%s) - build_start )) s"

echo "== the help-centre fixture corpus, for the component browser tests"
build_start=$(date +%s)
bash scripts/build-fixture-site.sh
echo "fixture build: $(( $(date +%s) - build_start )) s"
# The same hard budget with the real help centre's amount of content.
BUDGET=150000 bash scripts/dist-sizes.sh target/dist-fixture

echo "== browser tests (headless Chromium)"
node --test --test-reporter=spec tests/e2e/

echo "all tests passed in $(( $(date +%s) - start )) s"
