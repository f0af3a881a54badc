# Shared parts of the benchmark scripts, sourced by bench/*/run.sh (not run on its own): the summary log, a throwaway
# PostgreSQL cluster, the published app started on a database, pg_stat_statements dumps, the CPU line of a run and the
# wait for an idle machine.
#
# The sourcing script sets, before it calls anything here: ROOT (the repository), OUT (results), BIN (published app
# and tools), PGPORT, PGDIR, APP_PORT; optionally PG_MAX_WAL_SIZE (4GB), PG_CONF_EXTRA (more postgresql.conf lines)
# and PG_SHOWN (more setting names for the cluster's log line). Then it calls bench_dirs.
# shellcheck shell=bash

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bench_dirs() { mkdir -p "$OUT" "$BIN"; OUT=$(cd "$OUT" && pwd); BIN=$(cd "$BIN" && pwd); }

log() { echo "$*" | tee -a "$OUT/summary.txt"; }
stamp() { log "[$(date -u '+%Y-%m-%d %H:%M:%S UTC')] $*  | load:$(uptime | sed 's/.*load average://')"; }
log_machine() {
  log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -r)"
}
pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_su() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -X -v ON_ERROR_STOP=1 -q "$@"; }
cs() { echo "Host=127.0.0.1;Port=$PGPORT;Database=$1;Username=vakka;Password=vakka${CS_EXTRA:+;$CS_EXTRA}"; }

# The app's settings for a database: PostgreSQL, Production, no background jobs, on 127.0.0.1:$APP_PORT.
app_vars() {
  APP_VARS=(ASPNETCORE_ENVIRONMENT=Production "ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT" Database__Provider=Postgres
    "ConnectionStrings__Default=$(cs "$1")" "Security__PublicUrl=http://127.0.0.1:$APP_PORT" Jobs__Enabled=false
    Logging__LogLevel__Default=Warning)
}
app_env() { local db=$1; shift; app_vars "$db"; env "${APP_VARS[@]}" "$@"; }
vakka() { local db=$1; shift; (cd "$BIN/app" && app_env "$db" dotnet Vakka.Web.dll "$@"); }

