#!/usr/bin/env bash
# Client data archive benchmarks on PostgreSQL (issue 5): the legacy migration (documents/s per 10 s, the app's memory
# every second), one client's documents with the query set archived (open model, p99), and archiving through the API
# one document per call (wrk). Run from anywhere, as root on Debian (apt-get, runuser for the throwaway cluster).
#
#   bench/archive/run.sh all           prepare, pg-start, migrate (its database dropped after), query, api, pg-stop
#                                      (full size: about 45 minutes and 50 GB of disk, see bench/archive/README.md)
#   bench/archive/run.sh prepare       apt packages; publish the app and LoadClient (Release)
#   bench/archive/run.sh pg-start      throwaway PostgreSQL on 127.0.0.1:$PGPORT (kept between sub-commands)
#   bench/archive/run.sh migrate       a legacy export of VOLUME_DOCS documents (generated once, kept in $DATA), a fresh
#                                      database, 'archive migrate' with the app's RSS sampled every second
#   bench/archive/run.sh query         the query set of QUERY_DOCS documents (generated once), a client-system key, RATE
#                                      queries/s of random clients for STEADY s after WARMUP s (LoadClient), then query-sql
#   bench/archive/run.sh query-sql     the SQL of one query from PostgreSQL's log and its EXPLAIN (ANALYZE, BUFFERS)
#   bench/archive/run.sh api           a fresh database of API_DOCS documents; wrk -t2 -c32 POST /documents, a valid CDA
#                                      with its own document OID and client per request
#   bench/archive/run.sh pg-stop       stop the cluster
#   bench/archive/run.sh clean         stop it and delete its data folder and $DATA (the legacy exports)
#
# Settings (environment): PGPORT (55442), PGDIR (/tmp/vakka-bench-archive-pg), APP_PORT (5092), DATA
# (/tmp/vakka-bench-archive-data: legacy exports), VOLUME_DOCS (2000000) and VOLUME_CLIENTS (100000) for the migration,
# TEXT_BYTES (2000), QUERY_DOCS (10000000) and QUERY_CLIENTS (500000) for the query set, RATE (100), WARMUP (30),
# STEADY (60) and PREWARM (1: read the metadata into the page cache first; 0: not) for the queries, API_DOCS (100000),
# API_CLIENTS (10000) and DURATION (30) for the API, OUT (bench/out/archive) and BIN (bench/out/archive-bin). Every
# step's summary is printed and appended to $OUT/summary.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/archive"
OUT=${OUT:-$ROOT/bench/out/archive}
BIN=${BIN:-$ROOT/bench/out/archive-bin}
PGPORT=${PGPORT:-55442}
PGDIR=${PGDIR:-/tmp/vakka-bench-archive-pg}
APP_PORT=${APP_PORT:-5092}
DATA=${DATA:-/tmp/vakka-bench-archive-data}
VOLUME_DOCS=${VOLUME_DOCS:-2000000}
VOLUME_CLIENTS=${VOLUME_CLIENTS:-100000}
TEXT_BYTES=${TEXT_BYTES:-2000}
QUERY_DOCS=${QUERY_DOCS:-10000000}
QUERY_CLIENTS=${QUERY_CLIENTS:-500000}
RATE=${RATE:-100}
WARMUP=${WARMUP:-30}
STEADY=${STEADY:-60}
PREWARM=${PREWARM:-1}
API_DOCS=${API_DOCS:-100000}
API_CLIENTS=${API_CLIENTS:-10000}
DURATION=${DURATION:-30}
# The registrar of the demo directory (Helsingin kaupunki); 'directory demo' creates it.
ORG=1.2.246.10.2012566
MIGRATE_DB=ar_migrate
QUERY_DB=ar_query_${QUERY_DOCS}_${QUERY_CLIENTS}
API_DB=ar_api
# lz4 for TOASTed values not named otherwise (ar_document_content.bytes is lz4 by its column's setting already); more
# WAL between checkpoints and a longer timeout, so that a bulk load of gigabytes is not a series of forced checkpoints
# (each one followed by full-page images of every page touched again).
PG_MAX_WAL_SIZE=8GB
PG_CONF_EXTRA="default_toast_compression = lz4
checkpoint_timeout = 30min"
PG_SHOWN="'default_toast_compression','checkpoint_timeout'"
# shellcheck source=../lib.sh
. "$ROOT/bench/lib.sh"
bench_dirs

