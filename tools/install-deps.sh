#!/usr/bin/env bash
# Installs what dyad needs to build and test on Debian 12. Safe to run again.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libfmt-dev libsimdjson-dev libcli11-dev libhowardhinnant-date-dev libutf8proc-dev
  libsqlite3-dev libzstd-dev
  libjemalloc-dev  # the dyad command's allocator (src/cli/allocator.cpp)
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes
  bolt-16  # llvm-bolt: tools/build.sh lays out the release binary's code with it
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
