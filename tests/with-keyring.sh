#!/usr/bin/env bash
# Usage: tests/with-keyring.sh COMMAND [ARG...]
#
# Runs COMMAND with a real, unlocked Secret Service that belongs to nobody else: a private D-Bus session
# (dbus-run-session) and a fresh gnome-keyring-daemon whose keyring lives in a throw-away HOME. The
# person's own keyring is never touched (and would be locked with another password anyway), and the
# temporary directory is removed afterwards. Exits with COMMAND's exit status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=("dbus-run-session (Debian: apt install dbus-daemon)")
command -v dbus-send >/dev/null 2>&1 || missing+=("dbus-send (Debian: apt install dbus-bin)")
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=("gnome-keyring-daemon (Debian: apt install gnome-keyring)")
if [ "${#missing[@]}" -gt 0 ]; then
    for tool in "${missing[@]}"; do
        echo "$0: missing $tool" >&2
    done
    echo "$0: the keychain tests need a private Secret Service;" \
        "Debian: apt install dbus-daemon dbus-bin gnome-keyring libsecret-1-0 libsecret-tools" >&2
    exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ark-keyring.XXXXXX")
cleanup() {
    # The daemon leaves when its bus goes away; give it a moment if it is still writing its files.
    rm -rf "$scratch" 2>/dev/null || { sleep 1 && rm -rf "$scratch"; } || true
}
trap cleanup EXIT
# Make sure the EXIT trap (and so the clean-up) also runs on Ctrl+C or kill.
trap 'exit 130' INT
trap 'exit 143' TERM

chmod 700 "$scratch"
mkdir -m 700 "$scratch/home" "$scratch/run"
export HOME="$scratch/home"
# Tests that write into the keychain or read every file under HOME check this before they do.
export ARK_KEYRING_SANDBOX="$scratch"
export XDG_RUNTIME_DIR="$scratch/run" # must exist before dbus-run-session starts
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
# A KDE desktop would send qtkeychain to KWallet; a daemon of the person's session must not be reused.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS

# The password only unlocks this throw-away keyring; it is made up here and never stored.
password="ark-test-$$-$RANDOM"

# Inside the session: start and unlock the daemon (it creates the login keyring with that password),
# export whatever variables it prints, wait until it owns the Secret Service name (otherwise the first
# client would get a second, locked daemon through D-Bus activation), run the command with its arguments
# intact, and stop the daemon: one that is still settling in when the bus goes away can outlive it.
inner='
set -uo pipefail
daemon_env=$(printf %s "$ARK_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets) || {
    echo "with-keyring.sh: gnome-keyring-daemon failed to start" >&2
    exit 1
}
unset ARK_KEYRING_PASSWORD
while IFS= read -r line; do
    case "$line" in
    [A-Z_]*=*) export "$line" ;;
    esac
done <<<"$daemon_env"
bus_call() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        "org.freedesktop.DBus.$1" string:org.freedesktop.secrets 2>/dev/null
}
for _ in $(seq 100); do # a safety limit of about 10 s, not an expected duration
    case "$(bus_call NameHasOwner)" in *true*) break ;; esac
    sleep 0.1
done
daemon_pid=
read -r _ daemon_pid _ <<<"$(bus_call GetConnectionUnixProcessID)" || true # "uint32 PID"
case "$daemon_pid" in *[!0-9]*) daemon_pid= ;; esac
if [ -z "$daemon_pid" ]; then
    echo "with-keyring.sh: gnome-keyring-daemon did not register the Secret Service on the session bus" >&2
    exit 1
fi
"$@"
status=$?
kill "$daemon_pid" 2>/dev/null
exit "$status"
'

set +e
ARK_KEYRING_PASSWORD="$password" dbus-run-session -- bash -c "$inner" with-keyring "$@"
status=$?
set -e
exit "$status"