cmd_prepare() {
  install_tools
  stamp "publish the app and LoadClient (Release)"
  dotnet publish "$ROOT/src/Vakka.Web" -c Release -o "$BIN/app" -v q -nologo
  dotnet publish "$ROOT/bench/LoadClient" -c Release -o "$BIN/loadclient" -v q -nologo
  stamp "published"
}

# new_db DB: a fresh database with the schema and the demo organisations (no documents).
new_db() {
  psql_su -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 OWNER vakka"
  vakka "$1" migrate >/dev/null
  vakka "$1" directory demo >/dev/null
}

db_size() { psql_su -d "$1" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))"; }

# generate_set DB DOCUMENTS CLIENTS: a fresh database with the query set (archive generate), timed.
generate_set() {
  local db=$1 docs=$2 clients=$3
  new_db "$db"
  stamp "archive generate into $db: $docs documents of $clients clients"
  local t0; t0=$(date +%s.%N)
  vakka "$db" archive generate --documents "$docs" --clients "$clients" --organisation "$ORG" | tee -a "$OUT/summary.txt"
  stamp "generated $db in $(echo "$(date +%s.%N) - $t0" | bc) s (whole command, incl. start-up and VACUUM ANALYZE); size $(db_size "$db")"
  log "$(psql_su -d "$db" -Atc "SELECT 'tables: ' || string_agg(c.relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)), ', ' ORDER BY c.relname)
    FROM pg_class c WHERE c.relname IN ('ar_person', 'ar_document', 'ar_document_content')")"
}

# A client-system key of the registrar, and the henkilötunnus values of its clients, for the load tools.
api_inputs() {
  local db=$1
  vakka "$db" archive apikey "$ORG" "bench $(date +%s)" | tail -1 > "$OUT/archive-key.txt"
  psql_su -d "$db" -Atc "SELECT trim(hetu) FROM ar_person ORDER BY hetu" > "$OUT/clients.txt"
  log "client-system key of $ORG; $(wc -l < "$OUT/clients.txt") clients in $OUT/clients.txt"
}

# --- Legacy migration -------------------------------------------------------------------------------------------------

# rss_sampler PID: every second, "seconds VmRSS-kB CPU-ticks" of the process until it ends.
rss_sampler() {
  local pid=$1 t0; t0=$(date +%s.%N)
  echo "# seconds  VmRSS_kB  cpu_ticks(utime+stime, $(getconf CLK_TCK)/s)"
  while [ -r "/proc/$pid/status" ]; do
    local rss cpu
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
    cpu=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null) || break
    [ -n "$rss" ] && echo "$(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') $rss $cpu"
    sleep 1
  done
}

cmd_migrate() {
  local legacy="$DATA/legacy-${VOLUME_DOCS}-${VOLUME_CLIENTS}-${TEXT_BYTES}"
  if [ ! -f "$legacy/.complete" ]; then
    rm -rf "$legacy"; mkdir -p "$DATA"
    stamp "generate-legacy: $VOLUME_DOCS documents of $VOLUME_CLIENTS clients, $TEXT_BYTES bytes of text each, into $legacy"
    vakka "$MIGRATE_DB" archive generate-legacy "$legacy" --documents "$VOLUME_DOCS" --clients "$VOLUME_CLIENTS" --text-bytes "$TEXT_BYTES" \
      --organisation "$ORG" | tee -a "$OUT/summary.txt"
    touch "$legacy/.complete"
  fi
  log "legacy export: $legacy ($(du -sh "$legacy" | cut -f1) on disk)"
  new_db "$MIGRATE_DB"
  log "== Legacy migration: $VOLUME_DOCS documents ($(nproc) cores; app and PostgreSQL on the same machine; RSS every second) =="
  wait_quiet
  pgss_reset
  local lsn; lsn=$(psql_su -Atc "SELECT pg_current_wal_lsn()")
  stamp "archive migrate"
  APP_PID=
  cpu_begin
  app_vars "$MIGRATE_DB"
  # The subshell execs env, which execs dotnet: $! is the app's own pid.
  (cd "$BIN/app" && exec env "${APP_VARS[@]}" dotnet Vakka.Web.dll archive migrate "$legacy" --organisation "$ORG" --mapping "$legacy/mapping.csv") \
    > "$OUT/migrate.txt" 2>&1 &
  local pid=$! rc=0
  rss_sampler "$pid" > "$OUT/migrate-rss.txt" &
  local sampler=$!
  wait "$pid" || rc=$?
  wait "$sampler" || true
  local app_cpu; app_cpu=$(tail -1 "$OUT/migrate-rss.txt" | awk -v hz="$(getconf CLK_TCK)" '{print $3/hz}')
  cpu_end "migrate" "$app_cpu" "the app (archive migrate, sampled each second)" >> "$OUT/migrate.txt"
  stamp "archive migrate done (exit $rc)"
  pgss_dump "$MIGRATE_DB" "$OUT/pgss-migrate.txt"
  migrate_summary
  log "WAL written during the run: $(psql_su -Atc "SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn')) || ' (' || round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn') / 1024.0 / $VOLUME_DOCS, 1) || ' kB per document)'")"
  log "database $MIGRATE_DB: $(db_size "$MIGRATE_DB")"
}

