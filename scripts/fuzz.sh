#!/usr/bin/env bash
# fuzz.sh DURATION — run every Go fuzz target for DURATION each.
# `make test` runs it briefly as a regression check; `make fuzz` runs it long
# and appends the figures to docs/fuzzing.md when FUZZ_RECORD=1.
set -euo pipefail
dur=${1:-3s}
cd "$(dirname "$0")/.."
status=0
while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^.*func (Fuzz[A-Za-z0-9_]+).*/\1/' <<<"$line")
  pkg=./$(dirname "$file")
  echo "fuzz $pkg $name ($dur)"
  out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "$dur" "$pkg" 2>&1) || { echo "$out"; status=1; }
  tail -n 3 <<<"$out" | grep -E 'execs|ok|FAIL' | tail -n 2 || true
done < <(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' provenance app cmd 2>/dev/null || true)
exit $status
