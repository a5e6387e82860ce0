#!/usr/bin/env python3
"""Turns PostgreSQL log entries (log_min_duration_statement = 0) into a pgbench script: each
statement the gateway executed, its $n parameters replaced by the logged literals."""
import re
import sys

entries, current = [], None
for line in sys.stdin:
    if re.match(r"^\d{4}-\d{2}-\d{2} ", line):
        current = line
        entries.append([line])
    elif entries:
        entries[-1].append(line)

statements = []
for i, entry in enumerate(entries):
    text = "".join(entry)
    match = re.search(r"duration: [\d.]+ ms\s+(?:execute [^:]*|statement): (.*)", text, re.S)
    if not match:
        continue
    sql = match.group(1).strip()
    if "pg_stat_statements" in sql or "log_min_duration_statement" in sql or sql.upper() in ("BEGIN", "COMMIT"):
        continue
    params = {}
    if i + 1 < len(entries) and "DETAIL:  parameters:" in "".join(entries[i + 1]):
        detail = "".join(entries[i + 1]).split("parameters:", 1)[1]
        for name, value in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", detail):
            params[int(name)] = value
    elif "DETAIL:  parameters:" in text:
        detail = text.split("parameters:", 1)[1]
        sql = sql.split("\n2", 1)[0]
        for name, value in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", detail):
            params[int(name)] = value
    sql = re.sub(r"\$(\d+)", lambda m: params.get(int(m.group(1)), m.group(0)), sql)
    sql = sql.split("\n\tDETAIL:")[0].strip()
    statements.append(sql.rstrip(";") + ";")

print("\n".join(statements))