# The rate of each progress window (the command prints one line per committed batch at least 10 s after the last), the
# whole run's rate and the memory curve.
migrate_summary() {
  grep -E '^ +[0-9.]+ s ' "$OUT/migrate.txt" | tr -d ',' | awk '{t=$1; n=$5+$7+$9; if (NR > 1) printf "%6.1f s  %9d docs  %6.0f docs/s in the window\n", t, n, (n-pn)/(t-pt); else printf "%6.1f s  %9d docs  %6.0f docs/s (first window: start-up of the run, JIT)\n", t, n, n/t; pt=t; pn=n}' \
    > "$OUT/migrate-rate.txt"
  log "$(grep -E '^(Migration|Mapping|Completed|Failed)' "$OUT/migrate.txt" || tail -3 "$OUT/migrate.txt")"
  log "RESULT migrate windows (docs/s, each ~10 s): $(awk 'NR > 1 {print $5}' "$OUT/migrate-rate.txt" | tr '\n' ' ')"
  log "RESULT migrate: $(awk 'NR > 1 {print $5}' "$OUT/migrate-rate.txt" | sort -n | awk '{r[NR]=$1} END {if (NR == 0) {print "no full window"; exit}
    printf "slowest window %.0f docs/s, median window %.0f docs/s, fastest %.0f docs/s (%d windows after the first)", r[1], r[int((NR+1)/2)], r[NR], NR}'); whole run: $(grep -E '^Completed in' "$OUT/migrate.txt" | awk '{gsub(",", "", $5); printf "%.0f docs/s", $5/$3}')"
  log "RESULT memory: $(awk '!/^#/ {n++; if ($2 > peak) {peak=$2; at=$1}; rss[n]=$2; t[n]=$1} END {printf "VmRSS peak %.0f MB at %.0f s; at 10 s %.0f MB, half-way %.0f MB, last sample (%.0f s) %.0f MB (%d samples)", peak/1024, at, rss[(n > 10 ? 10 : n)]/1024, rss[int(n/2)+1]/1024, t[n], rss[n]/1024, n}' "$OUT/migrate-rss.txt")"
  log "$(grep -E '^CPU' "$OUT/migrate.txt")"
}

# --- One client's documents -------------------------------------------------------------------------------------------

cmd_query() {
  # Kept between runs; generated again when missing or incomplete (the generator writes in one transaction) or FORCE=1.
  if db_exists "$QUERY_DB" && [ "${FORCE:-0}" != 1 ] && [ "$(psql_su -d "$QUERY_DB" -Atc "SELECT count(*) FROM ar_person")" = "$QUERY_CLIENTS" ]; then
    log "$QUERY_DB exists: not generated again (FORCE=1 to redo)"
  else generate_set "$QUERY_DB" "$QUERY_DOCS" "$QUERY_CLIENTS"; fi
  [ "$PREWARM" = 1 ] && prewarm "$QUERY_DB"
  app_start "$QUERY_DB"
  api_inputs "$QUERY_DB"
  query_capture_sql
  log "== One client's documents: $RATE queries/s for $STEADY s, open model, random clients ($QUERY_DOCS documents of $QUERY_CLIENTS clients) =="
  # Warm-up, unmeasured, at the same rate: tiered JIT compilation goes on for the first 30-60 s of load.
  dotnet "$BIN/loadclient/LoadClient.dll" --mode archive-query --url "http://127.0.0.1:$APP_PORT" --key "$(cat "$OUT/archive-key.txt")" \
    --clients "$OUT/clients.txt" --rate "$RATE" --duration "$WARMUP" --warmup 0 > /dev/null || true
  wait_quiet
  pgss_reset
  cpu_begin
  stamp "LoadClient archive-query"
  timed dotnet "$BIN/loadclient/LoadClient.dll" --mode archive-query --url "http://127.0.0.1:$APP_PORT" --key "$(cat "$OUT/archive-key.txt")" \
    --clients "$OUT/clients.txt" --rate "$RATE" --duration "$STEADY" --warmup 5 > "$OUT/query.txt"
  cpu_end "query" "$TOOL_CPU" >> "$OUT/query.txt"
  pgss_dump "$QUERY_DB" "$OUT/pgss-query.txt"
  tee -a "$OUT/summary.txt" < "$OUT/query.txt"
  stamp "LoadClient archive-query done"
  app_stop
  query_explain
}

