#!/bin/sh
# Builds the libFuzzer targets with clang in their own build folder and runs each for a bounded time.
#   tests/fuzz/run-fuzz.sh [seconds per target] [target...] [-- extra libFuzzer flags...]
# Targets: jsonrpc_decode params config outgoing_frame proxy_header (default: all), 60 s each by default.
# New inputs go to <build>/corpus/<target>, seeded from tests/fuzz/corpus/<target>, so the checked-in seeds
# stay curated. A crash leaves crash-* in <build>/artifacts/<target> and fails the run: copy it into
# tests/fuzz/corpus/<target> so that unit_fuzzcorpus replays it on every ctest run.
# Prints one line per target: "fuzz <target>: <runs> runs in <seconds> s".
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${CHAT_FUZZ_BUILD_DIR:-$root/build/fuzz}
all="jsonrpc_decode params config outgoing_frame proxy_header"
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    targets="$targets $1"
    shift
done
[ $# -gt 0 ] && shift
targets=${targets:-$all}

launcher=""
command -v ccache >/dev/null && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ $launcher \
    -DCHAT_BUILD_CLIENT=OFF -DCHAT_BUILD_BENCH=OFF -DCHAT_BUILD_TESTS=ON -DCHAT_BUILD_FUZZ=ON >/dev/null
cmake --build "$build" --target fuzz_targets

# Per target: the longest input worth trying (a frame larger than max_frame_bytes never reaches the decoder;
# a PROXY line has at most 107 bytes) and a dictionary where one helps.
options_for() {
    case "$1" in
    jsonrpc_decode|params) echo "-max_len=65536 -dict=$here/jsonrpc.dict" ;;
    config) echo "-max_len=4096 -dict=$here/config.dict" ;;
    outgoing_frame) echo "-max_len=4096" ;;
    proxy_header) echo "-max_len=128 -dict=$here/proxy_header.dict" ;;
    *) echo "unknown fuzz target: $1 (one of: $all)" >&2; exit 2 ;;
    esac
}

status=0
for target in $targets; do
    options=$(options_for "$target")
    mkdir -p "$build/corpus/$target" "$build/artifacts/$target" "$here/corpus/$target"
    log="$build/artifacts/$target/last-run.log"
    # shellcheck disable=SC2086 # options are words on purpose
    if "$build/tests/fuzz/fuzz_$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $options \
        -artifact_prefix="$build/artifacts/$target/" "$@" \
        "$build/corpus/$target" "$here/corpus/$target" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz $target: ${runs:-?} runs in $seconds s"
    else
        echo "fuzz $target: FAILED, see $log and the input in $build/artifacts/$target/" >&2
        tail -n 40 "$log" >&2
        status=1
    fi
done
exit $status
