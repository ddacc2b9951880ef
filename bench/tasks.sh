#!/usr/bin/env bash
# Tasks benchmark (issue 4): PostgreSQL with its default durability, 50,000 existing tasks, the
# audit chain on, wrk on loopback sharing the machine's cores. Prints a table. Not part of the tests.
#   bench/tasks.sh [seconds-per-run]      (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
source scripts/lib/postgres.sh
ensure_packages wrk
# BENCH_PG_OPTS adds server settings, e.g. "-c shared_preload_libraries=pg_stat_statements" for profiling.
start_postgres -c shared_buffers=512MB ${BENCH_PG_OPTS:-}
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

echo "Seeding 2,000 officials and 50,000 tasks (25 each) …"
# The demo has tasks of its own, and the server holds a block of ids from the HiLo sequence (blocks
# of 100): the seeded tasks are numbered after both.
base_id=$(psql_ -c "SELECT greatest((SELECT COALESCE(max(id), 0) FROM tasks), (SELECT last_value FROM tasks_hilo)) + 100")
# A province as the issue sizes it: 2,000 officials spread over the units, 25 tasks each, every
# official's tasks numbered together so a workload can pick one of them. Passwords are 'demo'.
psql_ -v base="$base_id" <<'SQL'
INSERT INTO users (full_name, org_unit_id, position, version, created_at, user_name, normalized_user_name, email_confirmed,
  password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT 'Cán bộ ' || g, u.id, 'Chuyên viên', 1, now(), 'bench' || lpad(g::text, 4, '0'), 'BENCH' || lpad(g::text, 4, '0'), false,
  d.password_hash, md5(g::text), md5(g::text), false, false, true, 0
FROM generate_series(1, 2000) g
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM org_units WHERE parent_id IS NOT NULL AND dissolved_on IS NULL AND kind <> 'Partner') u ON u.n = g % u.total
CROSS JOIN (SELECT password_hash FROM users WHERE user_name = 'officer.xd') d;
INSERT INTO role_grants (user_id, role, org_unit_id, granted_at)
SELECT id, 'Officer', org_unit_id, now() FROM users WHERE user_name LIKE 'bench%';
WITH owners AS (SELECT id, org_unit_id, row_number() OVER (ORDER BY user_name) AS n FROM users WHERE user_name LIKE 'bench%'),
  director AS (SELECT id FROM users WHERE user_name = 'leader')
INSERT INTO tasks (id, title, product_description, product_unit, target_quantity, original_target_quantity, kind, owner_id,
  owner_org_unit_id, assigned_by_id, start_date, due_date, created_on, created_at, delivered_quantity, status, status_on,
  reassignments, overdue_escalated, version)
SELECT :base + (o.n - 1) * 25 + k, 'Việc số ' || k || ' của cán bộ ' || o.n, 'Sản phẩm cuối cùng', 'km', 10, 10,
  (ARRAY['Output','Outcome','Process'])[1 + k % 3], o.id, o.org_unit_id, director.id,
  DATE '2026-01-01', DATE '2026-01-01' + (k * 29 % 700), DATE '2026-01-01', now(), 0,
  (ARRAY['OnTrack','AtRisk','Overdue','NotStarted','CompletedOnTime'])[1 + k % 5], CURRENT_DATE, 0, false, 1
FROM owners o CROSS JOIN generate_series(1, 25) k CROSS JOIN director;
SELECT setval('tasks_hilo', :base + 50001);
VACUUM ANALYZE;
SQL
echo "tasks: $(psql_ -c 'SELECT count(*) FROM tasks'), officials: $(psql_ -c 'SELECT count(*) FROM users')"