# prewarm DB: reads the tables and indexes a client's query touches (ar_document, ar_person and their indexes, not the
# documents' bytes) into the operating system's page cache with pg_prewarm's 'read' mode, as on a server that has been
# answering queries for a while. Right after generation the cache holds what was written last (mostly the bytes of
# the newest documents), and a run of a few minutes at 100 random clients/s touches only a fraction of the metadata's
# pages: the first read of each is a disk read, which is what the p99 of an unwarmed run measures.
prewarm() {
  local db=$1
  stamp "pg_prewarm (read) of ar_document, ar_person and their indexes in $db"
  psql_su -d "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" >/dev/null
  log "$(psql_su -d "$db" -Atc "SELECT 'prewarmed: ' || string_agg(c.relname || ' ' || pg_size_pretty(pg_relation_size(c.oid)) || ' (' || pg_prewarm(c.oid, 'read') || ' pages)', ', ' ORDER BY c.relname)
    FROM pg_class c WHERE c.relname IN ('ar_document', 'ar_person') OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('ar_document'::regclass, 'ar_person'::regclass))")"
  stamp "prewarmed"
}

# The SQL of one query (with its API-key look-up and audit row) from PostgreSQL's log (log_statement = all for a moment).
query_capture_sql() {
  local client; client=$(sed -n "$(( $(wc -l < "$OUT/clients.txt") / 2 ))p" "$OUT/clients.txt")
  local from; from=$(wc -c < "$PGDIR/pg.log")
  psql_su -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null; sleep 1
  curl -fsS -H "X-Api-Key: $(cat "$OUT/archive-key.txt")" -H 'Content-Type: application/json' -d "{\"client\":\"$client\"}" \
    "http://127.0.0.1:$APP_PORT/api/v1/archive/documents/query" > "$OUT/query-answer.json"
  psql_su -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -c +"$((from + 1))" "$PGDIR/pg.log" > "$OUT/query-sql.log"
  log "SQL of one query ($(grep -o '"documentOid"' "$OUT/query-answer.json" | wc -l) documents answered): $OUT/query-sql.log ($(grep -c 'LOG:  \(statement\|execute\)' "$OUT/query-sql.log") statements)"
}

# EXPLAIN (ANALYZE, BUFFERS) of every SELECT in query-sql.log, its parameters put in as literals.
query_explain() {
  [ -s "$OUT/query-sql.log" ] || { echo "run 'query-sql' first ($OUT/query-sql.log missing)"; exit 1; }
  python3 - "$OUT/query-sql.log" "$QUERY_DB" "$PGPORT" "$OUT/explain-query.txt" <<'PY'
import re, subprocess, sys
path, db, port, out = sys.argv[1:]
statements, current = [], None
for line in open(path, encoding="utf-8", errors="replace"):
    head = re.match(r"^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] (\w+):  (.*)", line)
    if head:
        kind, text = head.groups()
        if kind == "LOG" and re.match(r"(execute [^:]*|statement): ", text):
            current = {"sql": re.sub(r"^(execute [^:]*|statement): ", "", text), "params": {}}
            statements.append(current)
        elif kind == "DETAIL" and text.startswith("parameters: ") and current is not None:
            current["params"] = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", text))
            current = None
        else:
            current = None
    elif current is not None:
        current["sql"] += line.rstrip("\n") + "\n"
with open(out, "w", encoding="utf-8") as f:
    for s in statements:
        sql = s["sql"].strip()
        if not sql.upper().startswith("SELECT"):
            continue
        sql = re.sub(r"\$(\d+)\b", lambda m: s["params"].get(m.group(1), m.group(0)), sql)
        plan = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", db, "-X", "-A", "-t", "-c",
                               "EXPLAIN (ANALYZE, BUFFERS) " + sql], capture_output=True, text=True)
        f.write(f"{sql};\n{plan.stdout}{plan.stderr}\n")
