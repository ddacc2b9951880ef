#!/usr/bin/env bash
# Tasks benchmark (issue 4): PostgreSQL with its default durability, 50,000 existing tasks, the
# audit chain on, wrk on loopback sharing the machine's cores. Prints a table. Not part of the tests.
#   bench/tasks.sh [seconds-per-run]      (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
source scripts/lib/postgres.sh
ensure_packages wrk
start_postgres -c shared_buffers=512MB
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U threeclears -d threeclears -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -h 127.0.0.1 -p "$pg_port" -U threeclears -d postgres -qc "CREATE DATABASE threeclears"

dotnet build src/ThreeClears.Web -c Release -nologo -v q >/dev/null
port=$(free_port)
base="http://127.0.0.1:$port"
log=$(mktemp /tmp/threeclears-bench.XXXXXX.log)
Database__Provider=postgres ConnectionStrings__Default="$pg_conn;Database=threeclears;Maximum Pool Size=64" \
THREECLEARS_DEMO=true THREECLEARS_ADMIN_PASSWORD=bench-admin-1 Logging__LogLevel__Default=Warning \
RateLimits__LoginPerMinute=100000 \
  dotnet src/ThreeClears.Web/bin/Release/net10.0/ThreeClears.Web.dll --urls "$base" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; stop_postgres' EXIT
for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

echo "Seeding 50,000 tasks …"
psql_ <<'SQL'
WITH owners AS (
  SELECT u.id, u.org_unit_id, row_number() OVER (ORDER BY u.id) - 1 AS n, count(*) OVER () AS total
  FROM users u WHERE u.user_name <> 'admin' AND u.user_name <> 'officer.xd'),
  xd AS (SELECT id, org_unit_id FROM users WHERE user_name = 'officer.xd'),
  director AS (SELECT id FROM users WHERE user_name = 'director.xd')
INSERT INTO tasks (id, title, product_description, product_unit, target_quantity, original_target_quantity, kind, owner_id,
  owner_org_unit_id, assigned_by_id, start_date, due_date, created_on, created_at, delivered_quantity, status, status_on,
  reassignments, overdue_escalated, version)
SELECT g, 'Việc số ' || g, 'Sản phẩm cuối cùng số ' || g, 'km', 10, 10, 'Output', xd.id, xd.org_unit_id, director.id,
  DATE '2026-01-01', DATE '2026-01-01' + (g % 700), DATE '2026-01-01', now(), 0,
  (ARRAY['OnTrack','AtRisk','Overdue','NotStarted','CompletedOnTime'])[1 + g % 5], CURRENT_DATE, 0, false, 1
FROM generate_series(1, 5000) g, xd, director;
SQL
psql_ <<'SQL'
WITH owners AS (
  SELECT u.id, u.org_unit_id, row_number() OVER (ORDER BY u.id) - 1 AS n, count(*) OVER () AS total
  FROM users u WHERE u.user_name NOT IN ('admin', 'officer.xd'))
INSERT INTO tasks (id, title, product_description, product_unit, target_quantity, original_target_quantity, kind, owner_id,
  owner_org_unit_id, assigned_by_id, start_date, due_date, created_on, created_at, delivered_quantity, status, status_on,
  reassignments, overdue_escalated, version)
SELECT 5000 + g, 'Việc số ' || g, 'Sản phẩm cuối cùng số ' || g, 'nhà', 20, 20, 'Outcome', o.id, o.org_unit_id, o.id,
  DATE '2026-01-01', DATE '2026-01-01' + (g % 700), DATE '2026-01-01', now(), 0,
  (ARRAY['OnTrack','AtRisk','Overdue','NotStarted','CompletedLate'])[1 + g % 5], CURRENT_DATE, 0, false, 1
FROM generate_series(1, 45000) g JOIN owners o ON o.n = g % o.total;
SELECT setval('tasks_hilo', 50001);
ANALYZE;
SQL
first=$(psql_ -c "SELECT min(t.id) FROM tasks t JOIN users u ON u.id = t.owner_id WHERE u.user_name = 'officer.xd'")
last=$(psql_ -c "SELECT max(t.id) FROM tasks t JOIN users u ON u.id = t.owner_id WHERE u.user_name = 'officer.xd'")
echo "tasks: $(psql_ -c 'SELECT count(*) FROM tasks'); officer.xd owns ids $first..$last"

token() { curl -s -X POST "$base/api/auth/login" -H 'content-type: application/json' -d "{\"userName\":\"$1\",\"password\":\"demo\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
director=$(token director.xd)
officer=$(token officer.xd)
export BENCH_FIRST_ID=$first BENCH_LAST_ID=$last BENCH_OWNER=officer.xd

results=()
# The page login: a cookie from the login form (with its antiforgery token).
jar=$(mktemp)
form=$(curl -s -c "$jar" "$base/login" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$base/login" --data-urlencode "UserName=officer.xd" --data-urlencode "Password=demo" --data-urlencode "__RequestVerificationToken=$form"
page_cookie="tc_auth=$(awk '$6 == "tc_auth" {print $7}' "$jar")"

run() { # name, token, script, [path], [cookie], [connections]
  local name=$1 tok=$2 script=$3 path=${4:-} cookie=${5:-} conns=${6:-32}
  BENCH_TOKEN=$tok BENCH_PATH=$path BENCH_COOKIE=$cookie wrk -t$(( conns < 2 ? 1 : 2 )) -c"$conns" -d"${secs}s" --latency -s "bench/wrk/$script" "$base" > "$log.wrk" 2>&1
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$log.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$log.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$log.wrk")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$log.wrk"); non2xx=${non2xx:-0}
  results+=("$(printf '| %-34s | %10s | %8s | %8s | %7s |' "$name" "$rps" "$p50" "$p99" "$non2xx")")
}
curl -s "$base/api/tasks?owner=officer.xd&open=true&pageSize=25" -H "Authorization: Bearer $officer" | head -c 200; echo
run "list: owner's open tasks, 25/page" "$officer" get.lua "/api/tasks?owner=officer.xd&open=true&pageSize=25"
run "get one task (API)" "$officer" get.lua "/api/tasks/{id}"
run "task page (HTML), 1 connection" "" get.lua "/tasks/{id}" "$page_cookie" 1
run "task page (HTML), 32 connections" "" get.lua "/tasks/{id}" "$page_cookie"
run "create task" "$director" create.lua
run "report progress" "$officer" progress.lua

echo
echo "ThreeClears tasks benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), wrk -t2 -c32 -d${secs}s, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"
echo "| workload                           |  req/s     |  p50     |  p99     | non-2xx |"
echo "|------------------------------------|------------|----------|----------|---------|"
printf '%s\n' "${results[@]}"
echo
echo "tasks now: $(psql_ -c 'SELECT count(*) FROM tasks'), reports: $(psql_ -c 'SELECT count(*) FROM task_reports')"
echo "audit chain: $(curl -s "$base/api/audit/verify")"
grep -iE "fail|exception" "$log" | head -5 || true
