#!/usr/bin/env bash
# Builds in Release and runs the benchmark suite: chat-bench against chat-server and the ceiling server
# (dm, rate, group, history, login, idle), then the store and client benchmarks. Writes
# docs/benchmarks/latest.md and latest.json (machine, Qt version, git revision, medians and spreads).
# Usage: scripts/bench.sh                 the whole suite (about 10 minutes on 2 cores)
#        scripts/bench.sh dm group ...    only these chat-bench workloads, or "store" / "client"
#        scripts/bench.sh cluster         dm on SQLite, on PostgreSQL and on two nodes (PostgreSQL + Redis),
#                                         cross-node latency at half of the two-node peak, CPU of every process;
#                                         writes docs/benchmarks/cluster.{md,json}
#        scripts/bench.sh search          messages.search latency on 1,000,000 messages, and the index's size
#        scripts/bench.sh files           upload/download MB/s of a 20 MiB file, and the rate-50 % chat latency
#                                         without and while 2 connections move files; docs/benchmarks/files.{md,json}
#        CHAT_BENCH_ARGS="--runs 5" scripts/bench.sh   passes options on to chat-bench
# The server runs pinned to core 1 and the load generator to core 0 (taskset), for product and ceiling alike;
# in `cluster`, every node, PostgreSQL and redis-server share core 1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
bin=build/release/tests/bench
report_dir=docs/benchmarks
mkdir -p "$report_dir"

pin_load=()
if [ "$(nproc)" -ge 2 ]; then
  export BENCH_SERVER_CPU=1
  pin_load=(taskset -c 0)
fi
read -r -a extra <<<"${CHAT_BENCH_ARGS:-}"

run_chat_bench() {
  "${pin_load[@]}" "$bin/chatbench/chat-bench" "$@" "${extra[@]}"
}

if [ $# -eq 0 ]; then
  run_chat_bench suite --out "$report_dir/latest"
  set -- store search client
fi
for mode in "$@"; do
  echo "== $mode"
  case "$mode" in
    dm | rate | group | history | login | idle) run_chat_bench "$mode" ;;
    cluster) run_chat_bench cluster --out "$report_dir/cluster" ;;
    files) run_chat_bench files --out "$report_dir/files" ;;
    store) "${pin_load[@]}" "$bin/store/bench-history-store" ;;
    search) "${pin_load[@]}" "$bin/search/bench-search" ;;
    client) QT_QPA_PLATFORM=offscreen "${pin_load[@]}" "$bin/client/bench-client" ;;
    *) echo "unknown benchmark: $mode (dm, rate, group, history, login, idle, cluster, files, store, search, client)" >&2; exit 2 ;;
  esac
done
