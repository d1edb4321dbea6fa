#!/usr/bin/env bash
# The xiaoan command line: exit codes, demo, verify-audit against a tampered database, backup and
# restore, create-admin, and refusing a database newer than the binary. Runs on SQLite, and on
# PostgreSQL too when XIAOAN_TEST_PG_URL is set.
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
# Called directly (never at the end of a pipe, which would run it in a subshell and lose the
# counts); standard input goes to the command, e.g. check ... <<<'password'.
check() {  # check NAME EXPECTED_EXIT CMD...
  local name=$1 want=$2
  shift 2
  local got=0
  "$@" >"$work/out" 2>&1 || got=$?
  if [ "$got" -eq "$want" ]; then
    passes=$((passes + 1))
  else
    echo "FAIL: $name: exit $got, expected $want"
    sed 's/^/    /' "$work/out"
    failures=$((failures + 1))
  fi
}
contains() {  # contains NAME TEXT  (in the last command's output)
  if grep -q -- "$2" "$work/out"; then passes=$((passes + 1)); else
    echo "FAIL: $1: output lacks '$2'"
    sed 's/^/    /' "$work/out"
    failures=$((failures + 1))
  fi
}

check "version" 0 "$bin" version
contains "version text" "xiaoan "
check "unknown subcommand" 2 "$bin" frobnicate
check "bad database url" 1 "$bin" migrate --database "mysql://x"
contains "bad database message" "sqlite:"
check "bad config file" 1 "$bin" migrate --config "$work/none.ini"

d="$work/a"
check "migrate" 0 "$bin" migrate --data-dir "$d"
check "demo" 0 "$bin" demo --data-dir "$d" --seed 9
contains "demo prints a login" "用户名 sysadmin"
test -s "$d/demo-accounts.txt" && passes=$((passes + 1)) || { echo "FAIL: demo-accounts.txt"; failures=$((failures + 1)); }
check "demo twice is refused" 1 "$bin" demo --data-dir "$d"
check "verify-audit ok" 0 "$bin" verify-audit --data-dir "$d"
check "create-admin" 0 "$bin" create-admin --data-dir "$d" --username itadmin --password-stdin <<<'Str0ng#Passw0rd'
check "create-admin weak password" 1 "$bin" create-admin --data-dir "$d" --username other --password-stdin <<<'weak'
contains "weak password names the field" "password"
check "create-admin duplicate" 1 "$bin" create-admin --data-dir "$d" --username itadmin --password-stdin <<<'Str0ng#Passw0rd'

check "backup" 0 "$bin" backup --data-dir "$d" "$work/backup.jsonl"
check "restore into empty" 0 "$bin" restore --data-dir "$work/b" "$work/backup.jsonl"
check "restored audit verifies" 0 "$bin" verify-audit --data-dir "$work/b"
check "restore into non-empty is refused" 1 "$bin" restore --data-dir "$work/b" "$work/backup.jsonl"
a_count=$(sqlite3 "$d/xiaoan.db" "SELECT COUNT(*) FROM schools")
b_count=$(sqlite3 "$work/b/xiaoan.db" "SELECT COUNT(*) FROM schools")
[ "$a_count" = "$b_count" ] && [ "$a_count" -eq 40 ] && passes=$((passes + 1)) || { echo "FAIL: restored school count $b_count vs $a_count"; failures=$((failures + 1)); }

# Tamper with one audit record directly in the database: verify-audit names it and fails.
sqlite3 "$d/xiaoan.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = 'edited' WHERE id = 2;"
check "verify-audit detects an edit" 1 "$bin" verify-audit --data-dir "$d"
contains "names the record" "id=2"

check "archive-audit inside retention refused" 1 "$bin" archive-audit --data-dir "$work/b" --before "$(date -u +%F)" "$work/archive.jsonl"
contains "retention message" "180"
check "archive-audit with nothing that old" 0 "$bin" archive-audit --data-dir "$work/b" --before 2020-01-01 "$work/archive.jsonl"

# A database written by a newer release is refused.
sqlite3 "$work/b/xiaoan.db" "INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')"
check "newer schema refused" 1 "$bin" migrate --data-dir "$work/b"
contains "newer schema message" "高于本程序支持的版本"

# A new deployment: organisation, then the three administrators.
n="$work/new"
check "create-admin before any bureau" 1 "$bin" create-admin --data-dir "$n" --username first --password-stdin <<<'Kestrel#Meadow81'
check "init-org bad region" 1 "$bin" init-org --data-dir "$n" --region "3300=x" --bureau "某教育局"
check "init-org" 0 "$bin" init-org --data-dir "$n" --region "330000=浙江省" --region "330100=杭州市" --region "330106=西湖区" --bureau "西湖区教育局"
check "init-org twice" 1 "$bin" init-org --data-dir "$n" --region "330000=浙江省" --bureau "又一个教育局"
for r in system_admin security_admin audit_admin; do
  check "create-admin $r" 0 "$bin" create-admin --data-dir "$n" --username "a_$r" --password-stdin --role "$r" <<<'Kestrel#Meadow81'
done
check "create-admin unknown role" 2 "$bin" create-admin --data-dir "$n" --username x --password-stdin --role teacher
roles=$(sqlite3 "$n/xiaoan.db" "SELECT COUNT(DISTINCT r.code) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id")
[ "$roles" = "3" ] && passes=$((passes + 1)) || { echo "FAIL: three administrators expected, roles=$roles"; failures=$((failures + 1)); }
check "verify-audit new deployment" 0 "$bin" verify-audit --data-dir "$n"
sqlite3 "$n/xiaoan.db" "UPDATE users SET failed_logins = 5, locked_until = '2999-01-01T00:00:00.000Z', totp_enabled = 1, totp_secret = 'ABC' WHERE username = 'a_security_admin'"
check "recover-account weak password" 1 "$bin" recover-account --data-dir "$n" --username a_security_admin --password-stdin <<<'weak'
check "recover-account" 0 "$bin" recover-account --data-dir "$n" --username a_security_admin --password-stdin <<<'Otter#Quarry55'
state=$(sqlite3 "$n/xiaoan.db" "SELECT failed_logins || '/' || COALESCE(locked_until, '-') || '/' || totp_enabled || '/' || must_change_password FROM users WHERE username = 'a_security_admin'")
[ "$state" = "0/-/0/1" ] && passes=$((passes + 1)) || { echo "FAIL: recovered account state $state"; failures=$((failures + 1)); }
check "recover-account unknown user" 1 "$bin" recover-account --data-dir "$n" --username nobody --password-stdin <<<'Otter#Quarry55'

if [ -n "${XIAOAN_TEST_PG_URL:-}" ]; then
  # Move the SQLite backup into PostgreSQL: a fresh database on the test server.
  db="xiaoan_cli_$$"
  psql -q "$XIAOAN_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
  pg_url="${XIAOAN_TEST_PG_URL%/*}/$db"
  check "restore sqlite backup into postgres" 0 "$bin" restore --database "$pg_url" "$work/backup.jsonl"
  check "postgres audit verifies" 0 "$bin" verify-audit --database "$pg_url"
  check "postgres demo refused on data" 1 "$bin" demo --database "$pg_url"
  psql -q "$XIAOAN_TEST_PG_URL" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi

echo "cli_test: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
