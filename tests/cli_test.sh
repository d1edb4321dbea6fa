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

# The holiday notices: 2026 ships with the binary, later years are imported from a file.
check "calendar years" 0 "$bin" calendar years --data-dir "$d"
contains "the shipped 2026 notice" "国务院办公厅关于2026年部分节假日安排的通知"
cat >"$work/2027.json" <<'JSON'
{"year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知",
 "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "workdays": []},
              {"name": "春节", "from": "2027-02-06", "to": "2027-02-13", "workdays": ["2027-02-14"]}]}
JSON
check "calendar import" 0 "$bin" calendar import --data-dir "$d" "$work/2027.json"
contains "calendar import summary" "已导入 2027 年节假日安排：2 个节日，放假 11 天，调休上班 1 天"
sed 's/2027-02-14/2027-02-15/' "$work/2027.json" >"$work/2027-bad.json"
check "calendar import of a weekday make-up day" 1 "$bin" calendar import --data-dir "$d" "$work/2027-bad.json"
contains "the bad day is named" "holidays\[1\].workdays\[0\]"
check "calendar import of a missing file" 1 "$bin" calendar import --data-dir "$d" "$work/none.json"
check "calendar without a subcommand" 2 "$bin" calendar
check "backup" 0 "$bin" backup --data-dir "$d" "$work/backup.jsonl"
# Nothing the program writes is readable by other users of the machine.
modes=$(stat -c '%a' "$d/xiaoan.db" "$work/backup.jsonl" "$d" | tr '\n' ' ')
[ "$modes" = "640 640 750 " ] && passes=$((passes + 1)) || { echo "FAIL: file modes $modes (want 640 640 750)"; failures=$((failures + 1)); }
check "restore into empty" 0 "$bin" restore --data-dir "$work/b" "$work/backup.jsonl"
check "restored audit verifies" 0 "$bin" verify-audit --data-dir "$work/b"
check "restored holiday notices" 0 "$bin" calendar years --data-dir "$work/b"
contains "the imported 2027 notice is restored" "2027"
check "restore into non-empty is refused" 1 "$bin" restore --data-dir "$work/b" "$work/backup.jsonl"
a_count=$(sqlite3 "$d/xiaoan.db" "SELECT COUNT(*) FROM schools")
b_count=$(sqlite3 "$work/b/xiaoan.db" "SELECT COUNT(*) FROM schools")
[ "$a_count" = "$b_count" ] && [ "$a_count" -eq 40 ] && passes=$((passes + 1)) || { echo "FAIL: restored school count $b_count vs $a_count"; failures=$((failures + 1)); }

# Text that is not UTF-8 (stored by an older release or by hand; the API refuses it) makes no
# backup unrestorable: it is written as hex and restored byte for byte.
sqlite3 "$d/xiaoan.db" "UPDATE org_units SET address = CAST(X'E5ADA6FF0A' AS TEXT) WHERE id = (SELECT MIN(id) FROM org_units WHERE kind = 'school')"
check "backup with non-UTF-8 text" 0 "$bin" backup --data-dir "$d" "$work/backup2.jsonl"
check "restore with non-UTF-8 text" 0 "$bin" restore --data-dir "$work/c" "$work/backup2.jsonl"
hex=$(sqlite3 "$work/c/xiaoan.db" "SELECT hex(address) FROM org_units WHERE id = (SELECT MIN(id) FROM org_units WHERE kind = 'school')")
[ "$hex" = "E5ADA6FF0A" ] && passes=$((passes + 1)) || { echo "FAIL: restored bytes $hex"; failures=$((failures + 1)); }
check "restored copy verifies" 0 "$bin" verify-audit --data-dir "$work/c"

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

