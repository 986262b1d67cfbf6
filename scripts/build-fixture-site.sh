#!/usr/bin/env bash
# Builds the widget over the help-centre fixture corpus (tests/fixtures/
# help-centre: thirteen pages in the real help centre's style, with every
# NHS.UK component it uses) into target/dist-fixture/, for the browser tests
# that check those components render, print and pass axe. Its own cargo
# target folder keeps it incremental beside the main build.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
HELP_CONTENT_DIR="tests/fixtures/help-centre" CARGO_TARGET_DIR="target/fixture" trunk build --release --dist target/dist-fixture
