#!/usr/bin/env bash
# Builds in Release and runs the benchmarks under tests/bench, printing their numbers.
# Usage: scripts/bench.sh [history|pipeline|idle|store|client ...]   (default: all)
# The server is pinned to core 1 and the load generator to core 0 when the machine has two cores or more.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
bin=build/release/tests/bench
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(store history pipeline idle client)

pin_load=()
if [ "$(nproc)" -ge 2 ]; then
  export BENCH_SERVER_CPU=1
  pin_load=(taskset -c 0)
fi

for mode in "${modes[@]}"; do
  echo "== $mode"
  case "$mode" in
    store) [ -x "$bin/store/bench-history-store" ] && "${pin_load[@]}" "$bin/store/bench-history-store" ;;
    history) "${pin_load[@]}" "$bin/server/bench-server" history 1000000 ;;
    pipeline) "${pin_load[@]}" "$bin/server/bench-server" pipeline 1000 ;;
    idle) "${pin_load[@]}" "$bin/server/bench-server" idle 10000 ;;
    client) for b in "$bin"/client/bench-*; do [ -x "$b" ] && QT_QPA_PLATFORM=offscreen "${pin_load[@]}" "$b"; done ;;
    *) echo "unknown benchmark: $mode" >&2; exit 2 ;;
  esac
done