PY
  log "plans of the query's SELECTs: $OUT/explain-query.txt ($(grep -c '^Execution Time' "$OUT/explain-query.txt") plans; execution times: $(grep '^Execution Time' "$OUT/explain-query.txt" | awk '{print $3 " ms"}' | tr '\n' ' '))"
}

# --- Archiving through the API ----------------------------------------------------------------------------------------

# The wrk body: one archived document as the API returns its exact bytes, its OID and client replaced by markers.
api_template() {
  local db=$1 oid hetu
  read -r oid hetu < <(psql_su -d "$db" -Atc "SELECT d.document_oid, trim(p.hetu) FROM ar_document d JOIN ar_person p ON p.id = d.person_id ORDER BY d.document_oid LIMIT 1" | tr '|' ' ')
  curl -fsS -H "X-Api-Key: $(cat "$OUT/archive-key.txt")" "http://127.0.0.1:$APP_PORT/api/v1/archive/documents/$oid" -o "$OUT/api-original.xml"
  python3 - "$OUT/api-original.xml" "$OUT/api-template.xml" "$oid" "$hetu" <<'PY'
import sys
src, dst, oid, hetu = sys.argv[1:]
data = open(src, "rb").read()
quoted = lambda v: b'"' + v.encode() + b'"'
assert data.count(quoted(oid)) == 2 and data.count(quoted(hetu)) == 1, "the document OID twice (id, setId), the client once"
open(dst, "wb").write(data.replace(quoted(oid), b'"@@OID@@"').replace(quoted(hetu), b'"@@HETU@@"'))
PY
  log "API body: $OUT/api-template.xml ($(wc -c < "$OUT/api-template.xml") bytes; from $oid)"
}

# api_wrk NAME SECONDS: wrk -t2 -c32 POSTing a new document per request.
api_wrk() {
  local name=$1 seconds=$2
  wait_quiet
  stamp "wrk $name: -t2 -c32 -d${seconds}s POST /api/v1/archive/documents"
  cpu_begin
  timed sh -c "wrk -t2 -c32 -d${seconds}s --latency -s '$HERE/archive.lua' 'http://127.0.0.1:$APP_PORT' -- '$OUT/api-template.xml' '$OUT/clients.txt' \
    '$(cat "$OUT/archive-key.txt")' '$ORG.10.0.90.8' > '$OUT/wrk-$name.txt' 2>&1"
  cpu_end "wrk $name" "$TOOL_CPU" >> "$OUT/wrk-$name.txt"
  stamp "wrk $name done"
  log "$(grep -E '^(RESULT|CPU)' "$OUT/wrk-$name.txt" || cat "$OUT/wrk-$name.txt")"
}

cmd_api() {
  generate_set "$API_DB" "$API_DOCS" "$API_CLIENTS"
  app_start "$API_DB"
  api_inputs "$API_DB"
  api_template "$API_DB"
  log "== Archiving through the API: wrk -t2 -c32 -d${DURATION}s, one new document per request ($(nproc) cores; app, PostgreSQL and wrk on the same machine) =="
  # Warm-up, unmeasured (JIT), then the measured run.
  QUIET_WAIT=0 api_wrk api-warmup 20 >/dev/null
  local before; before=$(psql_su -d "$API_DB" -Atc "SELECT count(*) FROM ar_document")
  pgss_reset
  api_wrk api "$DURATION"
  pgss_dump "$API_DB" "$OUT/pgss-api.txt"
  log "ar_document rows added during the measured run: $(( $(psql_su -d "$API_DB" -Atc "SELECT count(*) FROM ar_document") - before ))"
  app_stop
}

cmd_all() {
  : > "$OUT/summary.txt"
  log "== Vakka archive benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD) =="
  log_machine
  cmd_prepare
  pg_start
  cmd_migrate
  # Its figures are taken: the 2 M database (about 11 GB) goes before the 10 M query set (about 30 GB) is made.
  psql_su -c "DROP DATABASE IF EXISTS $MIGRATE_DB"
  cmd_query
  cmd_api
  pg_stop
}

case "${1:-}" in
  prepare) cmd_prepare ;;
  pg-start) pg_start ;;
  pg-stop) pg_stop ;;
  clean) pg_clean; rm -rf "$DATA" ;;
  migrate) cmd_migrate ;;
  query) cmd_query ;;
  query-sql) db_exists "$QUERY_DB" || { echo "run 'query' first"; exit 1; }; app_start "$QUERY_DB"; api_inputs "$QUERY_DB"; query_capture_sql; app_stop; query_explain ;;
  api) cmd_api ;;
  all) cmd_all ;;
  *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
esac
