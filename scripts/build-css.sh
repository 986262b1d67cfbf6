#!/usr/bin/env bash
# Compile styles/widget.scss (NHS.UK frontend core + the widget's components)
# into .build/widget.css with dart-sass from npm (pure JS, no download), then
# check that the stylesheet cannot make a request off the widget's origin.
#
# Usage: scripts/build-css.sh   (or: npm run build:css), from any directory.
# Needs: npm install (or npm ci) run first in the repository root.
set -euo pipefail

# Repository root = parent of this script's folder.
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

src="styles/widget.scss"
out_dir=".build"
out="$out_dir/widget.css"
sass="node_modules/.bin/sass"

if [[ ! -x "$sass" ]]; then
  echo "build-css: $sass not found; run 'npm ci' (or 'npm install') in $root first" >&2
  exit 1
fi
if [[ ! -d node_modules/nhsuk-frontend/dist/nhsuk ]]; then
  echo "build-css: node_modules/nhsuk-frontend missing; run 'npm ci' in $root first" >&2
  exit 1
fi

mkdir -p "$out_dir"
# Remove the previous output first: a failed build must not leave a stale
# stylesheet behind for the wasm build to pick up.
rm -f "$out"
# Compile to a temporary file; it becomes widget.css only once it passes.
tmp="$(mktemp "$out_dir/widget.css.XXXXXX")"
trap 'rm -f "$tmp"' EXIT

"$sass" --no-source-map --style=compressed --load-path=node_modules "$src" "$tmp"
# Keep only the rules the app's markup can use (about a fifth of the whole):
# what its source can write, and what its pages hold with this content.
rm -rf "$out_dir/markup"
cargo run --quiet --locked --offline --bin prerender -- --markup-only "$out_dir/markup"
node scripts/purge-css.mjs "$tmp"

# Forbidden content: web fonts, the NHS asset host, absolute URLs, and
# root-absolute url(/...) paths (which would escape the widget's base path).
fail=0
check() {
  local pattern="$1" why="$2" hits
  if hits="$(grep -oiE ".{0,60}${pattern}.{0,60}" "$tmp")"; then
    echo "build-css: FAIL: $src compiles to CSS containing $why:" >&2
    printf '%s\n' "$hits" | head -n 10 | sed 's/^/  /' >&2
    fail=1
  fi
}
check '@font-face' '@font-face (web fonts must stay off)'
check 'assets\.nhs\.uk' 'a reference to assets.nhs.uk'
check 'https?:' 'an http:/https: URL'
check 'url\([[:space:]]*["'"'"']?[[:space:]]*/' 'a root-absolute or protocol-relative url(/...) path'
if [[ "$fail" -ne 0 ]]; then
  echo "build-css: not writing $out" >&2
  exit 1
fi

chmod 644 "$tmp"
mv -f "$tmp" "$out"
trap - EXIT

raw=$(wc -c <"$out")
gz=$(gzip -9 -c "$out" | wc -c)
echo "build-css: wrote $out: ${raw} bytes raw, ${gz} bytes gzip -9"
