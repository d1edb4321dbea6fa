#!/usr/bin/env bash
# Usage: scripts/bench.sh [--quick] [--scale district|city] [--seed N] [--duration S] [--regenerate]
#
# Runs the benchmarks of docs/performance.md: installs what they need (nginx, wrk, sqlite3,
# Google Benchmark, sqlmap), builds the release preset with the benchmark programs, then runs
# bench/run.py, which generates (or reuses) the data set, measures the references and Xiaoan in
# the same run, prints one table and writes it as JSON under bench/results/; then
# bench/sqlmap.py, the SQL injection scan of every list, search, board and export route.
#   --quick   district scale, shorter runs: under 3 minutes once built (then about a minute of
#             sqlmap at level 1 and 7 minutes of fuzzing)
#   (default) city scale: within 15 minutes once built (the first run also generates the city
#             data set, which is then kept under bench/work/ until the generator changes);
#             then sqlmap at level 2 (under 2 minutes) and the fuzzers of scripts/fuzz.sh,
#             5 minutes per target
# Exits non-zero when sqlmap finds an injectable parameter or cannot test a route (after the
# fuzzers have run).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

bash scripts/setup.sh --with-bench

cmake --preset release
cmake --build --preset release -j2 --target xiaoan xiaoan-bench-insert xiaoan-bench-micro

python3 bench/run.py "$@"

quick=()
fuzz_seconds=300
for arg in "$@"; do
  if [[ $arg == --quick ]]; then
    quick=(--quick)
    fuzz_seconds=60
  fi
done

# The SQL injection scan: sqlmap on the demo district, level 2 (level 1 with --quick).
sqlmap_status=0
python3 bench/sqlmap.py "${quick[@]}" || sqlmap_status=$?

# The fuzzers, longer than in the test command: 5 minutes per target (1 with --quick).
bash scripts/setup.sh --with-fuzz
bash scripts/fuzz.sh "$fuzz_seconds"

exit "$sqlmap_status"
