#!/usr/bin/env bash
# Builds the widget with the bundled content and serves it on
# http://127.0.0.1:8080/, rebuilding when a file changes.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release "$@"
