#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs chat-server on SQLite with the
# sample configuration (data in build/release/run/). With a display, chat-client opens too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release

run_dir=build/release/run
mkdir -p "$run_dir"
[ -f "$run_dir/server.ini" ] || cp resources/server.ini "$run_dir/server.ini"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/release/client/chat-client ]; then
  build/release/server/chat-server --config "$run_dir/server.ini" &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
  build/release/client/chat-client "$@"
else
  exec build/release/server/chat-server --config "$run_dir/server.ini"
fi
