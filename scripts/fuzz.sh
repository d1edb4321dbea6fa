#!/usr/bin/env bash
# Usage: scripts/fuzz.sh [SECONDS [TARGET…]]
#
# Builds the libFuzzer targets of fuzz/ with clang (the fuzz preset: ASan + UBSan) and runs each
# for SECONDS (default 20), one per core at a time: the HTTP request boundary, JSON bodies, query strings, file type
# detection and the .xlsx and CSV readers. The .xls target (xls) runs only when named: it finds
# FreeXL's own stack over-read (tests/fixtures/freexl-overread.xls) within seconds, which is why
# the server reads .xls in a child process (office::ReadXlsInChild). Seeds: fuzz/seeds/<target> and spreadsheets made
# by tests/fixtures/spreadsheets.py; the corpus grows in build/fuzz/corpus/<target> from run to
# run. Any crash, sanitizer report, leak, timeout (10 s) or memory beyond 2 GB fails the run; the
# input that caused it is kept in build/fuzz/crashes/. scripts/test.sh runs it briefly,
# scripts/bench.sh longer. Needs clang and libclang-rt-14-dev (scripts/setup.sh --with-fuzz).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
seconds=${1:-20}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(http_request json_body query file_type xlsx csv)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

out=build/fuzz
mkdir -p "$out/crashes" "$out/seeds/sheets"
# Debian's python3 has python3-openpyxl and python3-xlwt; another python3 first on PATH may not.
sheets_made=0
for py in /usr/bin/python3 python3; do
  if "$py" tests/fixtures/spreadsheets.py make "$out/seeds/sheets" >/dev/null 2>&1; then
    sheets_made=1
    break
  fi
done
((sheets_made)) || echo "fuzz: no spreadsheet seeds (python3-openpyxl or python3-xlwt missing)" >&2

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# One target per core at a time (FUZZ_JOBS, default the number of cores): each runs for SECONDS
# either way, so two cores halve the wall time.
jobs=${FUZZ_JOBS:-$(nproc)}
run_target() {
  local target=$1 corpus="$out/corpus/$1" log="$out/$1.log"
  local seeds=()
  mkdir -p "$corpus"
  [[ -d fuzz/seeds/$target ]] && seeds+=("fuzz/seeds/$target")
  case $target in
    xlsx | xls | csv) seeds+=("$out/seeds/sheets") ;;
  esac
  if "$out/fuzz/${target}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/crashes/${target}-" "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    echo "fuzz: $target: $(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1), corpus $(ls "$corpus" | wc -l) inputs"
  else
    echo "fuzz: $target FAILED:" >&2
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -20 >&2 || tail -30 "$log" >&2
    return 1
  fi
}
failed=0
pids=()
for target in "${targets[@]}"; do
  run_target "$target" &
  pids+=("$!")
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
exit "$failed"
