#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), seeded from the real
# content, and prints how many inputs each tried. Needs a nightly toolchain
# and `cargo install cargo-fuzz`. Corpora and crashes stay in fuzz/ (ignored by git).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")"
seconds="${1:-60}"
# Say what to install, rather than fail inside cargo with "no such command".
missing=()
command -v rustup >/dev/null 2>&1 && rustup run nightly rustc --version >/dev/null 2>&1 || missing+=("the nightly toolchain:  rustup toolchain install nightly")
cargo fuzz --version >/dev/null 2>&1 || missing+=("cargo-fuzz:             cargo install cargo-fuzz")
if ((${#missing[@]})); then
  echo "fuzz/run.sh needs, and did not find:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "Install them (rustup comes from https://rustup.rs), then run fuzz/run.sh again." >&2
  exit 2
fi
mkdir -p corpus/route corpus/search_query corpus/compile_article
i=0
for article in $(find ../content -name '*.md' | sort); do
  { printf "\\x$(printf %02x "$i")"; cat "$article"; } >"corpus/compile_article/seed-$i"
  i=$((i + 1))
done
printf '/manage.html\0cid3009\0error\0CID7023' >corpus/route/seed-error
printf '/index.html\0\0partner\0patientcentre\0return-link\0https://patientcentre.example/sign-in' >corpus/route/seed-partner
printf '/error-messages-support.html\0if-you-are-using-gmail-google-mail' >corpus/route/seed-details
for q in password 'pasword reset' 'CID 7023' 'landline number' 'locked out of my account'; do
  printf '%s' "$q" >"corpus/search_query/seed-${q// /-}"
done
for target in route search_query compile_article; do
  log="$(mktemp)"
  cargo +nightly fuzz run -O "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  echo "$target: $runs inputs in $seconds s, no crash"
done
