#!/usr/bin/env bash
# Configures (once) and builds Ark Workbench into build/ (or $ARK_BUILD_DIR) with Ninja.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# ccache: relative paths, so another checkout of the same sources reuses the cache.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
build=${ARK_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARK_WERROR=ON
fi
cmake --build "$build"
