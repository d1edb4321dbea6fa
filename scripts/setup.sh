#!/usr/bin/env bash
# Usage: scripts/setup.sh [--with-browser]
#
# Installs the Debian 12 packages that building and testing Xiaoan need. Idempotent: packages
# already installed are left alone, and `apt-get update` runs only when something is missing, so
# a re-run takes well under a second.
#
#   --with-node      also install Node.js and npm when the `node` and `npm` commands are missing
#                    (to build the web console).
#   --with-browser   --with-node, plus Chromium and CJK fonts (for the browser tests).
#   --with-bench     the benchmark tools: nginx, wrk and sqlmap (scripts/bench.sh).
#   --with-fuzz      clang and its libFuzzer runtime (scripts/fuzz.sh).
#
# As root it installs directly; otherwise through sudo when sudo exists; otherwise it prints the
# missing packages and exits 1.
set -euo pipefail

# Boost is pinned to the versioned 1.81 packages: an unversioned libboost-*-dev would pull in a
# different default Boost and conflict with them. Do not add one here.
PACKAGES=(
  build-essential cmake ccache pkg-config git lld
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libssl-dev libsodium-dev libxlsxwriter-dev libzip-dev libexpat1-dev libfreexl-dev
  libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev libjemalloc-dev
  python3 python3-yaml python3-openpyxl python3-xlwt curl procps iproute2 ca-certificates
)

with_browser=0
with_node=0
with_bench=0
with_fuzz=0
for arg in "$@"; do
  case "$arg" in
    --with-node) with_node=1 ;;
    --with-bench) with_bench=1 ;;
    --with-fuzz) with_fuzz=1 ;;
    --with-browser)
      with_browser=1
      with_node=1
      ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup: unknown option: $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

if ((with_browser)); then
  # fonts-noto-cjk: Chinese text in the end-to-end screenshots instead of empty boxes.
  PACKAGES+=(chromium fonts-noto-cjk)
fi
if ((with_fuzz)); then
  PACKAGES+=(clang libclang-rt-14-dev)
fi
if ((with_bench)); then
  # nginx-light: the HTTP reference (started by bench/run.py on a free port, never as a service).
  # sqlmap: the SQL injection scan of bench/sqlmap.py.
  PACKAGES+=(nginx-light wrk sqlmap)
fi
if ((with_node)); then
  # A Node.js from another source (e.g. nodesource) bundles npm and conflicts with Debian's npm
  # package, so Debian's nodejs/npm are only installed when the commands are missing.
  if ! command -v node >/dev/null 2>&1; then
    PACKAGES+=(nodejs)
  fi
  if ! command -v npm >/dev/null 2>&1; then
    PACKAGES+=(npm)
  fi
fi

# Vite 7 needs Node.js 20.19 or later. Debian 12's own nodejs package is 18, so a machine that
# has no newer Node.js cannot build the console: say so plainly instead of failing inside Vite.
check_node() {
  ((with_node)) || return 0
  local v
  v=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
  local major=${v%%.*} rest=${v#*.}
  local minor=${rest%%.*}
  if ((major < 20 || (major == 20 && minor < 19))); then
    echo "setup: Node.js $v is too old to build the web console: 20.19 or later is needed" >&2
    exit 1
  fi
}

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! is_installed "$pkg"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages are installed"
  check_node
  exit 0
fi

echo "setup: missing packages: ${missing[*]}"

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "setup: not root and sudo is not available; install them with:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"

still_missing=()
for pkg in "${missing[@]}"; do
  if ! is_installed "$pkg"; then
    still_missing+=("$pkg")
  fi
done
if ((${#still_missing[@]} > 0)); then
  echo "setup: still not installed: ${still_missing[*]}" >&2
  exit 1
fi
echo "setup: installed ${missing[*]}"
check_node
