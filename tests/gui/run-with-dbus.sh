#!/bin/sh
# Runs a test program inside its own D-Bus session, as a desktop would (CI has no session bus):
#   run-with-dbus.sh keyring PROGRAM [ARGS...]   with gnome-keyring's Secret Service and an unlocked login keyring
#   run-with-dbus.sh bare PROGRAM [ARGS...]      a bus and nothing on it
set -eu
mode=$1
shift
if [ "${IN_CHAT_DBUS_SESSION:-}" != 1 ]; then
  IN_CHAT_DBUS_SESSION=1 exec dbus-run-session -- "$0" "$mode" "$@"
fi
status=0
if [ "$mode" = keyring ]; then
  # A throwaway login keyring in a folder of this run (the user's own keyrings stay untouched). The
  # daemon creates it only for a non-empty password; it prints the environment its clients need.
  keyrings=$(mktemp -d)
  eval "$(printf '%s\n' chat-tests | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@" || status=$?
  rm -rf "$keyrings"
  exit $status
fi
exec "$@"
