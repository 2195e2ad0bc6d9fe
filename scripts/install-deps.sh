#!/usr/bin/env bash
# Installs what building, running and testing the project needs, from Debian's/Ubuntu's archive only.
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev qt6-l10n-tools
  libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev libgl-dev
  libsodium-dev libhiredis-dev libicu-dev
  fonts-dejavu-core fonts-noto-color-emoji xvfb openssl xauth dpkg-dev file
  dbus-daemon gnome-keyring libsecret-1-0
  postgresql redis-server haproxy
  clang libclang-rt-14-dev
)

# dbus-daemon (dbus-run-session), gnome-keyring and libsecret: the client's keychain GUI tests run the
# default token store against a real Secret Service (tests/gui/run-with-dbus.sh).
# clang and libclang-rt-14-dev build the libFuzzer targets (tests/fuzz/run-fuzz.sh, run by CI).
# Node.js runs the interop test (a client in another language); any installed node will do.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
