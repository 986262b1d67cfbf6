#!/usr/bin/env bash
# Trunk post-build hook: one page file per hub and article beside index.html,
# so every page has its own URL on any static host.
set -euo pipefail
cargo run --quiet --locked --offline -p help-compiler --bin help-content -- pages content "${TRUNK_STAGING_DIR:?run by trunk}"
