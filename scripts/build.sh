#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: release). Usage: scripts/build.sh [dev|release|asan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
