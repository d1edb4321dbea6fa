#!/usr/bin/env bash
# Usage: scripts/web.sh build | check | e2e XIAOAN-BINARY
#
# The web console (web/): installs its npm packages with `npm ci` from the committed lock file
# (again only when the lock file changed), then
#   build   builds it into web/dist (served by `xiaoan serve`, server.web_root)
#   check   type-checks it (vue-tsc, strict) and runs the Vitest component and store tests
#   e2e     runs the end-to-end tests (two files at a time) in headless Debian Chromium against a server started from
#           XIAOAN-BINARY with a fresh demo database; screenshots go to web/e2e-results/
# Needs node and npm (scripts/setup.sh --with-node) and, for e2e, /usr/bin/chromium
# (scripts/setup.sh --with-browser).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root/web"

install_packages() {
  local stamp=node_modules/.xiaoan-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  echo "web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

cmd=${1:-build}
case "$cmd" in
  build)
    install_packages
    npx --no-install vite build --logLevel warn
    ;;
  check)
    install_packages
    npx --no-install vue-tsc --noEmit
    npx --no-install vitest run
    ;;
  e2e)
    if [[ $# -lt 2 ]]; then
      echo "web: e2e needs the xiaoan binary" >&2
      exit 2
    fi
    binary=$(cd "$repo_root" && realpath "$2")
    install_packages
    if [[ ! -f dist/index.html ]]; then
      npx --no-install vite build --logLevel warn
    fi
    # The demo district is seeded once; each file's server starts from its own copy of it
    # (e2e/harness.mjs), which saves a sanitized seeding per file.
    seed_dir=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-e2e-seed-XXXXXX")
    trap 'rm -rf "$seed_dir"' EXIT
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$binary" migrate --data-dir "$seed_dir" >/dev/null
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$binary" demo --data-dir "$seed_dir" >/dev/null
    # Two files at a time (E2E_JOBS): each has its own server and browser, and most of a test's
    # time is spent waiting on the page.
    XIAOAN_BIN="$binary" XIAOAN_E2E_SEED_DIR="$seed_dir" \
      node --test --test-concurrency="${E2E_JOBS:-2}" --test-reporter=spec e2e/
    ;;
  -h | --help)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    echo "web: unknown command: $cmd (try --help)" >&2
    exit 2
    ;;
esac
