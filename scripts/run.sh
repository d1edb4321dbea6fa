#!/usr/bin/env bash
# Usage: scripts/run.sh [SERVE-OPTIONS...]
#
# Set up and run: installs the build dependencies, builds the release preset and the web console
# (web/dist), creates ./var/
# with a migrated database and demo data on the first run, prints the URL and the demo logins,
# then replaces itself with `xiaoan serve --data-dir var SERVE-OPTIONS...`.
# Works from any directory. Ctrl-C (SIGINT) stops the server gracefully.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

bash scripts/setup.sh --with-node

cmake --preset release
cmake --build --preset release -j2
bash scripts/web.sh build

xiaoan=build/release/src/xiaoan
if [[ ! -x "$xiaoan" ]]; then
  echo "run: $xiaoan was not built" >&2
  exit 1
fi

mkdir -p var

if [[ ! -e var/xiaoan.db ]]; then
  echo "run: first run: creating var/xiaoan.db with demo data"
  if ! "$xiaoan" migrate --data-dir var || ! "$xiaoan" demo --data-dir var; then
    # The database was created just now, so removing it is safe, and the next run starts over
    # instead of serving a half-seeded database.
    rm -f var/xiaoan.db var/xiaoan.db-wal var/xiaoan.db-shm var/demo-accounts.txt
    echo "run: creating the demo database failed" >&2
    exit 1
  fi
fi

# The address the server will listen on: --listen among the arguments, else the environment,
# else the default. (A listen= in a --config file is not looked at here.)
listen="${XIAOAN_SERVER_LISTEN:-127.0.0.1:8080}"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --listen=*) listen="${args[i]#--listen=}" ;;
    --listen)
      if ((i + 1 < ${#args[@]})); then
        listen="${args[i + 1]}"
      fi
      ;;
  esac
done
host="${listen%:*}"
port="${listen##*:}"
case "$host" in
  "" | 0.0.0.0) host=127.0.0.1 ;;
  "[::]") host="[::1]" ;;
esac

echo
echo "Xiaoan 校安 is starting at http://$host:$port/"
if [[ -f var/demo-accounts.txt ]]; then
  echo
  echo "Demo accounts (var/demo-accounts.txt):"
  cat var/demo-accounts.txt
fi
echo

exec "$xiaoan" serve --data-dir var "$@"
