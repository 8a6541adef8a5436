#!/usr/bin/env bash
# Prints one closing line, "N passed, N failed, N skipped", over every .trx file in $1
# plus PY_PASSED / PY_FAILED from the Python client tests.
set -euo pipefail
dir="$1"; p=${PY_PASSED:-0}; f=${PY_FAILED:-0}; s=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  p=$((p + $(get passed))); f=$((f + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  s=$((s + $(get total) - $(get executed)))
done
echo "$p passed, $f failed, $s skipped"
