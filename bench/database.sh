#!/usr/bin/env bash
# Starts the benchmark's own PostgreSQL 15 (machine binaries, port $BENCH_PG_PORT, with
# pg_stat_statements so statements per request can be counted) and loads the fixtures at
# $BENCH_SCALE once. Leaves the machine's PostgreSQL service alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BENCH_WORK:-$here/.work}"
port="${BENCH_PG_PORT:-55432}"
scale="${BENCH_SCALE:-33}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
data="$work/pgdata"
run_as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$work"
if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$work" "$data"
  run_as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
fi
if ! "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q; then
  run_as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start -o \
    "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB \
     -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=off -c fsync=off"
fi

psql_bench() { psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
if [ "$(psql_bench -d postgres -Atc "select count(*) from pg_database where datname = 'bench'")" = 0 ]; then
  psql_bench -d postgres -c "create database bench"
  psql_bench -d bench -c "create extension pg_stat_statements"
  psql_bench -d bench -f "$root/fixtures/schema.sql" 2>/dev/null
  echo "loading the seed at scale $scale (once)..." >&2
  PGOPTIONS="-c seed.scale=$scale" psql_bench -d bench -f "$root/fixtures/seed.sql" >/dev/null
  psql_bench -d bench -f "$here/extra.sql" >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$port/bench"
