#!/usr/bin/env bash
# Installs everything Ark Workbench needs to build, run and test on Debian 12 (bookworm).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
  # build
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev nlohmann-json3-dev
  # run time: plugins and services loaded at run time
  qt6-qpa-plugins qt6-image-formats-plugins libqt6sql6-sqlite libsecret-1-0
  gstreamer1.0-plugins-good gstreamer1.0-libav fonts-dejavu-core fonts-noto-cjk
  # tests: a real Secret Service, a real X server for screenshots, curl for the benchmark,
  # clang for the libFuzzer target
  dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth curl clang
)
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "Dependencies installed."
