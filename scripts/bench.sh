#!/usr/bin/env bash
# bench.sh — run the Go benchmarks and write the figures to docs/benchmarks.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
go test -run '^$' -bench . -benchmem -benchtime=${BENCHTIME:-1x} ./... 2>&1 | tee docs/benchmarks.txt
