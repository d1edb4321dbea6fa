#!/usr/bin/env bash
# Usage: scripts/bench.sh [BENCHMARK-OPTIONS...]
#
# Builds the release preset and runs the micro-benchmarks (Google Benchmark). Extra arguments
# go to the benchmark binary, e.g. --benchmark_filter=Audit. Works from any directory.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

cmake --preset release
cmake --build --preset release -j2

bench=build/release/bench/xiaoan_micro_bench
if [[ ! -x "$bench" ]]; then
  echo "bench: $bench is not built yet (the benchmark suite comes with its own issue)" >&2
  exit 1
fi
exec "$bench" --benchmark_min_time=0.2 "$@"
