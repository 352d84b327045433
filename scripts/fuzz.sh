#!/usr/bin/env bash
# Runs every Fuzz target of the module for FUZZTIME (default 30s) each. Go fuzzes one target
# per run, so the targets are found with grep and run one after another.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fuzztime=${FUZZTIME:-30s}
found=0
while IFS= read -r file; do
  dir=$(dirname "$file")
  for name in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
    found=$((found + 1))
    echo "== $dir $name ($fuzztime)"
    go test -tags ci -run XXX -fuzz "^${name}\$" -fuzztime "$fuzztime" "./$dir"
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | grep -v '^./build/' | sort)
if [ "$found" -eq 0 ]; then
  echo "fuzz: no Fuzz targets found" >&2
  exit 1
fi
echo "fuzz: $found targets, $fuzztime each, no failures"
