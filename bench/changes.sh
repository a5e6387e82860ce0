#!/usr/bin/env bash
# What each change gave: the chat-only gateway at 16 connections with all of this session's
# changes, and with one switched off at a time (compiled queries; generic plans), alternated
# A B C A B C. Prints a table of requests/s and p99 (medians over rounds).
#
#   bench/changes.sh            # BENCH_DURATION=10s BENCH_ROUNDS=2 BENCH_POOL=10
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
export BENCH_WORK="${BENCH_WORK:-$here/.work}"
duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-2}"
out="$BENCH_WORK/changes-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out/bodies"
jar="$root/target/schemagate.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -DskipTests package)
db_url="$("$here/database.sh")"
port="${db_url##*:}"; port="${port%%/*}"
"$here/bodies.py" "$db_url" "$out/bodies"

declare -A settings=(
  [all]="GATEWAY_EXECUTION_COMPILE=true"
  [no-compile]="GATEWAY_EXECUTION_COMPILE=false"
  [custom-plans]="SPRING_R2DBC_PROPERTIES_OPTIONS=plan_cache_mode=auto"
)
declare -A ports=([all]=18491 [no-compile]=18492 [custom-plans]=18493)
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
for variant in all no-compile custom-plans; do
  env SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$port/bench" SPRING_R2DBC_USERNAME=postgres GATEWAY_AUTH_MODE=none \
      GATEWAY_PAGING_MAX_SIZE=200 SPRING_R2DBC_POOL_MAX_SIZE="${BENCH_POOL:-10}" SPRING_R2DBC_POOL_INITIAL_SIZE="${BENCH_POOL:-10}" \
      GATEWAY_ROUTING_CONVERSATION_READS=chat.conversations GATEWAY_ROUTING_MESSAGE_READS=chat.messages ${settings[$variant]} \
      java -Xms512m -Xmx1g -jar "$jar" --server.port="${ports[$variant]}" --logging.level.root=WARN > "$out/$variant.log" 2>&1 &
  pids+=($!)
done
for variant in all no-compile custom-plans; do
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:${ports[$variant]}/graphql" && break
    sleep 1
  done
  for query in q1 q2 q3; do
    BODY="$out/bodies/gateway-$query.json" wrk -t2 -c8 -d8s -s "$here/post.lua" "http://127.0.0.1:${ports[$variant]}/graphql" > /dev/null
  done
done
for round in $(seq 1 "$rounds"); do
  for query in q1 q2 q3; do
    for variant in all no-compile custom-plans; do
      echo "[changes] round $round $query $variant" >&2
      BODY="$out/bodies/gateway-$query.json" wrk -t2 -c16 -d"$duration" --latency -s "$here/post.lua" \
        "http://127.0.0.1:${ports[$variant]}/graphql" > "$out/$variant-$query-r$round.txt"
    done
  done
done
python3 - "$out" "$rounds" <<'PY'
import re, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def read(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()
    return rps, float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
print("| query | all changes: req/s, p99 ms | without compiled queries | with custom plans (plan_cache_mode=auto) |")
print("|---|---|---|---|")
for query in ("q1", "q2", "q3"):
    cells = []
    for variant in ("all", "no-compile", "custom-plans"):
        runs = [read(f"{out}/{variant}-{query}-r{r}.txt") for r in range(1, rounds + 1)]
        cells.append(f"{statistics.median(r[0] for r in runs):.0f}, {statistics.median(r[1] for r in runs):.1f}")
    print(f"| {query.upper()} | " + " | ".join(cells) + " |")
PY