# As root on Debian: installs wrk, pgbench and PostgreSQL when missing; then checks that wrk and pgbench are there.
install_tools() {
  if [ "$(id -u)" = 0 ]; then
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v pgbench >/dev/null || missing+=(postgresql-contrib)
    [ -n "$(pgbin)" ] || missing+=(postgresql)
    if [ ${#missing[@]} -gt 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
  fi
  command -v wrk >/dev/null && command -v pgbench >/dev/null || { echo "wrk and pgbench are needed (apt-get install wrk postgresql-contrib)"; exit 1; }
}

pg_start() {
  local bin; bin=$(pgbin)
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    mkdir -p "$PGDIR"; chown postgres:postgres "$PGDIR" 2>/dev/null || true
    as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
    # Modest tuning; durability as on a production server (fsync, synchronous_commit and full_page_writes on).
    cat >> "$PGDIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDIR'
max_connections = 200
shared_buffers = 256MB
effective_cache_size = 4GB
maintenance_work_mem = 256MB
max_wal_size = ${PG_MAX_WAL_SIZE:-4GB}
fsync = on
synchronous_commit = on
full_page_writes = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 2000
logging_collector = off
${PG_CONF_EXTRA:-}
EOF
  fi
  if ! as_pg "$bin/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/pg.log" -w start >/dev/null
  fi
  psql_su -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vakka') THEN CREATE ROLE vakka LOGIN PASSWORD 'vakka' CREATEDB; END IF; END \$\$" \
    -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  local shown="'shared_buffers','fsync','synchronous_commit','full_page_writes','max_connections','work_mem','effective_cache_size','max_wal_size'${PG_SHOWN:+,$PG_SHOWN}"
  log "PostgreSQL $(psql_su -Atc 'SHOW server_version') on 127.0.0.1:$PGPORT ($PGDIR): $(psql_su -Atc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ($shown)")"
}

pg_stop() { as_pg "$(pgbin)/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true; }
pg_clean() { pg_stop; rm -rf "$PGDIR"; }

db_exists() { [ "$(psql_su -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

APP_PID=
app_start() {
  local db=$1
  app_vars "$db"
  (cd "$BIN/app" && exec env "${APP_VARS[@]}" dotnet Vakka.Web.dll > "$OUT/app-$db.log" 2>&1) &
  APP_PID=$!
  trap app_stop EXIT
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$APP_PORT/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "The app did not start; see $OUT/app-$db.log"; exit 1
}
app_stop() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi
}

# pg_stat_statements lives in the postgres database and sees every database; dumps keep the database's statements.
pgss_reset() { psql_su -Atc "SELECT pg_stat_statements_reset()" >/dev/null; }
pgss_dump() {
  psql_su -c "SELECT calls, round(total_exec_time::numeric, 0) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
      round((100 * total_exec_time / sum(total_exec_time) OVER ())::numeric, 1) AS pct, left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$1')
    ORDER BY total_exec_time DESC LIMIT 30" > "$2"
}

# CPU use during a run: the whole machine (/proc/stat) and the app's and PostgreSQL's processes (utime+stime, with
# the reaped children of the postmaster), in CPU seconds, so that "who used the two cores" is part of every figure.
cpu_ticks_machine() { awk '/^cpu / {print $2+$3+$4+$7+$8, $5+$6}' /proc/stat; }
cpu_ticks_pid() { [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] && awk '{print $14+$15+$16+$17}' "/proc/$1/stat" || echo 0; }
cpu_ticks_pg() {
  local pm; pm=$(head -1 "$PGDIR/data/postmaster.pid" 2>/dev/null || echo)
  [ -n "$pm" ] || { echo 0; return; }
  { cpu_ticks_pid "$pm"; for c in $(ps --ppid "$pm" -o pid= 2>/dev/null); do awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || true; done; } | awk '{s+=$1} END {print s+0}'
}
CPU0=
cpu_begin() { CPU0="$(cpu_ticks_machine) $(cpu_ticks_pid "$APP_PID") $(cpu_ticks_pg) $(date +%s.%N)"; }
# cpu_end LABEL TOOL_CPU_SECONDS [TOOL_NAME ("load tool")]
cpu_end() {
  local now; now="$(cpu_ticks_machine) $(cpu_ticks_pid "$APP_PID") $(cpu_ticks_pg) $(date +%s.%N)"
  echo "$CPU0 $now" | awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" -v label="$1" -v tool="${2:-0}" -v toolname="${3:-load tool}" '{
    busy=($6-$1)/hz; idle=($7-$2)/hz; app=($8-$3)/hz; pg=($9-$4)/hz; wall=$10-$5;
    printf "CPU %s: %.1f s wall; machine busy %.0f%% of %d cores; app %.1f CPU-s (%.2f cores), PostgreSQL %.1f CPU-s (%.2f cores), %s %.1f CPU-s, other processes %.1f CPU-s\n",
      label, wall, 100*busy/(busy+idle), cores, app, app/wall, pg, pg/wall, toolname, tool, busy-app-pg-tool }'
}
# timed COMMAND...: runs it and leaves its user+system CPU seconds in TOOL_CPU
timed() {
  local f; f=$(mktemp); local TIMEFORMAT='%U %S'
  { time "$@" 2>&3 ; } 3>&2 2> "$f" || true
  TOOL_CPU=$(tail -1 "$f" | awk '{print $1+$2}'); rm -f "$f"
}

# Waits (up to QUIET_WAIT seconds, 900) until the machine is idle (under 15 % busy over 5 s) before a measured run, so
# that another job on a shared machine does not end up in the figures; the CPU line of each run shows what remained.
wait_quiet() {
  local deadline=$(( $(date +%s) + ${QUIET_WAIT:-900} )) a b busy
  while :; do
    a=$(cpu_ticks_machine); sleep 5; b=$(cpu_ticks_machine)
    busy=$(echo "$a $b" | awk '{d=($3-$1)+($4-$2); print (d > 0) ? int(100*($3-$1)/d) : 0}')
    [ "$busy" -lt 15 ] && return
    if [ "$(date +%s)" -ge "$deadline" ]; then log "WARNING: machine still ${busy}% busy; measuring anyway"; return; fi
  done
}
