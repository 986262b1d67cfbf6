#!/usr/bin/env bash
# Relevance side by side: our engine, MiniSearch and FlexSearch on each judge
# set, in one run of the browser benchmark per set, over the articles each
# set was written for. Prints one table per set (success@1, success@3, MRR).
# Usage: bash bench/search/relevance.sh   (a few minutes; no pass or fail)
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
sets=(
  "unseen tests/fixtures/help-centre"
  "judge tests/fixtures/help-centre"
  "tune tests/fixtures/help-centre"
  "tune-2 tests/fixtures/help-centre"
  "tune-3 tests/fixtures/help-centre"
  "public content"
)
for entry in "${sets[@]}"; do
  read -r name content <<<"$entry"
  out="target/search-bench-$name"
  echo "== $name.json over $content"
  QUERIES="tests/fixtures/queries/$name.json" CONTENT="$content" OUT="$out" bash bench/search/build.sh
  node bench/search/bench.mjs --corpus "$out" --queries "tests/fixtures/queries/$name.json" --corpora real --engines ours,minisearch,flexsearch
done
