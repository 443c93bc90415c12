#!/usr/bin/env bash
# Builds Ark Workbench and runs every test: ctest inside a private D-Bus session with an unlocked
# gnome-keyring (tests/with-keyring.sh); widget tests use the offscreen platform. When clang is
# present, the SSE/chunk fuzzer also runs for ARK_FUZZ_SECONDS (default 20) as a smoke test.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# ccache: relative paths, so another checkout of the same sources reuses the cache.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
build=${ARK_BUILD_DIR:-$root/build}
"$root/packaging/build.sh"

fuzz_seconds=${ARK_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" -gt 0 ] && command -v clang++ >/dev/null; then
  fuzz_build="$build-fuzz"
  if [ ! -f "$fuzz_build/build.ninja" ]; then
    CXX=clang++ cmake -S "$root" -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DARK_BUILD_FUZZERS=ON -DARK_BUILD_TESTS=OFF -DARK_BUILD_BENCHMARKS=OFF >/dev/null
  fi
  cmake --build "$fuzz_build" --target fuzz_stream
  corpus=$(mktemp -d)
  cp "$root"/tests/data/sse/fuzz_seeds/* "$corpus"/ 2>/dev/null || true
  "$fuzz_build/bin/fuzz_stream" -max_total_time="$fuzz_seconds" -print_final_stats=0 "$corpus" 2>&1 | tail -n 3
  rm -rf "$corpus"
fi

"$root/tests/with-keyring.sh" ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
