#!/usr/bin/env bash
# Prints the full-speed comparison from the raw outputs of `run.sh desk` in the folder given (bench/out/culturecard).
set -euo pipefail
OUT=${1:-bench/out/culturecard}
num() { grep -oE "$1" "$2" | head -1 | grep -oE '[0-9]+(\.[0-9]+)?' | tail -1; }
echo "== Ticket desk, full speed: app (wrk -t2 -c32) vs the same SQL (pgbench -c32 -j2) =="
for mode in mixed post get page; do
  w="$OUT/wrk-$mode.txt"; p="$OUT/pgbench-$mode.txt"
  [ -f "$w" ] && [ -f "$p" ] || continue
  app_rps=$(num 'mode=[a-z]+: [0-9.]+ requests/s' "$w")
  app_uses=$(num 'uses recorded: [0-9]+ \([0-9.]+/s\)' "$w")
  errors=$(( $(num 'other statuses: [0-9]+' "$w") + $(num 'socket errors: [0-9]+' "$w") ))
  p50=$(num 'p50 [0-9.]+ ms' "$w"); p99=$(num 'p99 [0-9.]+ ms' "$w")
  db_tps=$(grep -E '^tps = ' "$p" | head -1 | grep -oE '[0-9]+\.[0-9]+' | head -1)
  db_failed=$(num 'number of failed transactions: [0-9]+' "$p")
  case $mode in
    mixed) db_uses=$(grep -A3 'record.sql' "$p" | grep -oE 'tps = [0-9.]+' | head -1 | grep -oE '[0-9.]+$') ;;
    page) db_uses=$(grep -A3 'page-record.sql' "$p" | grep -oE 'tps = [0-9.]+' | head -1 | grep -oE '[0-9.]+$') ;;
    post) db_uses=$db_tps ;;
    *) db_uses=0 ;;
  esac
  ratio=$(echo "scale=2; $app_rps / $db_tps" | bc)
  printf '%s: app %.0f requests/s, %.0f uses/s, p50 %s ms, p99 %s ms, errors %s | pgbench %.0f transactions/s, %.0f uses/s, failed %s | app/pgbench %s\n' \
    "$mode" "$app_rps" "$app_uses" "$p50" "$p99" "$errors" "$db_tps" "${db_uses:-0}" "${db_failed:-0}" "$ratio"
done
# The desk page (lookup and record alternating) is compared with its own SQL (pgbench/page-*.sql) above.
w="$OUT/wrk-serial.txt"; p="$OUT/pgbench-serial.txt"
if [ -f "$w" ] && [ -f "$p" ]; then
  printf 'one connection: app %s requests/s, p50 %s ms | pgbench %.0f transactions/s, latency average %s ms\n' \
    "$(num 'mode=[a-z]+: [0-9.]+ requests/s' "$w")" "$(num 'p50 [0-9.]+ ms' "$w")" \
    "$(grep -E '^tps = ' "$p" | head -1 | grep -oE '[0-9]+\.[0-9]+' | head -1)" "$(num 'latency average = [0-9.]+' "$p")"
fi
