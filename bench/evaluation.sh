#!/usr/bin/env bash
# Results score and reports benchmark (issue 8): a province of 56 communes and 2,000 officials on
# PostgreSQL, with 50,000 tasks, consultations, escalations and citizens' ratings in 2026; times the
# ranking of units and of officials, a score card, and the reports. Prints a table. Not part of the tests.
#   bench/evaluation.sh [runs-per-route]      (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
source scripts/lib/postgres.sh
ensure_packages
start_postgres -c shared_buffers=512MB
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U threeclears -d threeclears -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -h 127.0.0.1 -p "$pg_port" -U threeclears -d postgres -qc "CREATE DATABASE threeclears"

dotnet build src/ThreeClears.Web -c Release -nologo -v q >/dev/null
port=$(free_port)
base="http://127.0.0.1:$port"
log=$(mktemp /tmp/threeclears-bench.XXXXXX.log)
Database__Provider=postgres ConnectionStrings__Default="$pg_conn;Database=threeclears;Maximum Pool Size=64" \
THREECLEARS_DEMO=true THREECLEARS_ADMIN_PASSWORD=bench-admin-1 Logging__LogLevel__Default=Warning \
RateLimits__LoginPerMinute=100000 Sweep__Enabled=false \
  dotnet src/ThreeClears.Web/bin/Release/net10.0/ThreeClears.Web.dll --urls "$base" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; stop_postgres' EXIT
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

echo "Seeding 56 communes, 2,000 officials, 50,000 tasks, consultations, escalations and ratings …"
psql_ <<'SQL'
-- Communes up to 56, as after the 2025 merger.
INSERT INTO org_units (code, name, name_en, kind, parent_id, path, depth, version, created_at)
SELECT 'BX-' || lpad(g::text, 2, '0'), 'Xã mẫu ' || g, 'Sample commune ' || g, 'Commune', r.id, '', 1, 1, now()
FROM generate_series(1, 56 - (SELECT count(*) FROM org_units WHERE kind IN ('Commune', 'Ward') AND dissolved_on IS NULL)) g
CROSS JOIN (SELECT id FROM org_units WHERE parent_id IS NULL) r;
UPDATE org_units u SET path = r.path || u.id || '/' FROM org_units r WHERE r.parent_id IS NULL AND u.code LIKE 'BX-%';
-- 2,000 officials over the live units; the first official of each unit heads it if it has no head.
INSERT INTO users (full_name, org_unit_id, position, version, created_at, user_name, normalized_user_name, email_confirmed,
  password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT 'Cán bộ ' || g, u.id, 'Chuyên viên', 1, now(), 'bench' || lpad(g::text, 4, '0'), 'BENCH' || lpad(g::text, 4, '0'), false,
  d.password_hash, md5(g::text), md5(g::text), false, false, true, 0
FROM generate_series(1, 2000) g
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM org_units WHERE parent_id IS NOT NULL AND dissolved_on IS NULL AND kind <> 'Partner') u ON u.n = g % u.total
CROSS JOIN (SELECT password_hash FROM users WHERE user_name = 'officer.xd') d;
UPDATE org_units o SET head_user_id = h.id
FROM (SELECT DISTINCT ON (org_unit_id) id, org_unit_id FROM users WHERE user_name LIKE 'bench%' ORDER BY org_unit_id, id) h
WHERE o.id = h.org_unit_id AND o.head_user_id IS NULL;
-- 25 tasks each, due through 2026: a third activities, most completed, some late, some still open.
WITH owners AS (SELECT id, org_unit_id, row_number() OVER (ORDER BY user_name) AS n FROM users WHERE user_name LIKE 'bench%'),
  leader AS (SELECT id FROM users WHERE user_name = 'leader')
INSERT INTO tasks (id, title, product_description, product_unit, target_quantity, original_target_quantity, kind, owner_id,
  owner_org_unit_id, assigned_by_id, start_date, due_date, created_on, created_at, delivered_quantity, completed_on, verified_on,
  status, status_on, reassignments, overdue_escalated, version)
SELECT 100000 + (o.n - 1) * 25 + k, 'Việc số ' || k || ' của cán bộ ' || o.n, 'Sản phẩm cuối cùng', 'km', 10, 10,
  (ARRAY['Output','Outcome','Process'])[1 + k % 3], o.id, o.org_unit_id, leader.id,
  DATE '2025-12-01', DATE '2026-01-05' + ((k * 13 + o.n) % 320)::int, DATE '2025-12-01', now(), 10,
  CASE WHEN (k + o.n) % 7 = 0 THEN NULL ELSE DATE '2026-01-05' + ((k * 13 + o.n) % 320)::int + ((k + o.n) % 5 - 3)::int END,
  CASE WHEN (k + o.n) % 7 = 0 THEN NULL ELSE DATE '2026-01-05' + ((k * 13 + o.n) % 320)::int + ((k + o.n) % 5 - 3)::int END,
  'CompletedOnTime', CURRENT_DATE, 0, false, 1
