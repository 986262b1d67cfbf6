#!/usr/bin/env bash
# Prints every file in dist/ with its raw and gzip (-9) size, and the cold
# load: what a first visit to one page downloads (its HTML, the CSS, the JS
# glue, the app's wasm and the favicon), and what the first search adds (the
# search engine module, the index and every page's text). Usage: dist-sizes.sh [DIST]. With
# BUDGET=bytes set, fails when the largest page's cold load is over it.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/dist}"
if [[ ! -d "$dir" ]]; then
  echo "dist-sizes: no build in $dir: build it first (trunk build --release for dist/, scripts/build-fixture-site.sh for target/dist-fixture)" >&2
  exit 2
fi
cd "$dir"
printf '%-48s %9s %9s\n' file raw gzip
cold_raw=0 cold_gz=0 index_gz=0 largest_gz=0 largest="" search_gz=0
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -n -c "$f" | wc -c)
  printf '%-48s %9d %9d\n' "$f" "$raw" "$gz"
  case "$f" in
    *.html) if (( gz > largest_gz )); then largest_gz=$gz largest=$f; fi ;;
  esac
  [[ "$f" == ./index.html ]] && index_gz=$gz
  case "$f" in
    ./index.html|*.css|./nhs-login-help-*.js|./nhs-login-help-*.wasm|*/favicon.svg) cold_raw=$((cold_raw + raw)); cold_gz=$((cold_gz + gz)) ;;
    ./search-engine.wasm|./search-index.bin|./site-bodies.json) search_gz=$((search_gz + gz)) ;;
  esac
done < <(find . -type f | sort)
printf '%-48s %9d %9d\n' "cold load (index.html + css + js + wasm + icon)" "$cold_raw" "$cold_gz"
printf '%-48s %9s %9d
' "cold load of the largest page (${largest#./})" "" "$((cold_gz - index_gz + largest_gz))"
largest_cold=$((cold_gz - index_gz + largest_gz))
printf '%-48s %9s %9d\n' "first search adds (engine + index + page text)" "" "$search_gz"
if [[ -n "${BUDGET:-}" ]] && (( largest_cold > BUDGET )); then
  echo "over budget: the cold load of ${largest#./} is $largest_cold bytes gzip, over $BUDGET" >&2
  exit 1
fi