# One serve per address and per SQLite database: a second one is refused, naming the first, and
# the first keeps answering; once the first has stopped, the database can be served again.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
healthy() {  # healthy PORT: the server answers /api/v1/health within 30 s
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$1/api/v1/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}
p1=$(free_port)
p2=$(free_port)
"$bin" serve --data-dir "$d" --listen "127.0.0.1:$p1" >"$work/serve1.log" 2>&1 &
serve1=$!
if healthy "$p1"; then passes=$((passes + 1)); else
  echo "FAIL: first serve did not start"; sed 's/^/    /' "$work/serve1.log"; failures=$((failures + 1))
fi
check "second serve on the same database refused" 1 "$bin" serve --data-dir "$d" --listen "127.0.0.1:$p2"
contains "names the process holding the database" "进程 $serve1，监听 127.0.0.1:$p1"
check "second serve on the same address refused" 1 "$bin" serve --data-dir "$work/other" --listen "127.0.0.1:$p1"
contains "names the process on the address" "地址已被占用；占用者：进程 $serve1"
check "same port on every address refused" 1 "$bin" serve --data-dir "$work/other" --listen "0.0.0.0:$p1"
check "malformed listen refused" 1 "$bin" serve --data-dir "$work/other" --listen "127.0.0.1:${p2}a"
contains "names the option" "命令行 --listen"
check "unknown setting in the environment refused" 1 env XIAOAN_SERVER_THREDS=2 "$bin" serve --data-dir "$work/other" --listen "127.0.0.1:$p2"
contains "names the variable" "XIAOAN_SERVER_THREDS"
printf '[server]\nthreads = 2x\n' >"$work/bad.ini"
check "malformed number in the file refused" 1 "$bin" serve --config "$work/bad.ini" --data-dir "$work/other"
contains "names the file and line" "bad.ini 第 2 行"
check "unknown option refused" 2 "$bin" serve --data-dir "$work/other" --threads 2
if kill -0 "$serve1" 2>/dev/null && curl -fsS "http://127.0.0.1:$p1/api/v1/health" | grep -q '"status":"ok"'; then
  passes=$((passes + 1))
else
  echo "FAIL: the first serve stopped answering"; failures=$((failures + 1))
fi
requests=$(grep -c "GET /api/v1/health 200" "$work/serve1.log" || true)
[ "$requests" -ge 2 ] && passes=$((passes + 1)) || { echo "FAIL: first serve logged $requests health requests"; failures=$((failures + 1)); }
kill -TERM "$serve1"
wait "$serve1" && passes=$((passes + 1)) || { echo "FAIL: first serve exit status $?"; failures=$((failures + 1)); }
"$bin" serve --data-dir "$d" --listen "127.0.0.1:$p1" >"$work/serve2.log" 2>&1 &
serve2=$!
if healthy "$p1"; then passes=$((passes + 1)); else
  echo "FAIL: serve after the first stopped did not start"; sed 's/^/    /' "$work/serve2.log"; failures=$((failures + 1))
fi
kill -9 "$serve2" 2>/dev/null
wait "$serve2" 2>/dev/null || true
# kill -9 leaves the lock file but not the lock: the kernel released it with the process.
"$bin" serve --data-dir "$d" --listen "127.0.0.1:$p2" >"$work/serve3.log" 2>&1 &
serve3=$!
if healthy "$p2"; then passes=$((passes + 1)); else
  echo "FAIL: serve after kill -9 did not start"; sed 's/^/    /' "$work/serve3.log"; failures=$((failures + 1))
fi
kill -TERM "$serve3"
wait "$serve3" || true