FROM owners o CROSS JOIN generate_series(1, 25) k CROSS JOIN leader;
-- Two consultations a month to each commune, from a task of another unit.
INSERT INTO consultations (task_id, asked_by_id, to_org_unit_id, question, asked_on, asked_at, deadline, status, answered_by_id, answered_on,
  answered_at, deemed_on, version)
SELECT t.id, t.owner_id, c.id, 'Xin ý kiến', d - 7, now(), d,
  CASE WHEN (c.id + m) % 4 = 0 THEN 'DeemedAgreed' ELSE 'Agreed' END, NULL,
  CASE WHEN (c.id + m) % 4 = 0 THEN NULL ELSE d - (m % 3)::int END, NULL, CASE WHEN (c.id + m) % 4 = 0 THEN d + 1 END, 1
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM org_units WHERE kind IN ('Commune', 'Ward') AND dissolved_on IS NULL) c
CROSS JOIN generate_series(0, 19) m
CROSS JOIN LATERAL (SELECT DATE '2026-01-10' + m * 15 AS d) dd
JOIN tasks t ON t.id = 100000 + ((c.n * 97 + m) % 50000)::int + 1;
-- One escalation a month per official's unit head, resolved by the head (some late) …
INSERT INTO escalations (task_id, reason, question, raised_by_id, raised_on, raised_at, level, to_user_id, to_org_unit_id, respond_by, status,
  resolved_by_id, resolved_on, resolved_at, version)
SELECT t.id, 'Blocked', 'Vướng mắc', t.owner_id, t.due_date - 10, now(), 1, o.head_user_id, o.id, t.due_date - 8, 'Resolved', o.head_user_id,
  t.due_date - 8 + (t.id % 3)::int - 1, now(), 1
FROM tasks t JOIN org_units o ON o.id = t.owner_org_unit_id
WHERE t.id >= 100000 AND t.id % 12 = 0 AND o.head_user_id IS NOT NULL;
INSERT INTO escalation_steps (escalation_id, level, to_user_id, to_org_unit_id, respond_by, at)
SELECT id, 1, to_user_id, to_org_unit_id, respond_by, raised_at FROM escalations WHERE question = 'Vướng mắc';
-- … and 40 ratings a month for every commune.
INSERT INTO ratings (org_unit_id, client_hash, month, stars, created_at, hidden)
SELECT c.id, md5(c.id || '-' || m || '-' || i), (DATE '2026-01-01' + (m || ' month')::interval)::date, 1 + (c.id * 7 + i * 3 + m) % 5, now(), false
FROM (SELECT id FROM org_units WHERE kind IN ('Commune', 'Ward') AND dissolved_on IS NULL) c
CROSS JOIN generate_series(0, 9) m CROSS JOIN generate_series(1, 40) i;
VACUUM ANALYZE;
SQL
echo "communes: $(psql_ -c "SELECT count(*) FROM org_units WHERE kind IN ('Commune','Ward') AND dissolved_on IS NULL"), officials: $(psql_ -c 'SELECT count(*) FROM users'), tasks: $(psql_ -c 'SELECT count(*) FROM tasks'), consultations: $(psql_ -c 'SELECT count(*) FROM consultations'), escalation stops: $(psql_ -c 'SELECT count(*) FROM escalation_steps'), ratings: $(psql_ -c 'SELECT count(*) FROM ratings')"

token=$(curl -s -X POST "$base/api/auth/login" -H 'content-type: application/json' -d '{"userName":"leader","password":"demo"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
# median and worst of $runs timed GETs (after one warm-up), in milliseconds
time_route() {
  local url=$1
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base$url" || { echo "FAILED: $url" >&2; return 1; }
  for _ in $(seq 1 "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$url"; done |
    sort -n | awk '{a[NR]=$1*1000} END {printf "%8.0f %8.0f", a[int((NR+1)/2)], a[NR]}'
}
size() { curl -sf -H "Authorization: Bearer $token" "$base$1" | wc -c; }

printf '\n%-62s %8s %8s %10s\n' "route (indicative: other work shares the machine)" "median" "worst" "bytes"
for url in \
  "/api/evaluations?period=2026&kind=unit" \
  "/api/evaluations?period=2026&kind=official" \
  "/api/evaluations?period=2026Q2&kind=official&orgUnit=BX-01" \
  "/api/evaluations/unit/BX-01?period=2026" \
  "/api/evaluations/unit/BX-01/history?period=2026Q3&count=4" \
  "/api/reports/socio-economic?orgUnit=CB&period=2025-08&format=pdf" \
  "/api/reports/socio-economic?orgUnit=CB&period=2026Q2&format=xlsx" \
  "/api/reports/tasks?orgUnit=BX-01&period=2026&format=xlsx" \
  "/api/reports/tasks?orgUnit=BX-01&period=2026&format=pdf"; do
  printf '%-62s %s %10s\n' "$url" "$(time_route "$url")" "$(size "$url")"
done
