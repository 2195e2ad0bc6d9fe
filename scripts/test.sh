#!/usr/bin/env bash
# The README's second command: installs what is missing, builds (Debug, with tests), runs the whole ctest suite.
# With CHAT_HARDENING=1 (as .ci/run sets it) or CI set, it first runs the suite again under ASan + UBSan
# (scripts/sanitize.sh, ~25 min on 2 cores) and every fuzz target for CHAT_FUZZ_SECONDS (30) each.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ -n "${CI:-}" ] || [ "${CHAT_HARDENING:-0}" = 1 ]; then
  tests/fuzz/run-fuzz.sh "${CHAT_FUZZ_SECONDS:-30}"
  scripts/sanitize.sh
fi
scripts/build.sh dev
ctest --preset dev --output-on-failure -j2 "$@"
