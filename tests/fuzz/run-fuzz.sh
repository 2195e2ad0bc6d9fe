#!/bin/sh
# Builds the decoder fuzz target with clang in its own build folder and runs it for a bounded time.
#   tests/fuzz/run-fuzz.sh [seconds] [extra libFuzzer flags...]     (default 60 s)
# New inputs go to <build>/corpus, seeded from tests/fuzz/corpus, so the checked-in seeds stay curated;
# a crash leaves crash-* in <build>/artifacts: add it to tests/fuzz/corpus so that unit_fuzzcorpus replays it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${CHAT_FUZZ_BUILD_DIR:-$root/build/fuzz}
seconds=${1:-60}
[ $# -gt 0 ] && shift

cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCHAT_BUILD_CLIENT=OFF -DCHAT_BUILD_BENCH=OFF -DCHAT_BUILD_TESTS=ON -DCHAT_BUILD_FUZZ=ON >/dev/null
cmake --build "$build" --target fuzz_jsonrpc_decode

mkdir -p "$build/corpus" "$build/artifacts"
# A frame larger than the server's max_frame_bytes never reaches the decoder.
exec "$build/tests/fuzz/fuzz_jsonrpc_decode" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=10 \
    -dict="$here/jsonrpc.dict" \
    -artifact_prefix="$build/artifacts/" \
    "$@" \
    "$build/corpus" "$here/corpus"
