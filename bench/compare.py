#!/usr/bin/env python3
"""Checks that the gateway and PostGraphile answer Q1-Q3 with the same data.

Usage: compare.py GATEWAY_URL POSTGRAPHILE_URL BODY_DIR. Compares conversation ids and titles,
message ids, roles and content, in order; enum case and timestamp formats are normalised."""
import json
import sys
import urllib.request

gateway_url, peer_url, bodies = sys.argv[1:4]


def post(url, path):
    with open(path, "rb") as f:
        request = urllib.request.Request(url, data=f.read(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(f"{url} answered {path} with errors: {answer['errors'][:1]}")
    return answer["data"]


def messages(node):
    found = node.get("messages") or {}
    return [(m["id"], m["role"].lower(), m["content"]) for m in found.get("nodes", [])]


def q1(data):
    root = data.get("conversations") or data.get("allConversations")
    return [(c["id"], c["title"], messages(c)) for c in root["nodes"]]


def q2(data):
    c = data["conversation"]
    return (c["id"], c["title"], messages(c))


def q3(data):
    return [(k, v["id"], v["content"], v["conversation"]["title"]) for k, v in sorted(data.items())]


ok = True
for query, shape in (("q1", q1), ("q2", q2), ("q3", q3)):
    mine = shape(post(gateway_url, f"{bodies}/gateway-{query}.json"))
    theirs = shape(post(peer_url, f"{bodies}/postgraphile-{query}.json"))
    same = mine == theirs
    ok &= same
    print(f"{query}: {'same data' if same else 'DIFFERENT DATA'}")
sys.exit(0 if ok else 1)
