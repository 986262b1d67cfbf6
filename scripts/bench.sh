#!/usr/bin/env bash
# Benchmarks that print figures (no pass/fail): dist sizes and the
# error-code page load in headless Chromium, on a fresh release build.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
bash scripts/dist-sizes.sh
node bench/page-load.mjs "$@"
