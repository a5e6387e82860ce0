#!/usr/bin/env python3
"""Writes the request bodies of Q1-Q3 for the gateway and for PostGraphile into a folder.

Usage: bodies.py DATABASE_URL OUT_DIR. Ids for Q2 and Q3 are read from the database so both
servers are asked for the same rows."""
import json
import subprocess
import sys

url, out = sys.argv[1], sys.argv[2]


def rows(sql):
    text = subprocess.run(["psql", url, "-Atc", sql], check=True, capture_output=True, text=True).stdout
    return [line for line in text.splitlines() if line]


long_conversation = rows("select id from chat.conversations where continuation_id = 'bench-long-1'")[0]
message_ids = rows("select id from chat.messages order by md5(id::text) limit 20")

gateway = {
    "q1": """{ conversations(first: 50) { nodes { id title updatedAt
            messages(first: 20) { nodes { id role content createdAt } }
            files(includeExpired: true) { id filename }
            memories(first: 10) { id content } } } }""",
    "q2": """query($id: ID!) { conversation(id: $id) { id title
            messages(first: 200) { nodes { id role content createdAt metadata idempotencyKey } } } }""",
    "q3": "{ " + " ".join(
        f'm{i}: message(id: "{mid}") {{ id content conversation {{ title }} }}' for i, mid in enumerate(message_ids)) + " }",
}
postgraphile = {
    "q1": """{ allConversations(first: 50, orderBy: [UPDATED_AT_DESC, PRIMARY_KEY_ASC]) { nodes { id: rowId title updatedAt
            messages: messagesByConversationId(first: 20, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
              nodes { id: rowId role content createdAt } }
            files: publicFilesByConversationId { nodes { id: rowId filename } }
            memories: aiManagerMemoriesByConversationId(first: 10, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_ASC]) {
              nodes { id: rowId content } } } } }""",
    "q2": """query($id: UUID!) { conversation: conversationByRowId(rowId: $id) { id: rowId title
            messages: messagesByConversationId(first: 200, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
              nodes { id: rowId role content createdAt metadata idempotencyKey } } } }""",
    "q3": "{ " + " ".join(
        f'm{i}: messageByRowId(rowId: "{mid}") {{ id: rowId content conversation: conversationByConversationId {{ title }} }}'
        for i, mid in enumerate(message_ids)) + " }",
}
for name, queries in (("gateway", gateway), ("postgraphile", postgraphile)):
    for query, document in queries.items():
        body = {"query": " ".join(document.split())}
        if query == "q2":
            body["variables"] = {"id": long_conversation}
        with open(f"{out}/{name}-{query}.json", "w") as f:
            json.dump(body, f)
