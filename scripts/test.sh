#!/usr/bin/env bash
# The README's second command: installs what is missing, builds (Debug, with tests), runs the whole ctest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev
ctest --preset dev --output-on-failure -j2 "$@"
