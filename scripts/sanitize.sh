#!/usr/bin/env bash
# Builds the whole suite with AddressSanitizer + UBSan (the asan preset, in build/asan) and runs it. Any report
# fails its test: ASan and UBSan halt on the first error (-fno-sanitize-recover=undefined), LeakSanitizer runs at
# every test's exit, with suppressions only for third-party leaks (tests/sanitizers/lsan.supp says why).
# Usage: scripts/sanitize.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh asan
ctest --preset asan --output-on-failure -j2 "$@"