token() { curl -s -X POST "$base/api/auth/login" -H 'content-type: application/json' -d "{\"userName\":\"$1\",\"password\":\"demo\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
director=$(token director.xd)
officer=$(token bench0001)
# 64 officials report progress at once, each on their own 25 tasks.
tokens=$(mktemp)
for i in $(seq 1 64); do echo "$(token "bench$(printf %04d "$i")") $(( base_id + (i - 1) * 25 + 1 )) $(( base_id + i * 25 ))"; done > "$tokens"
export BENCH_FIRST_ID=$(( base_id + 1 )) BENCH_LAST_ID=$(( base_id + 25 )) BENCH_OWNER=officer.xd BENCH_TOKENS=$tokens

# BENCH_HOLD=seconds keeps the seeded server up for profiling before the runs (details in /tmp/threeclears-bench.env).
if [ -n "${BENCH_HOLD:-}" ]; then
  printf 'base=%s\npg_port=%s\ndirector=%s\nofficer=%s\n' "$base" "$pg_port" "$director" "$officer" > /tmp/threeclears-bench.env
  sleep "$BENCH_HOLD"
fi

results=()
# The page login: a cookie from the login form (with its antiforgery token).
jar=$(mktemp)
form=$(curl -s -c "$jar" "$base/login" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$base/login" --data-urlencode "UserName=bench0001" --data-urlencode "Password=demo" --data-urlencode "__RequestVerificationToken=$form"
page_cookie="tc_auth=$(awk '$6 == "tc_auth" {print $7}' "$jar")"

# CPU ticks (user + system) used so far by the given processes.
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo $t; }
pg_pids() { local main; main=$(head -n 1 "$pg_dir/data/postmaster.pid"); echo "$main" $(pgrep -P "$main"); }
run() { # name, token, script, [path], [cookie], [connections], [pause ms: paced, see wrk/paced.lua]
  local name=$1 tok=$2 script=$3 path=${4:-} cookie=${5:-} conns=${6:-32} pause=${7:-}
  # BENCH_ONLY=regex runs only the workloads whose name matches.
  [[ -z "${BENCH_ONLY:-}" || "$name" =~ $BENCH_ONLY ]] || return 0
  local app0 pg0 app1 pg1
  app0=$(cpu_ticks "$server"); pg0=$(cpu_ticks $(pg_pids))
  local lua="bench/wrk/$script"
  [ -n "$pause" ] && lua=bench/wrk/paced.lua
  BENCH_TOKEN=$tok BENCH_PATH=$path BENCH_COOKIE=$cookie BENCH_SCRIPT=$script BENCH_PAUSE_MS=$pause \
    wrk -t$(( conns < 2 ? 1 : ${BENCH_THREADS:-2} )) -c"$conns" -d"${secs}s" --latency -s "$lua" "$base" > "$log.wrk" 2>&1
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$log.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$log.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$log.wrk")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$log.wrk"); non2xx=${non2xx:-0}
  app1=$(cpu_ticks "$server"); pg1=$(cpu_ticks $(pg_pids))
  # CPU per request (app and PostgreSQL apart): unlike req/s it barely moves when the machine is shared.
  local total app_us pg_us
  total=$(awk '/requests in/ {print $1}' "$log.wrk")
  app_us=$(( (app1 - app0) * 1000000 / $(getconf CLK_TCK) / (total > 0 ? total : 1) ))
  pg_us=$(( (pg1 - pg0) * 1000000 / $(getconf CLK_TCK) / (total > 0 ? total : 1) ))
  results+=("$(printf '| %-34s | %10s | %8s | %8s | %7s | %7s | %7s |' "$name" "$rps" "$p50" "$p99" "$non2xx" "$app_us" "$pg_us")")
}
# Warm-up: the first half minute of a fresh process under load is mostly the JIT compiling each
# path again with its full optimisations (on 2 busy cores a path took 30 s to reach its steady CPU
# per request), not the product a node serving for days runs. BENCH_WARM=seconds per path.
warm=${BENCH_WARM:-12}
BENCH_TOKEN=$officer BENCH_PATH="/api/tasks?owner=bench0001&open=true&pageSize=25" wrk -t2 -c32 -d${warm}s -s bench/wrk/get.lua "$base" >/dev/null
BENCH_TOKEN=$officer BENCH_PATH="/api/tasks/{id}" wrk -t2 -c32 -d${warm}s -s bench/wrk/get.lua "$base" >/dev/null
BENCH_COOKIE=$page_cookie BENCH_PATH="/tasks/{id}" wrk -t2 -c32 -d${warm}s -s bench/wrk/get.lua "$base" >/dev/null
BENCH_TOKEN=$director wrk -t2 -c32 -d${warm}s -s bench/wrk/create.lua "$base" >/dev/null
wrk -t2 -c32 -d${warm}s -s bench/wrk/progress.lua "$base" >/dev/null
run "list: owner's open tasks, 25/page" "$officer" get.lua "/api/tasks?owner=bench0001&open=true&pageSize=25"
run "get one task (API)" "$officer" get.lua "/api/tasks/{id}"
run "task page (HTML), 1 connection" "" get.lua "/tasks/{id}" "$page_cookie" 1
run "task page (HTML), 32 connections" "" get.lua "/tasks/{id}" "$page_cookie"
run "create task" "$director" create.lua
run "report progress" "$officer" progress.lua
# The same three at about the rate the issue names (32 connections, random pauses): the rows above
# are full speed, where latency is mostly waiting for a turn on the 2 cores shared with wrk.
run "list, paced to about 2,000 req/s" "$officer" get.lua "/api/tasks?owner=bench0001&open=true&pageSize=25" "" 32 12
run "create, paced to about 1,000 req/s" "$director" create.lua "" "" 32 25
run "progress, paced to about 1,000 req/s" "$officer" progress.lua "" "" 32 25

echo
echo "ThreeClears tasks benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), wrk -t${BENCH_THREADS:-2} -c32 -d${secs}s, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"
echo "| workload                           |  req/s     |  p50     |  p99     | non-2xx | app µs/req | PG µs/req |"
echo "|------------------------------------|------------|----------|----------|---------|---------|---------|"
printf '%s\n' "${results[@]}"
echo
echo "tasks now: $(psql_ -c 'SELECT count(*) FROM tasks'), reports: $(psql_ -c 'SELECT count(*) FROM task_reports')"
echo "audit chain: $(curl -s "$base/api/audit/verify")"
grep -iE "fail|exception" "$log" | head -5 || true