# The GM profile turned on for an existing demo database: the phones in the raw database are
# sealed (not one in plain text), the key file is 0600, off again opens them, and without the
# key the database is refused rather than shown raw.
g="$work/gm"
check "demo before the GM profile" 0 "$bin" demo --data-dir "$g" --seed 5
plain_before=$(sqlite3 "$g/xiaoan.db" "SELECT COUNT(*) FROM org_units WHERE phone LIKE '0571-%'")
check "protect-fields turns the GM profile on" 0 env XIAOAN_SECURITY_FIELD_ENCRYPTION=sm4 "$bin" protect-fields --data-dir "$g"
contains "protect-fields counts" "项为密文"
sealed=$(sqlite3 "$g/xiaoan.db" "SELECT COUNT(*) FROM org_units WHERE phone LIKE 'sm4:1:%'")
plain_after=$(sqlite3 "$g/xiaoan.db" "SELECT COUNT(*) FROM org_units WHERE phone <> '' AND phone NOT LIKE 'sm4:%'")
# A phone number as typed ("0571-…"): the sealed values are hex, where "0571" alone turns up by
# chance now and then, but never with the dash.
digits=$(sqlite3 "$g/xiaoan.db" "SELECT COUNT(*) FROM org_units WHERE phone LIKE '%0571-%'")
if [ "$plain_before" -gt 0 ] && [ "$sealed" -eq "$plain_before" ] && [ "$plain_after" -eq 0 ] && [ "$digits" -eq 0 ] &&
  [ "$(stat -c %a "$g/field.key")" = 600 ]; then passes=$((passes + 1)); else
  echo "FAIL: GM profile: $plain_before plain before, $sealed sealed, $plain_after plain after, $digits with digits, key $(stat -c %a "$g/field.key")"
  failures=$((failures + 1))
fi
check "verify-audit after protect-fields" 0 "$bin" verify-audit --data-dir "$g"
check "protect-fields again changes nothing" 0 env XIAOAN_SECURITY_FIELD_ENCRYPTION=sm4 "$bin" protect-fields --data-dir "$g"
contains "nothing rewritten" "改写 0 项"
check "protect-fields with the profile off" 0 "$bin" protect-fields --data-dir "$g"
reopened=$(sqlite3 "$g/xiaoan.db" "SELECT COUNT(*) FROM org_units WHERE phone LIKE '0571-%'")
[ "$reopened" -eq "$plain_before" ] && passes=$((passes + 1)) || { echo "FAIL: $reopened phones opened of $plain_before"; failures=$((failures + 1)); }
check "protect-fields on again" 0 env XIAOAN_SECURITY_FIELD_ENCRYPTION=sm4 "$bin" protect-fields --data-dir "$g"
mv "$g/field.key" "$g/field.key.moved"
check "sealed fields without their key are refused" 1 "$bin" protect-fields --data-dir "$g"
contains "the refusal names the setting" "security.field_key_file"

if [ -n "${XIAOAN_TEST_PG_URL:-}" ]; then
  # Move the SQLite backup into PostgreSQL: a fresh database on the test server.
  db="xiaoan_cli_$$"
  psql -q "$XIAOAN_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
  pg_url="${XIAOAN_TEST_PG_URL%/*}/$db"
  check "restore sqlite backup into postgres" 0 "$bin" restore --database "$pg_url" "$work/backup.jsonl"
  check "postgres audit verifies" 0 "$bin" verify-audit --database "$pg_url"
  check "postgres demo refused on data" 1 "$bin" demo --database "$pg_url"
  # Several instances share a PostgreSQL database, each on its own address.
  q1=$(free_port)
  q2=$(free_port)
  "$bin" serve --database "$pg_url" --data-dir "$work/pg1" --listen "127.0.0.1:$q1" >"$work/pg1.log" 2>&1 &
  pg1=$!
  healthy "$q1" || true
  "$bin" serve --database "$pg_url" --data-dir "$work/pg2" --listen "127.0.0.1:$q2" >"$work/pg2.log" 2>&1 &
  pg2=$!
  if healthy "$q1" && healthy "$q2"; then passes=$((passes + 1)); else
    echo "FAIL: two instances on one PostgreSQL database"; sed 's/^/    /' "$work/pg1.log" "$work/pg2.log"; failures=$((failures + 1))
  fi
  check "postgres instance on a taken address refused" 1 "$bin" serve --database "$pg_url" --listen "127.0.0.1:$q1"
  kill -TERM "$pg1" "$pg2"
  wait "$pg1" "$pg2" || true
  psql -q "$XIAOAN_TEST_PG_URL" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi

echo "cli_test: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
