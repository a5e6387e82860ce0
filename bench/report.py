#!/usr/bin/env python3
"""Reads the benchmark's raw output and prints the results table (medians over rounds) and ratios.

Usage: report.py OUT_DIR HEAP_INFO "CONNECTIONS" """
import datetime
import glob
import os
import platform
import re
import statistics
import subprocess
import sys

out, heap, connections = sys.argv[1], sys.argv[2], sys.argv[3].split()
servers = ["gateway", "gateway-chat", "postgraphile"]


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", text)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    statements = int(open(path + ".statements").read().split()[0]) if os.path.exists(path + ".statements") else 0
    return rps, ms(*p50.groups()), ms(*p99.groups()), statements / max(requests, 1), int(errors.group(1)) if errors else 0


def pgbench(path):
    if not os.path.exists(path):
        return None
    text = open(path).read()
    tps = re.search(r"tps = ([\d.]+)", text)
    latency = re.search(r"latency average = ([\d.]+) ms", text)
    return (float(tps.group(1)), float(latency.group(1))) if tps and latency else None


def median(values):
    return statistics.median(values) if values else float("nan")


cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
memory = subprocess.run(["sh", "-c", "free -g | awk '/Mem:/ {print $2}'"], capture_output=True, text=True).stdout.strip()
lines = [f"# Benchmark results", "",
         f"{datetime.date.today()}, {platform.node()}: {os.cpu_count()} cores ({cpu}), {memory} GiB; "
         f"{os.path.basename(out)}. Medians over rounds; servers alternated A B A B; "
         f"pool of {os.environ.get('BENCH_POOL_USED', '?')} connections for every server. Raw SQL replays the chat-only gateway's "
         f"statements.", "",
         "| query | conns | server | req/s | p50 ms | p99 ms | SQL stmts/req | non-2xx |",
         "|---|---|---|---|---|---|---|---|"]
ratios = []
for query in ("q1", "q2", "q3"):
    for c in connections:
        results = {}
        for server in servers:
            runs = [wrk(p) for p in sorted(glob.glob(f"{out}/wrk/{server}-{query}-c{c}-r*.txt"))]
            if not runs:
                continue
            results[server] = tuple(median([r[i] for r in runs]) for i in range(5))
            rps, p50, p99, stmts, errors = results[server]
            lines.append(f"| {query} | {c} | {server} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {stmts:.1f} | {errors:.0f} |")
        replay = pgbench(f"{out}/replay/{query}-c{c}.txt")
        if replay:
            lines.append(f"| {query} | {c} | raw SQL (pgbench) | {replay[0]:.0f} | avg {replay[1]:.2f} | | | |")
        if "gateway-chat" in results and "postgraphile" in results:
            g, p = results["gateway-chat"], results["postgraphile"]
            raw = f"{g[0] / replay[0]:.2f}" if replay else "n/a"
            ratios.append(f"| {query} | {c} | {g[0] / p[0]:.2f}x | {g[2] / p[2]:.2f} | {raw} |")
lines += ["", "Ratios, gateway (chat-only routing, like for like) to PostGraphile and to raw SQL:", "",
          "| query | conns | throughput vs PostGraphile | p99 vs PostGraphile | throughput vs raw SQL |",
          "|---|---|---|---|---|"] + ratios
lines += ["", f"Gateway heap after the run: {heap.strip() or 'n/a'}", ""]
compare = os.path.join(out, "compare.txt")
if os.path.exists(compare):
    lines += ["Same data check (chat-only gateway vs PostGraphile): " + open(compare).read().replace("\n", "; ").strip("; "), ""]
changes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "changes.md")
if os.path.exists(changes):
    lines += ["", open(changes).read().strip(), ""]
print("\n".join(lines))
