#!/usr/bin/env bash
# Sourced by scripts/test and the benchmarks: installs what is missing (PostgreSQL, Chromium)
# when it can, and starts a throw-away PostgreSQL on a free loopback port as a non-root user.
# After `start_postgres`, $pg_port, $pg_dir and $pg_conn are set; it stops on exit.

ensure_packages() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # The report tests render PDFs with poppler (pdftoppm, pdftotext), as a reader would.
  [ -x /usr/bin/pdftoppm ] || need+=(poppler-utils)
  for extra in "$@"; do command -v "$extra" >/dev/null 2>&1 || need+=("$extra"); done
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} …"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${need[*]} (run as root, or install them: apt-get install -y ${need[*]})" >&2
    exit 1
  fi
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port" >&2; exit 1
}

# start_postgres [extra server options…]
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  # PostgreSQL refuses to run as root: run it as an unprivileged user.
  pg_runas=()
  if [ "$(id -u)" = 0 ]; then
    local pguser=postgres
    id "$pguser" >/dev/null 2>&1 || { pguser=threeclears-test; id "$pguser" >/dev/null 2>&1 || useradd --system --no-create-home "$pguser"; }
    pg_runas=(runuser -u "$pguser" --)
  fi
  pg_dir=$(mktemp -d /tmp/threeclears-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ ${#pg_runas[@]} -gt 0 ] && chown "${pg_runas[2]}" "$pg_dir"
  trap stop_postgres EXIT
  "${pg_runas[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U threeclears --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # A port that looked free can be taken a moment later: try a few.
  local attempt
  for attempt in 1 2 3; do
    pg_port=$(free_port)
    if "${pg_runas[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o \
      "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 $*" start >/dev/null; then
      break
    fi
    if [ "$attempt" = 3 ]; then tail -n 20 "$pg_dir/log" >&2; return 1; fi
  done
  pg_conn="Host=127.0.0.1;Port=$pg_port;Username=threeclears;Database=postgres"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

stop_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  "${pg_runas[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
