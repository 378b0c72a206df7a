#!/usr/bin/env bash
# bench.sh — run every Go benchmark once (BENCHTIME to change) and write the
# figures to docs/benchmarks.txt, headed by the date, machine and command.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
cmd="go test -run '^\$' -bench . -benchmem -benchtime=${BENCHTIME:-1x} ./..."
{
  echo "# make bench — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $cmd"
  echo "# Targets: scan of 10,000 articles < 10 s and < 1 GB (BenchmarkScan/10000);"
  echo "# compare view of two 5,000-word articles < 100 ms; open a 1,000-article workspace < 2 s."
  eval "$cmd" 2>&1
} | tee docs/benchmarks.txt.tmp
mv docs/benchmarks.txt.tmp docs/benchmarks.txt
