#!/usr/bin/env bash
# Kaikukortti benchmarks on PostgreSQL: the generator, the ticket desk at full speed (wrk vs pgbench), the ticket desk
# at a steady 200 requests/s (open model), and the statistics queries at 50 k, 500 k and 5 M uses.
# Run from anywhere, as root on Debian (apt-get for wrk/PostgreSQL, runuser for the throwaway cluster).
#
#   bench/culturecard/run.sh all              everything below, in order (about 20 minutes on 2 cores)
#   bench/culturecard/run.sh prepare          apt packages; publish the app (Release) and the two bench tools
#   bench/culturecard/run.sh pg-start         throwaway PostgreSQL on 127.0.0.1:$PGPORT (kept between sub-commands)
#   bench/culturecard/run.sh generate C U     database cc_C_U with C cards and U uses (skipped if it exists)
#   bench/culturecard/run.sh desk             full speed: wrk -t2 -c32 (GET+POST mixed, POST only) and pgbench -c32 -j2
#   bench/culturecard/run.sh desk-page        a 5-second check that the desk page's own requests work (no figures)
#   bench/culturecard/run.sh desk-sql         the SQL of one GET and one POST of the API and of the desk page's lookup and
#                                             record, from PostgreSQL's log
#   bench/culturecard/run.sh steady           200 requests/s for 60 s with LoadClient (open model)
#   bench/culturecard/run.sh stats            StatsRunner on 15k/50k, 150k/500k, 1.5M/5M (generated when missing)
#   bench/culturecard/run.sh explain DB       EXPLAIN (ANALYZE, BUFFERS) of every statistics query on DB
#   bench/culturecard/run.sh pg-stop | clean  stop the cluster | stop it and delete its data folder
#
# Settings (environment): PGPORT (55440), PGDIR (/tmp/vakka-bench-pg), APP_PORT (5090), DURATION (30, seconds per
# full-speed run), RATE (200) and STEADY (60) for the steady load, OUT (bench/out/culturecard: results) and BIN
# (bench/out/culturecard-bin: the published app and tools). The summary of every step is printed and appended to
# $OUT/summary.txt. Diagnostics only: SYNC_COMMIT=off runs the desk with synchronous_commit off (not a production
# setting; shows how much of the time is the commit's WAL flush); CS_EXTRA is appended to the
# app's connection string, e.g. CS_EXTRA='Options=-c jit=off' to see the statistics queries without JIT, or
# CS_EXTRA='Max Auto Prepare=40' with PGBENCH_MODE=prepared for the desk with prepared statements on both sides.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/culturecard"
OUT=${OUT:-$ROOT/bench/out/culturecard}
BIN=${BIN:-$ROOT/bench/out/culturecard-bin}
PGPORT=${PGPORT:-55440}
PGDIR=${PGDIR:-/tmp/vakka-bench-pg}
APP_PORT=${APP_PORT:-5090}
DURATION=${DURATION:-30}
RATE=${RATE:-200}
STEADY=${STEADY:-60}
VENUE=${VENUE:-Helsingin kaupunginmuseo}
DESK_DB=cc_desk
# pgbench's query protocol: extended (parse, bind, execute per statement, as the app's Npgsql does without
# preparation) or prepared (parsed once per connection: the fair comparison when the app runs with Npgsql's automatic
# preparation, "Max Auto Prepare"). In prepared mode the scripts are copied with the reset Npgsql sends instead of
# DISCARD ALL once a connection holds prepared statements (DISCARD ALL would drop them).
PGBENCH_MODE=${PGBENCH_MODE:-extended}
# shellcheck source=../lib.sh
. "$ROOT/bench/lib.sh"
bench_dirs

cmd_prepare() {
  install_tools
  stamp "publish the app and the bench tools (Release)"
  dotnet publish "$ROOT/src/Vakka.Web" -c Release -o "$BIN/app" -v q -nologo
  dotnet publish "$ROOT/bench/LoadClient" -c Release -o "$BIN/loadclient" -v q -nologo
  dotnet publish "$HERE/StatsRunner" -c Release -o "$BIN/statsrunner" -v q -nologo
  stamp "published"
}

