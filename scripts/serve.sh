#!/usr/bin/env bash
# Builds the widget with the bundled content and serves it on
# http://127.0.0.1:8080/, rebuilding when a file changes. The example partner
# pages (examples/) are served from http://localhost:8765/, so this build
# includes the partners' test-only profiles (never in a release for real).
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/env.sh
# Trunk refuses to watch with ignore paths (Trunk.toml) that do not exist yet.
mkdir -p .build dist target
node examples/serve.mjs http://127.0.0.1:8080/ 8765 &
trap 'kill $! 2>/dev/null' EXIT
# Its own folder: dist/ is what gets deployed, and must never hold test origins.
# No live-reload script: the pages' Content-Security-Policy rightly refuses inline scripts.
HELP_TEST_PARTNERS=1 trunk serve --release --no-autoreload --dist target/dist-serve "$@"
