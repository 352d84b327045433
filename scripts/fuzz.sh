#!/usr/bin/env bash
# make fuzz: runs every Fuzz target of the module for FUZZTIME (default 20s) each. Go fuzzes one
# target per run, so the targets are found with grep and run one after another. A target that
# fails does not stop the others; the new crasher lands in the package's testdata/fuzz/<Target>/
# (commit it with the fix, so it stays a regression test), and the script ends non-zero.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fuzztime=${FUZZTIME:-20s}
found=0
failed=()
while IFS= read -r file; do
  dir=$(dirname "$file")
  for name in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
    found=$((found + 1))
    echo "== $dir $name ($fuzztime)"
    if ! go test -tags ci -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "./$dir"; then
      failed+=("$dir $name")
    fi
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | grep -v '^./build/' | sort)
if [ "$found" -eq 0 ]; then
  echo "fuzz: no Fuzz targets found" >&2
  exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} of $found targets failed (crashers are in their testdata/fuzz folders):" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "fuzz: $found targets, $fuzztime each, no failures"
