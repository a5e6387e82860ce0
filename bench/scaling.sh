#!/usr/bin/env bash
# The scaling run: how the gateway's latency grows with the data and with the page size.
# Loads the fixtures at 1x, 10x and 50x their base size into databases of the benchmark's
# PostgreSQL, runs the gateway (default routing, production settings) on each, and measures
# Q1 (the dashboard) and L2 (a two-level list: conversations, each with its messages) at
# page sizes 10, 50 and 100: p50/p99 at 1 connection and requests/s at 16.
# Prints a table and writes it to bench/SCALING.md.
#
#   bench/scaling.sh                          # BENCH_SCALES="1 10 50" BENCH_PAGES="10 50 100"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
export BENCH_WORK="${BENCH_WORK:-$here/.work}"
scales="${BENCH_SCALES:-1 10 50}"
pages="${BENCH_PAGES:-10 50 100}"
duration="${BENCH_DURATION:-8s}"
out="$BENCH_WORK/scaling-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
log() { echo "[scaling] $*" >&2; }

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
jar="$root/target/schemagate.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src" "$root/schema.graphqls" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -q -DskipTests package)
fi
db_url="$("$here/database.sh")"
port="${db_url##*:}"; port="${port%%/*}"
admin() { psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"; }

pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

body() {
  local kind="$1" page="$2"
  local document
  if [ "$kind" = q1 ]; then
    document="{ conversations(first: $page) { nodes { id title updatedAt messages(first: 20) { nodes { id role content createdAt } } files(includeExpired: true) { id filename } memories(first: 10) { id content } } } }"
  else
    document="{ conversations(first: $page) { nodes { id title messages(first: $page) { nodes { id content createdAt } } } } }"
  fi
  python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$document" > "$out/$kind-$page.json"
}

printf "| scale | conversations | messages | query | page | p50 ms (1 conn) | p99 ms (1 conn) | req/s (16 conns) | response KB |\n" > "$out/table.md"
printf "|---|---|---|---|---|---|---|---|---|\n" >> "$out/table.md"
for scale in $scales; do
  db="scale_$scale"
  if [ "$(admin -c "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
    log "loading the fixtures at scale $scale into $db"
    admin -c "create database $db"
    psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q -f "$root/fixtures/schema.sql" 2>/dev/null
    PGOPTIONS="-c seed.scale=$scale" psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q -f "$root/fixtures/seed.sql" >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qc "vacuum analyze" >/dev/null
  fi
  counts="$(psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -Atc "select (select count(*) from chat.conversations) + (select count(*) from public.conversations), (select count(*) from chat.messages) + (select count(*) from public.messages)")"
  conversations="${counts%%|*}" messages="${counts##*|}"
  env SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$port/$db" SPRING_R2DBC_USERNAME=postgres GATEWAY_AUTH_MODE=none \
      SPRING_R2DBC_POOL_MAX_SIZE=10 SPRING_R2DBC_POOL_INITIAL_SIZE=10 \
      java -Xms512m -Xmx1g -jar "$jar" --server.port=18485 --logging.level.root=WARN > "$out/gateway-$scale.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' http://127.0.0.1:18485/graphql && break
    sleep 1
  done
  for kind in q1 l2; do
    for page in $pages; do
      body "$kind" "$page"
      size=$(curl -s -H 'content-type: application/json' --data-binary @"$out/$kind-$page.json" http://127.0.0.1:18485/graphql | wc -c)
      BODY="$out/$kind-$page.json" wrk -t2 -c8 -d5s -s "$here/post.lua" http://127.0.0.1:18485/graphql > /dev/null
      BODY="$out/$kind-$page.json" wrk -t1 -c1 -d"$duration" --latency -s "$here/post.lua" http://127.0.0.1:18485/graphql > "$out/$scale-$kind-$page-c1.txt"
      BODY="$out/$kind-$page.json" wrk -t2 -c16 -d"$duration" --latency -s "$here/post.lua" http://127.0.0.1:18485/graphql > "$out/$scale-$kind-$page-c16.txt"
      python3 - "$out/$scale-$kind-$page-c1.txt" "$out/$scale-$kind-$page-c16.txt" "$scale" "$conversations" "$messages" "$kind" "$page" "$size" >> "$out/table.md" <<'PY'
import re, sys
c1, c16, scale, conversations, messages, kind, page, size = sys.argv[1:]
def ms(text, pct):
    value, unit = re.search(pct + r"%\s+([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
one, many = open(c1).read(), open(c16).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", many).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", one + many)
note = f" ({errors.group(1)} non-2xx)" if errors else ""
print(f"| {scale}x | {conversations} | {messages} | {kind.upper()} | {page} | {ms(one, '50'):.2f} | {ms(one, '99'):.2f} | {rps:.0f}{note} | {int(size) / 1024:.0f} |")
PY
      log "scale $scale $kind page $page done"
    done
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done

{
  echo "# Scaling"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); gateway with default routing"
  echo "(chat + public unions), pool 10. Q1: conversations(first: page) with 20 messages, files and 10 memories each."
  echo "L2: conversations(first: page), each with messages(first: page). Scale 1x is the fixtures' own seed."
  echo
  cat "$out/table.md"
} > "$out/SCALING.md"
cp "$out/SCALING.md" "$here/SCALING.md"
cat "$here/SCALING.md"
