#!/usr/bin/env bash
# Usage: scripts/test.sh
#
# Set up and test: installs the build dependencies (with Node.js and Chromium), type-checks,
# unit-tests and builds the web console, configures and builds the ci preset (-O1 -g1,
# ASan + UBSan, warnings as errors), runs the whole ctest suite against a throw-away PostgreSQL
# server (scripts/with-postgres.sh), the fuzzers briefly (scripts/fuzz.sh), then the console's
# end-to-end tests in headless Chromium
# (screenshots in web/e2e-results/). XIAOAN_REQUIRE_PG=1 makes the
# PostgreSQL tests fail rather than skip when no server is reachable. Exits non-zero if any stage fails.
# Works from any directory.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

# Sanitizer runtime options; a caller's own setting wins.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export XIAOAN_REQUIRE_PG=1

now() { date +%s.%N; }
total_start=$(now)
stage_start=$total_start
stage_name=""

begin() {
  stage_name=$1
  stage_start=$(now)
  echo "==> $stage_name"
}

end() {
  local status=${1:-0}
  awk -v a="$stage_start" -v b="$(now)" -v n="$stage_name" -v s="$status" \
    'BEGIN { printf "==> %s: %.1f s%s\n", n, b - a, (s == 0 ? "" : " (exit " s ")") }'
}

begin "setup"
bash scripts/setup.sh --with-browser --with-fuzz
end

begin "web: type-check and component tests"
bash scripts/web.sh check
end

begin "web: build"
bash scripts/web.sh build
end

begin "configure (ci preset)"
cmake --preset ci
end

begin "build (ci preset)"
cmake --build --preset ci -j2
end

begin "test (ctest with PostgreSQL)"
status=0
bash scripts/with-postgres.sh ctest --preset ci --output-on-failure -j2 || status=$?
end "$status"

begin "fuzz (libFuzzer, 20 s per target)"
fuzz_status=0
bash scripts/fuzz.sh 20 || fuzz_status=$?
end "$fuzz_status"
if ((status == 0)); then
  status=$fuzz_status
fi

begin "web: end-to-end (Chromium)"
e2e_status=0
bash scripts/web.sh e2e build/ci/src/xiaoan || e2e_status=$?
end "$e2e_status"
if ((status == 0)); then
  status=$e2e_status
fi

awk -v a="$total_start" -v b="$(now)" -v s="$status" \
  'BEGIN { printf "==> total: %.1f s, tests %s\n", b - a, (s == 0 ? "passed" : "FAILED (exit " s ")") }'
exit "$status"
