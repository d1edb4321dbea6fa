#!/usr/bin/env bash
# Usage: scripts/bench.sh [--quick] [--scale district|city] [--seed N] [--duration S] [--regenerate]
#
# Runs the benchmarks of docs/performance.md: installs what they need (nginx, wrk, sqlite3,
# Google Benchmark), builds the release preset with the benchmark programs, then runs
# bench/run.py, which generates (or reuses) the data set, measures the references and Xiaoan in
# the same run, prints one table and writes it as JSON under bench/results/.
#   --quick   district scale, shorter runs: under 3 minutes once built (then 7 minutes of fuzzing)
#   (default) city scale: within 15 minutes once built (the first run also generates the city
#             data set, which is then kept under bench/work/ until the generator changes);
#             then the fuzzers of scripts/fuzz.sh, 5 minutes per target
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

bash scripts/setup.sh --with-bench

cmake --preset release
cmake --build --preset release -j2 --target xiaoan xiaoan-bench-insert xiaoan-bench-micro

python3 bench/run.py "$@"

# The fuzzers, longer than in the test command: 5 minutes per target (1 with --quick).
fuzz_seconds=300
for arg in "$@"; do
  [[ $arg == --quick ]] && fuzz_seconds=60
done
bash scripts/setup.sh --with-fuzz
bash scripts/fuzz.sh "$fuzz_seconds"
