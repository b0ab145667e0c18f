#!/usr/bin/env bash
# Builds dyad with warnings as errors and runs every test (CTest), then the sanitizer build
# (ASan + UBSan) of the same suite. Tests that need ../shared skip where it is absent.
# Build directories: build-test/ and build-asan/ (override with DYAD_BUILD_ROOT).
set -euo pipefail
cd "$(dirname "$0")/.."
root="${DYAD_BUILD_ROOT:-.}"
jobs="${DYAD_JOBS:-$(nproc)}"

cmake -S . -B "$root/build-test" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDYAD_WERROR=ON >/dev/null
cmake --build "$root/build-test" -j "$jobs"
ctest --test-dir "$root/build-test" --output-on-failure -j "$jobs"

if [ "${DYAD_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S . -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDYAD_WERROR=ON \
    -DDYAD_SANITIZE=ON >/dev/null
  cmake --build "$root/build-asan" -j "$jobs"
  # The sanitizer pass runs the whole suite except the full-corpus runs (label "corpus"),
  # which the release pass above already covers.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs" -LE corpus
fi