# generate CARDS USES [DB]: a fresh database with the demo network and a register of that volume.
cmd_generate() {
  local cards=$1 uses=$2 db=${3:-cc_$1_$2}
  if db_exists "$db" && [ "${FORCE:-0}" != 1 ]; then log "$db exists: not generated again (FORCE=1 to redo)"; return; fi
  psql_su -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER vakka"
  vakka "$db" migrate >/dev/null
  stamp "generate $db: $cards cards, $uses uses"
  local t0; t0=$(date +%s.%N)
  vakka "$db" culturecard generate --cards "$cards" --uses "$uses" | tee -a "$OUT/summary.txt"
  stamp "generated $db in $(echo "$(date +%s.%N) - $t0" | bc) s (whole command, incl. start-up and VACUUM ANALYZE); size $(psql_su -d "$db" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
}

# The API key of the demo venue and the codes of cards that are valid today (registered, active, not expired).
desk_inputs() {
  local db=$1
  vakka "$db" culturecard apikey "$VENUE" | tail -1 > "$OUT/apikey.txt"
  psql_su -d "$db" -Atc "SELECT code FROM cc_card WHERE status = 'Active' AND issued_on <= (now() AT TIME ZONE 'Europe/Helsinki')::date
    AND valid_until >= (now() AT TIME ZONE 'Europe/Helsinki')::date ORDER BY code" > "$OUT/codes.txt"
  # pgbench picks the same codes by number from this table.
  psql_su -d "$db" -c "DROP TABLE IF EXISTS bench_code" -c "CREATE TABLE bench_code (n int PRIMARY KEY, code text NOT NULL)" \
    -c "ALTER TABLE bench_code OWNER TO vakka" -c "\\copy bench_code (code, n) FROM PROGRAM 'awk ''{print \$0 \"\\t\" NR}'' $OUT/codes.txt'" -c "ANALYZE bench_code"
  log "API key for $VENUE; $(wc -l < "$OUT/codes.txt") valid card codes in $OUT/codes.txt"
}

