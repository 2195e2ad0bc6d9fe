#!/usr/bin/env bash
# Runs interop.mjs (a Node.js client written from docs/protocol.md) against a fresh chat-server.
# Usage: tests/interop/run-interop.sh /path/to/chat-server
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
server_binary="$1"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

[ -d "$here/node_modules/ws" ] || (cd "$here" && npm ci --no-audit --no-fund --silent)

printf '[server]\nhost=127.0.0.1\nport=0\n[database]\npath=chat.sqlite3\n' > "$work/server.ini"
"$server_binary" --config "$work/server.ini" > "$work/out.log" 2> "$work/err.log" &
server_pid=$!
url=""
for _ in $(seq 1 200); do
  url="$(grep -o 'ws://[^ ]*' "$work/out.log" 2>/dev/null || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/err.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "chat-server did not start" >&2; exit 1; }
node "$here/interop.mjs" "$url"
