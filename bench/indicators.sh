#!/usr/bin/env bash
# Indicators benchmark (issue 5): PostgreSQL with its default durability, the Cao Bang demo plus ten years
# (2016–2025) of monthly values for 200 indicators over the 56 communes and wards and the province, and the
# former communes' history up to the 1 July 2025 merger (their successors report from July 2025):
# about 1.5 million values, generated inside PostgreSQL (INSERT … SELECT generate_series), not through
# the API. Then:
#   - GET /api/analytics for the province with children=true (a random indicator each request),
#   - the dashboard page of the province (20 key indicators with a 2025 target, their trends),
#   - PUT /api/data-values with 10,000 new values (and 10,000 changed ones).
# wrk on loopback shares the machine's cores. Prints a table. Not part of the tests.
#   bench/indicators.sh [seconds-per-run]      (default 20)
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

echo "Seeding 32 more communes (56 in all), 200 indicators and ten years of monthly values …"
start=$(date +%s)
psql_ <<'SQL'
-- The demo has 24 of the 56 communes and wards formed on 1 July 2025: add the other 32 under the province.
INSERT INTO org_units (code, name, name_en, kind, parent_id, path, depth, version, created_at)
SELECT 'X-BENCH' || lpad(g::text, 2, '0'), 'Xã thử ' || g, 'Bench commune ' || g, 'Commune', r.id, r.path, 1, 1, now()
FROM generate_series(1, 32) g CROSS JOIN (SELECT id, path FROM org_units WHERE parent_id IS NULL) r;
UPDATE org_units SET path = path || id || '/' WHERE code LIKE 'X-BENCH%';

INSERT INTO indicators (code, name, name_en, unit, periodicity, time_kind, aggregation, min, version, created_at)
SELECT 'BENCH_' || g, 'Chỉ tiêu thử ' || g, 'Bench indicator ' || g, 'đơn vị', 'Month', 'Flow', 'Sum', 0, 1, now()
FROM generate_series(1, 200) g;

-- Who reports when: the province and the communes without predecessors for all 120 months, the former
-- communes until June 2025, their successors from July 2025.
CREATE TEMP TABLE reporters AS
SELECT u.id, CASE
         WHEN u.dissolved_on IS NOT NULL THEN DATE '2016-01-01'
         WHEN EXISTS (SELECT 1 FROM org_unit_lineage l WHERE l.successor_id = u.id) THEN DATE '2025-07-01'
         ELSE DATE '2016-01-01' END AS first_month,
       CASE WHEN u.dissolved_on IS NOT NULL THEN u.dissolved_on - 1 ELSE DATE '2025-12-31' END AS last_day
FROM org_units u
WHERE u.parent_id IS NULL OR u.kind IN ('Commune', 'Ward');

INSERT INTO data_values (indicator_id, org_unit_id, period, period_kind, period_start, period_end, value, source, status,
  entered_by, entered_at, submitted_by, submitted_at, approved_by, approved_at, version)
SELECT i.id, r.id, to_char(m, 'YYYY-MM'), 'Month', m::date, (m + interval '1 month - 1 day')::date,
  round((100 + (i.id * 7 + r.id * 13) % 50 + extract(month FROM m) * 3 + (extract(year FROM m) - 2016) * 5)::numeric, 2),
  'bench', 'Approved', 'bench', now(), 'bench', now(), 'bench', now(), 1
FROM indicators i
CROSS JOIN reporters r
CROSS JOIN generate_series(DATE '2016-01-01', DATE '2025-12-01', interval '1 month') m
WHERE i.code LIKE 'BENCH_%' AND m >= r.first_month AND m <= r.last_day;

-- 2025 targets for twenty of them at the province: the dashboard's key indicators.
INSERT INTO targets (indicator_code, org_unit_id, baseline, target_value, target_year, direction, created_at, version)
SELECT 'BENCH_' || g, r.id, 90000, 100000, 2025, 'Increase', now(), 1
FROM generate_series(1, 20) g CROSS JOIN (SELECT id FROM org_units WHERE parent_id IS NULL) r;
VACUUM ANALYZE;
SQL
values=$(psql_ -c "SELECT count(*) FROM data_values")
echo "values: $values, communes and wards now: $(psql_ -c "SELECT count(*) FROM org_units WHERE kind IN ('Commune','Ward') AND dissolved_on IS NULL"), seeded in $(( $(date +%s) - start )) s"

