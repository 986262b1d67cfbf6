#!/usr/bin/env bash
# Builds a second version of the widget, with one visible content change, into
# target/dist-v2/: the offline-update browser test deploys it over dist/.
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
HELP_CONTENT_DIR="$content" CARGO_TARGET_DIR="target/v2" trunk build --release --dist target/dist-v2
