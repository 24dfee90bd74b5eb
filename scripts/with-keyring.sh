#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a freshly unlocked GNOME Keyring, so tests use
# a real Secret Service without touching the user's own keyring (recipe: shared reference, recipes).
set -euo pipefail
if [ "${PARTNER_SETUP_TEST_KEYRING:-}" = 1 ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 2; }
done
exec dbus-run-session -- bash -c '
  set -euo pipefail
  HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
  export HOME XDG_RUNTIME_DIR PARTNER_SETUP_TEST_KEYRING=1
  chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"' with-keyring "$@"