token() { curl -s -X POST "$base/api/auth/login" -H 'content-type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
leader=$(token leader demo)
stats=$(token stats demo)
jar=$(mktemp)
form=$(curl -s -c "$jar" "$base/login" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$base/login" --data-urlencode "UserName=leader" --data-urlencode "Password=demo" --data-urlencode "__RequestVerificationToken=$form"
page_cookie="tc_auth=$(awk '$6 == "tc_auth" {print $7}' "$jar")"
export BENCH_FIRST_ID=1 BENCH_LAST_ID=200
analytics="/api/analytics?indicator=BENCH_{id}&orgUnit=CB&period=2025-08&children=true"
dashboard="/dashboard?unit=CB&period=2025-08"

# BENCH_HOLD=seconds keeps the seeded server up for profiling before the runs (details in /tmp/threeclears-bench.env).
if [ -n "${BENCH_HOLD:-}" ]; then
  printf 'base=%s\npg_port=%s\nleader=%s\nstats=%s\ncookie=%s\n' "$base" "$pg_port" "$leader" "$stats" "$page_cookie" > /tmp/threeclears-bench.env
  sleep "$BENCH_HOLD"
fi

# A sanity check of the figures before timing them.
curl -s -o "$log.check" -H "Authorization: Bearer $leader" "$base${analytics/\{id\}/1}"; head -c 300 "$log.check"; echo
echo "dashboard page: $(curl -s -b "$jar" "$base$dashboard" | wc -c) bytes (uncompressed HTML)"

results=()
run() { # name, token, path, [cookie], [connections]
  local name=$1 tok=$2 path=$3 cookie=${4:-} conns=${5:-1}
  [[ -z "${BENCH_ONLY:-}" || "$name" =~ $BENCH_ONLY ]] || return 0
  BENCH_TOKEN=$tok BENCH_PATH=$path BENCH_COOKIE=$cookie wrk -t1 -c"$conns" -d"${secs}s" --latency -s bench/wrk/get.lua "$base" > "$log.wrk" 2>&1
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$log.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$log.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$log.wrk")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$log.wrk"); non2xx=${non2xx:-0}
  results+=("$(printf '| %-48s | %9s | %8s | %8s | %7s |' "$name" "$rps" "$p50" "$p99" "$non2xx")")
}
# Warm-up: the first seconds of a fresh process are JIT compilation, not the product.
BENCH_TOKEN=$leader BENCH_PATH=$analytics wrk -t1 -c4 -d5s -s bench/wrk/get.lua "$base" >/dev/null
BENCH_COOKIE=$page_cookie BENCH_PATH=$dashboard wrk -t1 -c4 -d5s -s bench/wrk/get.lua "$base" >/dev/null
run "analytics, province, children=true, 1 conn" "$leader" "$analytics"
run "analytics, province, children=true, 8 conns" "$leader" "$analytics" "" 8
run "dashboard page (HTML), province, 1 conn" "" "$dashboard" "$page_cookie"
run "dashboard page (HTML), province, 8 conns" "" "$dashboard" "$page_cookie" 8

# Batches of 10,000 values: 200 indicators × 50 communes for one month of 2026, new then changed.
batch() { # month value → a JSON file
  psql_ -c "SELECT json_agg(json_build_object('indicatorCode', i.code, 'orgUnitCode', u.code, 'period', '$1', 'value', $2))
            FROM (SELECT code FROM indicators WHERE code LIKE 'BENCH_%') i
            CROSS JOIN (SELECT code FROM org_units WHERE kind IN ('Commune','Ward') AND dissolved_on IS NULL ORDER BY code LIMIT 50) u" > "$log.batch.json"
}
put_times=()
for m in 01 02 03 04 05; do
  for v in 10 11; do  # first new values, then the same keys changed
    batch "2026-$m" "$v"
    t=$(curl -s -o "$log.put" -w '%{time_total}' -X PUT "$base/api/data-values" -H "Authorization: Bearer $stats" -H 'content-type: application/json' --data-binary @"$log.batch.json")
    accepted=$(sed -E 's/.*"accepted":([0-9]+).*/\1/' "$log.put")
    put_times+=("$t $([ "$v" = 10 ] && echo new || echo changed) $accepted")
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
new_median=$(printf '%s\n' "${put_times[@]}" | awk '$2=="new" {print $1}' | median)
changed_median=$(printf '%s\n' "${put_times[@]}" | awk '$2=="changed" {print $1}' | median)
accepted_all=$(printf '%s\n' "${put_times[@]}" | awk '{print $3}' | sort -u | tr '\n' ' ')

echo
echo "ThreeClears indicators benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), wrk -t1 -d${secs}s, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $values values"
echo "| workload                                         |  req/s    |  p50     |  p99     | non-2xx |"
echo "|--------------------------------------------------|-----------|----------|----------|---------|"
printf '%s\n' "${results[@]}"
printf '| %-48s | %9s | %7.3fs | %8s | %7s |\n' "PUT /api/data-values, 10,000 new (median of 5)" "-" "$new_median" "-" "-"
printf '| %-48s | %9s | %7.3fs | %8s | %7s |\n' "PUT /api/data-values, 10,000 changed (median of 5)" "-" "$changed_median" "-" "-"
echo
echo "accepted per batch: $accepted_all"
echo "audit chain: $(curl -s "$base/api/audit/verify")"
grep -iE "fail|exception" "$log" | head -5 || true
