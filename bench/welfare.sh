#!/usr/bin/env bash
# People's lives benchmark (issue 6): PostgreSQL with its default durability, the demo loaded
# (19,067 supported households already in the register), the audit chain on. Measures:
#   - importing 150,000 households from one CSV (goal: under 15 s), then the same file again;
#   - coverage of the province with its children (goal: median under 100 ms);
#   - the happiness index of the province over 20,000 responses (goal: median under 200 ms).
# Times are taken by curl on loopback, so they include HTTP and JSON. Prints a table; not a test.
#   bench/welfare.sh [requests-per-read]      (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
reads=${1:-50}
source scripts/lib/postgres.sh
ensure_packages
start_postgres -c shared_buffers=512MB
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U threeclears -d threeclears -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -h 127.0.0.1 -p "$pg_port" -U threeclears -d postgres -qc "CREATE DATABASE threeclears"

dotnet build src/ThreeClears.Web -c Release -nologo -v q >/dev/null
port=$(free_port)
base="http://127.0.0.1:$port"
log=$(mktemp /tmp/threeclears-bench.XXXXXX.log)
work=$(mktemp -d /tmp/threeclears-welfare.XXXXXX)
env Database__Provider=postgres ConnectionStrings__Default="$pg_conn;Database=threeclears;Maximum Pool Size=64" \
THREECLEARS_DEMO=true THREECLEARS_ADMIN_PASSWORD=bench-admin-1 Logging__LogLevel__Default=Warning "Logging__LogLevel__ThreeClears.Web.Features.Welfare=Information" \
RateLimits__LoginPerMinute=100000 \
  dotnet src/ThreeClears.Web/bin/Release/net10.0/ThreeClears.Web.dll --urls "$base" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; stop_postgres; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

token=$(curl -s -X POST "$base/api/auth/login" -H 'content-type: application/json' -d '{"userName":"admin","password":"bench-admin-1"}' \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $token")

echo "Writing 150,000 households (one CSV) and 20,000 survey responses (ten batches) …"
python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
random.seed(6)
communes = ["X-TRALINH", "X-HOAAN", "X-NAMTUAN", "X-BACHDANG", "X-NGUYENHUE", "X-QUANGTRUNG", "X-TRUNGKHANH", "X-DAMTHUY",
            "X-DINHPHONG", "X-QUANGUYEN", "X-HALANG", "X-BAOLAC", "X-BAOLAM", "X-NGUYENBINH", "X-TINHTUC", "X-THONGNONG",
            "X-HAQUANG", "X-THACHAN", "X-DONGKHE", "X-PHUCHOA", "X-HOATHUAN", "P-THUCPHAN", "P-NUNGTRICAO", "P-TANGIANG"]
families = ["Nông", "Hoàng", "Lục", "Bế", "Đàm", "Triệu", "Lý", "Hà", "Mã", "Sầm"]
names = ["Văn Hùng", "Thị Lan", "Văn Páo", "Thị Dìn", "Đức Anh", "Thị Mỷ"]
housing = ["solid", "semiSolid", "temporary", "dilapidated", ""]
kitchen = ["hygienic", "makeshift", "none", ""]
sanitation = ["hygienic", "unhygienic", "none", ""]
with open(f"{work}/households.csv", "w", encoding="utf-8") as f:
    f.write("householdCode,communeCode,village,headName,members,poverty,housing,kitchen,sanitation\n")
    for i in range(1, 150_001):
        f.write(f"B-{i:06d},{communes[i % len(communes)]},Bản Số {i % 40},{random.choice(families)} {random.choice(names)},{1 + i % 7},"
                f"{random.choice(['poor', 'nearPoor', 'none'])},{random.choice(housing)},{random.choice(kitchen)},{random.choice(sanitation)}\n")
domains = ["livingStandards", "health", "education", "environment", "safety", "culture", "governance", "lifeSatisfaction"]
for b in range(10):
    rows = []
    for i in range(2_000):
        mood = random.uniform(1.5, 4.8)
        rows.append({"orgUnitCode": communes[(b * 2000 + i) % len(communes)], "year": 2030, "respondentCode": f"R-{b}-{i:05d}",
                     "answers": {d: [max(1, min(5, round(mood + random.uniform(-1.2, 1.2)))) for _ in range(3)] for d in domains}})
    with open(f"{work}/responses{b}.json", "w") as f:
        json.dump(rows, f)
PY

results=()
row() { results+=("$(printf '| %-60s | %12s | %-10s |' "$1" "$2" "$3")"); }

t0=$(date +%s.%N)
out=$(curl -s "${auth[@]}" -F "file=@$work/households.csv;type=text/csv" "$base/api/households/import")
t1=$(date +%s.%N)
echo "$out" | head -c 200; echo
row "import 150,000 new households (CSV, $(du -h "$work/households.csv" | cut -f1))" "$(echo "$t1 - $t0" | bc | xargs printf '%.2f s')" "< 15 s"
t0=$(date +%s.%N)
out=$(curl -s "${auth[@]}" -F "file=@$work/households.csv;type=text/csv" "$base/api/households/import")
t1=$(date +%s.%N)
echo "$out" | head -c 200; echo
row "the same file again (150,000 known, unchanged)" "$(echo "$t1 - $t0" | bc | xargs printf '%.2f s')" ""
psql_ -c "VACUUM ANALYZE households" >/dev/null

t0=$(date +%s.%N)
for b in $(seq 0 9); do
  curl -s "${auth[@]}" -H 'content-type: application/json' --data-binary "@$work/responses$b.json" "$base/api/happiness/responses" | head -c 80; echo
done
t1=$(date +%s.%N)
row "post 20,000 survey responses (10 batches of 2,000)" "$(echo "$t1 - $t0" | bc | xargs printf '%.2f s')" ""
psql_ -c "VACUUM ANALYZE happiness_responses" >/dev/null

median() { # url → median seconds over $reads requests, after 5 warm-up ones
  local url=$1
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "${auth[@]}" "$base$url"; done
  for _ in $(seq 1 "$reads"); do curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$base$url"; done | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f ms", m*1000}'
}
row "coverage of the province with children (median)" "$(median "/api/welfare/coverage?orgUnit=CB")" "< 100 ms"
row "coverage of one commune (median)" "$(median "/api/welfare/coverage?orgUnit=X-TRALINH")" ""
row "happiness index, province + children, 20,000 resp. (median)" "$(median "/api/happiness/index?orgUnit=CB&year=2030")" "< 200 ms"
row "households missing housing, one commune, page 1 (median)" "$(median "/api/households?orgUnit=X-TRALINH&missing=housing&pageSize=50")" ""

echo
echo "ThreeClears people's lives benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $reads requests per read"
echo "| workload                                                     |  time        | goal       |"
echo "|--------------------------------------------------------------|--------------|------------|"
printf '%s\n' "${results[@]}"
echo
echo "households: $(psql_ -c 'SELECT count(*) FROM households'), responses: $(psql_ -c 'SELECT count(*) FROM happiness_responses'), audit entries: $(psql_ -c 'SELECT count(*) FROM audit_entries')"
grep -E "Household import" -A1 "$log" | grep -v "^--" || true
grep -iE "exception" "$log" | head -5 || true
