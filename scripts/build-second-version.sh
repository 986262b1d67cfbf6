#!/usr/bin/env bash
# Builds a second, test-only version of the widget into target/dist-v2/: one
# visible content change (the offline-update browser test deploys it over
# dist/), and the partners' test-only profiles (HELP_TEST_PARTNERS=1: the
# localhost origins the embed tests use), which a release build never has.
# Its own cargo target folder keeps both builds incremental.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
content="target/content-v2"
rm -rf "$content"
cp -r content "$content"
sed -i 's/^title: Landline number$/title: Landline number (updated)/' "$content/manage/landline.md"
grep -q '^title: Landline number (updated)$' "$content/manage/landline.md"
HELP_TEST_PARTNERS=1 HELP_CONTENT_DIR="$content" CARGO_TARGET_DIR="target/v2" trunk build --release --dist target/dist-v2
