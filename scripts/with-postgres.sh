#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARGS...]
#
# Runs CMD against a throw-away PostgreSQL 15 server: XIAOAN_TEST_PG_URL is exported as
# postgresql://postgres:PASSWORD@127.0.0.1:PORT/xiaoan_test. The server and its directory are
# removed afterwards, also when CMD fails or on Ctrl-C, and the script exits with CMD's status.
# When XIAOAN_TEST_PG_URL is already set (CI service container, developer's own server), CMD
# simply runs against that.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

if [[ -n "${XIAOAN_TEST_PG_URL:-}" ]]; then
  exec "$@"
fi

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
FIRST_PORT=55432
LAST_PORT=55531
DB_NAME=xiaoan_test
DB_USER=postgres

for tool in initdb pg_ctl; do
  if [[ ! -x "$PG_BIN/$tool" ]]; then
    echo "with-postgres: $PG_BIN/$tool not found (install postgresql-15 or set PG_BIN)" >&2
    exit 2
  fi
done

# initdb and the server refuse to run as root, so as root they run as the postgres account,
# which then needs its own files inside a directory it can traverse but not list (711).
as_root=0
if [[ $(id -u) -eq 0 ]]; then
  as_root=1
fi

as_pg() {
  if ((as_root)); then
    # cd / : postgres may not be allowed into the caller's working directory.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-pg.XXXXXX")
data_dir="$work_dir/data"
pw_file="$work_dir/pwfile"
log_file="$work_dir/postgres.log"
started=0

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  if ((started)); then
    as_pg "$PG_BIN/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 ||
      as_pg "$PG_BIN/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work_dir" || true
}
trap cleanup EXIT
# Turning signals into exits makes the EXIT trap run; 128+N is the shell convention.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

chmod 711 "$work_dir"
mkdir -m 700 "$data_dir"
# Hex keeps the password safe to put in a URI without percent-encoding.
password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
(umask 077 && printf '%s\n' "$password" >"$pw_file")
: >"$log_file"
if ((as_root)); then
  chown postgres: "$data_dir" "$pw_file" "$log_file"
fi

if ! as_pg "$PG_BIN/initdb" -D "$data_dir" -U "$DB_USER" --pwfile="$pw_file" \
  --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$work_dir/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  cat "$work_dir/initdb.log" >&2
  exit 1
fi
rm -f "$pw_file"

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Another run (the other engineer's tests, a second checkout) may take a port between the probe
# and the bind, so a failed start moves on to the next port instead of giving up.
port=""
for ((candidate = FIRST_PORT; candidate <= LAST_PORT; candidate++)); do
  if port_in_use "$candidate"; then
    continue
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$data_dir" -l "$log_file" \
    -o "-p $candidate -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data_dir -c fsync=on" \
    -w start >/dev/null 2>&1; then
    port=$candidate
    started=1
    break
  fi
  if ! grep -qi "could not bind\|address already in use\|could not create any TCP/IP sockets" \
    "$log_file"; then
    echo "with-postgres: the server did not start:" >&2
    cat "$log_file" >&2
    exit 1
  fi
  : >"$log_file"
done
if [[ -z "$port" ]]; then
  echo "with-postgres: no free port in $FIRST_PORT-$LAST_PORT" >&2
  exit 1
fi

# Over the Unix socket in the private data directory (trust): the password stays off argv.
if ! as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$data_dir" -p "$port" -U "$DB_USER" -d postgres \
  -c "CREATE DATABASE $DB_NAME" >/dev/null; then
  echo "with-postgres: could not create database $DB_NAME" >&2
  exit 1
fi

export XIAOAN_TEST_PG_URL="postgresql://$DB_USER:$password@127.0.0.1:$port/$DB_NAME"
echo "with-postgres: started PostgreSQL at postgresql://$DB_USER@127.0.0.1:$port/$DB_NAME" >&2

status=0
"$@" || status=$?
exit "$status"