# The desk page's inputs: sign in as the venue's demo site account and take the session and antiforgery cookies and the
# desk form's token (cookies are read from Set-Cookie by hand: Production marks them Secure, curl keeps those for HTTPS).
desk_page_inputs() {
  local base="http://127.0.0.1:$APP_PORT" h page af token session
  h=$(mktemp); page=$(curl -fsS -D "$h" "$base/account/sign-in")
  af=$(grep -i '^set-cookie: vakka.af=' "$h" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
  token=$(echo "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -o /dev/null -D "$h" -H "Cookie: $af" --data-urlencode "Input.UserName=${DESK_USER:-venue.museum}" \
    --data-urlencode "Input.Password=Vakka-demo-2026" --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
  session=$(grep -i '^set-cookie: vakka.session=' "$h" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
  [ -n "$session" ] || { echo "sign-in as ${DESK_USER:-venue.museum} failed"; exit 1; }
  page=$(curl -fsS -H "Cookie: $af; $session" "$base/culturecard/desk")
  echo "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//' > "$OUT/page-token.txt"
  echo "$af; $session" > "$OUT/page-cookie.txt"; rm -f "$h"
  log "desk page: signed in as ${DESK_USER:-venue.museum}"
}

# The SQL of one GET and one POST, from PostgreSQL's log (log_statement = all for a moment).
desk_capture_sql() {
  local db=$1 key code
  key=$(cat "$OUT/apikey.txt"); code=$(head -1 "$OUT/codes.txt")
  local from; from=$(wc -c < "$PGDIR/pg.log")
  psql_su -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null; sleep 1
  curl -fsS -H "X-Api-Key: $key" "http://127.0.0.1:$APP_PORT/api/v1/culturecard/cards/$code" > /dev/null
  echo "-- POST" >> "$PGDIR/pg.log"
  curl -fsS -H "X-Api-Key: $key" -H 'Content-Type: application/json' -H "Idempotency-Key: capture-$(date +%s%N)" \
    -d "{\"code\":\"$code\",\"eventName\":\"capture $(date +%s%N)\",\"category\":\"Culture\",\"children\":0,\"assistants\":0}" \
    "http://127.0.0.1:$APP_PORT/api/v1/culturecard/uses" > /dev/null
  if [ -s "$OUT/page-cookie.txt" ]; then
    # The desk page's two requests as desk.js sends them (fragments), with the second valid code.
    local cookie token page_code; cookie=$(cat "$OUT/page-cookie.txt"); token=$(cat "$OUT/page-token.txt"); page_code=$(sed -n 2p "$OUT/codes.txt")
    echo "-- PAGE LOOKUP" >> "$PGDIR/pg.log"
    curl -fsS -H "Cookie: $cookie" -H 'X-Desk-Fragment: 1' --data-urlencode "Lookup.Code=$page_code" --data-urlencode "__RequestVerificationToken=$token" \
      "http://127.0.0.1:$APP_PORT/culturecard/desk?handler=Lookup" > /dev/null
    echo "-- PAGE RECORD" >> "$PGDIR/pg.log"
    curl -fsS -H "Cookie: $cookie" -H 'X-Desk-Fragment: 1' --data-urlencode "Record.Code=$page_code" --data-urlencode "Record.EventName=capture $(date +%s%N)" \
      --data-urlencode "Record.Category=Culture" --data-urlencode "Record.Adults=1" --data-urlencode "Record.Children=0" --data-urlencode "Record.Assistants=0" \
      --data-urlencode "Record.Method=Scanner" --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$APP_PORT/culturecard/desk?handler=Record" > /dev/null
  fi
  psql_su -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -c +"$((from + 1))" "$PGDIR/pg.log" > "$OUT/desk-sql.log"
  log "SQL of one GET and one POST of the API (and the desk page's lookup and record): $OUT/desk-sql.log ($(grep -c 'LOG:  \(statement\|execute\)' "$OUT/desk-sql.log") statements)"
}

# wrk_run NAME MODE SECONDS [CONNECTIONS (32)]
wrk_run() {
  local name=$1 mode=$2 seconds=$3 c=${4:-32} t=2 page_args=""
  [ "$c" -ge 2 ] || t=1
  [ "$mode" = page ] && page_args="'$(cat "$OUT/page-cookie.txt")' '$(cat "$OUT/page-token.txt")'"
  wait_quiet
  stamp "wrk $name: -t$t -c$c -d${seconds}s mode=$mode"
  cpu_begin
  timed sh -c "wrk -t$t -c$c -d${seconds}s --latency -s '$HERE/desk.lua' 'http://127.0.0.1:$APP_PORT' -- '$OUT/codes.txt' '$(cat "$OUT/apikey.txt")' '$mode' $page_args \
    > '$OUT/wrk-$name.txt' 2>&1"
  cpu_end "wrk $name" "$TOOL_CPU" >> "$OUT/wrk-$name.txt"
  stamp "wrk $name done"
  log "$(grep -E '^(RESULT|CPU)' "$OUT/wrk-$name.txt" || cat "$OUT/wrk-$name.txt")"
}

# pgbench_run NAME DB "SCRIPTS" SECONDS [CLIENTS (32)]
pgbench_run() {
  local name=$1 db=$2 scripts=$3 seconds=$4 c=${5:-32} j=2
  [ "$c" -ge 2 ] || j=1
  local n; n=$(wc -l < "$OUT/codes.txt")
  wait_quiet
  stamp "pgbench $name: -c$c -j$j -T$seconds -M $PGBENCH_MODE $scripts"
  cpu_begin
  # shellcheck disable=SC2086
  timed pgbench_cmd "$db" "$n" -c"$c" -j"$j" -T"$seconds" $scripts > "$OUT/pgbench-$name.txt" 2>&1
  cpu_end "pgbench $name" "$TOOL_CPU" >> "$OUT/pgbench-$name.txt"
  stamp "pgbench $name done"
  log "RESULT pgbench $name: $(grep -E '^tps' "$OUT/pgbench-$name.txt" | head -1); $(grep -E '^(latency average|number of failed)' "$OUT/pgbench-$name.txt" | tr '\n' ';')"
  log "$(grep -E '^CPU' "$OUT/pgbench-$name.txt")"
}
# The folder of the pgbench scripts for $PGBENCH_MODE.
pgbench_scripts() {
  [ "$PGBENCH_MODE" = prepared ] || { echo "$HERE/pgbench"; return; }
  local dir="$OUT/pgbench-prepared"
  mkdir -p "$dir"
  for f in "$HERE"/pgbench/*.sql; do
    sed 's/^DISCARD ALL;$/SET SESSION AUTHORIZATION DEFAULT;\nRESET ALL;\nCLOSE ALL;\nUNLISTEN *;\nSELECT pg_advisory_unlock_all();\nDISCARD SEQUENCES;\nDISCARD TEMP;/' \
      "$f" > "$dir/$(basename "$f")"
  done
  echo "$dir"
}

pgbench_cmd() {
  local db=$1 n=$2; shift 2
  (cd "$(pgbench_scripts)" && pgbench -h 127.0.0.1 -p "$PGPORT" -U vakka -n -M "$PGBENCH_MODE" -P 10 -r \
      -D ncodes="$n" -D site="$(psql_su -d "$db" -Atc "SELECT site_id FROM cc_api_key ORDER BY created_at DESC LIMIT 1")" \
      -D venuearea="$(psql_su -d "$db" -Atc "SELECT area_id FROM dir_site WHERE id = (SELECT site_id FROM cc_api_key ORDER BY created_at DESC LIMIT 1)")" \
      -D keyhash="$(printf '%s' "$(cat "$OUT/apikey.txt")" | sha256sum | cut -d' ' -f1)" \
      -D keyid="$(psql_su -d "$db" -Atc "SELECT id FROM cc_api_key ORDER BY created_at DESC LIMIT 1")" \
      -D account="$(psql_su -d "$db" -Atc "SELECT id FROM dir_account WHERE normalized_user_name = upper('${DESK_USER:-venue.museum}')")" \
      -D quotaevents="$(psql_su -d "$db" -Atc "SELECT COALESCE(array_agg(e.id ORDER BY e.starts_at)::text, '{}') FROM cc_event AS e
          WHERE e.site_id = (SELECT site_id FROM cc_api_key ORDER BY created_at DESC LIMIT 1) AND e.quota IS NOT NULL AND NOT e.is_cancelled
            AND e.starts_at >= date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'Europe/Helsinki'
            AND e.starts_at < (date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') + interval '1 day') AT TIME ZONE 'Europe/Helsinki'")" \
      -D run="$(date +%s)" -D seq=0 "$@" "$db")
}

cmd_desk() {
  FORCE=1 cmd_generate 15000 50000 "$DESK_DB"
  if [ -n "${SYNC_COMMIT:-}" ]; then
    psql_su -c "ALTER SYSTEM SET synchronous_commit = '$SYNC_COMMIT'" -c "SELECT pg_reload_conf()" >/dev/null
    log "DIAGNOSTIC RUN: synchronous_commit = $SYNC_COMMIT"
  fi
  app_start "$DESK_DB"
  desk_inputs "$DESK_DB"
  desk_page_inputs
  desk_capture_sql "$DESK_DB"
  log "== Ticket desk, full speed ($(nproc) cores; app, PostgreSQL, wrk and pgbench on the same machine; synchronous_commit=$(psql_su -Atc 'SHOW synchronous_commit')) =="
  # Warm-up, unmeasured: tiered JIT compilation (with its instrumented tier) goes on for the first 30-60 s of load, and
  # a server in use is warm. The API's paths and the desk page's (Razor, antiforgery, cookies) warm up separately.
  wrk_run warmup mixed 30 >/dev/null
  QUIET_WAIT=0 wrk_run warmup-page page 20 >/dev/null
  for mode in mixed post get page; do
    pgss_reset "$DESK_DB"
    wrk_run "$mode" "$mode" "$DURATION"
    pgss_dump "$DESK_DB" "$OUT/pgss-wrk-$mode.txt"
  done
  app_stop
  for mode in mixed post get page; do
    local scripts="-f check.sql@1 -f record.sql@1"
    [ "$mode" = post ] && scripts="-f record.sql"
    [ "$mode" = get ] && scripts="-f check.sql"
    [ "$mode" = page ] && scripts="-f page-lookup.sql@1 -f page-record.sql@1"
    pgss_reset "$DESK_DB"
    pgbench_run "$mode" "$DESK_DB" "$scripts" "$DURATION"
    pgss_dump "$DESK_DB" "$OUT/pgss-pgbench-$mode.txt"
  done
  # One client at a time: what one request costs without queueing (the app's own time is the difference).
  log "== One connection (no concurrency), GET and POST alternating, ${SERIAL:-10} s each =="
  app_start "$DESK_DB"
  wrk_run serial-warmup mixed 3 1 >/dev/null
  wrk_run serial mixed "${SERIAL:-10}" 1
  app_stop
  pgbench_run serial "$DESK_DB" "-f check.sql@1 -f record.sql@1" "${SERIAL:-10}" 1
  if [ -n "${SYNC_COMMIT:-}" ]; then psql_su -c "ALTER SYSTEM RESET synchronous_commit" -c "SELECT pg_reload_conf()" >/dev/null; fi
  "$HERE/summarise.sh" "$OUT" | tee -a "$OUT/summary.txt"
}

cmd_steady() {
  db_exists "$DESK_DB" || cmd_generate 15000 50000 "$DESK_DB"
  app_start "$DESK_DB"
  desk_inputs "$DESK_DB"
  log "== Ticket desk, steady load: $RATE requests/s for $STEADY s (GET and POST alternating), open model =="
  # Warm the new app up (tiered JIT compilation goes on for the first ~20 s of load) at the same rate, unmeasured.
  dotnet "$BIN/loadclient/LoadClient.dll" --url "http://127.0.0.1:$APP_PORT" --key "$(cat "$OUT/apikey.txt")" --codes "$OUT/codes.txt" \
    --rate "$RATE" --duration 30 --warmup 0 > /dev/null || true
  wait_quiet
  cpu_begin
  stamp "LoadClient steady"
  timed dotnet "$BIN/loadclient/LoadClient.dll" --url "http://127.0.0.1:$APP_PORT" --key "$(cat "$OUT/apikey.txt")" --codes "$OUT/codes.txt" \
    --rate "$RATE" --duration "$STEADY" --warmup 5 > "$OUT/steady.txt"
  cpu_end "steady" "$TOOL_CPU" >> "$OUT/steady.txt"
  tee -a "$OUT/summary.txt" < "$OUT/steady.txt"
  stamp "LoadClient steady done"
  app_stop
}

cmd_stats() {
  for volume in "15000 50000" "150000 500000" "1500000 5000000"; do
    # shellcheck disable=SC2086
    set -- $volume
    cmd_generate "$1" "$2"
    local db="cc_$1_$2"
    wait_quiet
    stamp "StatsRunner $db"
    (cd "$BIN/statsrunner" && app_env "$db" dotnet StatsRunner.dll --sql "$OUT/stats-$db.sql") | tee "$OUT/stats-$db.txt" | tee -a "$OUT/summary.txt"
    stamp "StatsRunner $db done"
  done
}

# explain DB: EXPLAIN (ANALYZE, BUFFERS) of each query StatsRunner wrote to stats-DB.sql.
cmd_explain() {
  local db=$1 file="$OUT/stats-$1.sql"
  [ -f "$file" ] || { echo "run 'stats' first ($file missing)"; exit 1; }
  : > "$OUT/explain-$db.txt"
  python3 - "$file" "$db" "$PGPORT" "$OUT/explain-$db.txt" <<'PY'
import subprocess, sys
path, db, port, out = sys.argv[1:]
blocks = [b.strip() for b in open(path, encoding="utf-8").read().split(";\n") if b.strip()]
with open(out, "w", encoding="utf-8") as f:
    for b in blocks:
        header = b.splitlines()[0]
        sql = "\n".join(l for l in b.splitlines() if not l.startswith("--"))
        plan = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", db, "-X", "-A", "-t", "-c",
                               "EXPLAIN (ANALYZE, BUFFERS) " + sql], capture_output=True, text=True)
        f.write(f"{header}\n{sql};\n{plan.stdout}{plan.stderr}\n")
PY
  log "plans of $db: $OUT/explain-$db.txt"
}

cmd_all() {
  : > "$OUT/summary.txt"
  log "== Vakka Kaikukortti benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD) =="
  log_machine
  cmd_prepare
  pg_start
  cmd_desk
  cmd_steady
  cmd_stats
  cmd_explain cc_1500000_5000000
  pg_stop
}

case "${1:-}" in
  prepare) cmd_prepare ;;
  pg-start) pg_start ;;
  pg-stop) pg_stop ;;
  clean) pg_clean ;;
  generate) shift; cmd_generate "$@" ;;
  desk) cmd_desk ;;
  steady) cmd_steady ;;
  desk-page) db_exists "$DESK_DB" || cmd_generate 15000 50000 "$DESK_DB"; app_start "$DESK_DB"; desk_inputs "$DESK_DB"; desk_page_inputs
    QUIET_WAIT=0 wrk_run page-check page 5 4 ;;
  desk-sql) db_exists "$DESK_DB" || cmd_generate 15000 50000 "$DESK_DB"; app_start "$DESK_DB"; desk_inputs "$DESK_DB"; desk_page_inputs; desk_capture_sql "$DESK_DB" ;;
  stats) cmd_stats ;;
  explain) shift; cmd_explain "$@" ;;
  all) cmd_all ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
esac
