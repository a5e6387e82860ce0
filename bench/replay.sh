#!/usr/bin/env bash
# The physical limit: captures the SQL (with its bound values) the gateway sends for one
# request of each query from PostgreSQL's log, then replays it with pgbench -M prepared at
# the same concurrency, with the gateway's plan_cache_mode. Usage: replay.sh DATABASE_URL OUT_DIR GATEWAY_URL "CONNECTIONS" DURATION
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
db_url="$1" out="$2" gateway="$3" connections="$4" duration="$5"
data="$BENCH_WORK/pgdata"
seconds="${duration%s}"
mkdir -p "$out/replay"

for query in q1 q2 q3; do
  psql "$db_url" -qc "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  offset=$(stat -c %s "$data/server.log")
  curl -s -o /dev/null -H 'content-type: application/json' --data-binary @"$out/bodies/gateway-$query.json" "$gateway"
  sleep 0.5
  psql "$db_url" -qc "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  tail -c +"$((offset + 1))" "$data/server.log" > "$out/replay/$query.log"
  "$here/sqlfromlog.py" < "$out/replay/$query.log" > "$out/replay/$query.sql"
  for c in $connections; do
    PGOPTIONS="-c plan_cache_mode=force_generic_plan" pgbench -n -M prepared -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$seconds" -f "$out/replay/$query.sql" "$db_url" \
      > "$out/replay/$query-c$c.txt" 2>&1 || true
  done
done
