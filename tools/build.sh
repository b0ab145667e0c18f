#!/usr/bin/env bash
# Builds the release binary with profile-guided optimization: an instrumented build codes some
# news text with the shipped knowledge (and with the TABARI dictionaries when ../shared has
# them), then the same directory is rebuilt with the profiles it wrote. The coder's hot loops
# are what the profile is for; docs/benchmarks.md has the figures and says which text trained
# the measured binary.
#
# Usage: tools/build.sh [BUILD_DIR]   (default: build; DYAD_JOBS sets the parallel jobs). It
# builds dyad and, when Google Benchmark is installed, dyad_bench; the tests are built and run
# by tools/test.sh in directories of their own.
# Training text: examples/, and where present ../shared/corpora/guardian_ngec_sample.jsonl and
# bbc_politics.jsonl (not the Reuters corpus the benchmarks time).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
jobs="${DYAD_JOBS:-$(nproc)}"
shared=../shared

generator=()
[ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja)  # an existing directory keeps its own
rm -rf "$dir/pgo-profile"
cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DDYAD_BUILD_TESTS=OFF \
  -DDYAD_PGO=generate >/dev/null
cmake --build "$dir" -j "$jobs" --target dyad

training=(examples)
for corpus in guardian_ngec_sample.jsonl bbc_politics.jsonl; do
  [ -f "$shared/corpora/$corpus" ] && training+=("$shared/corpora/$corpus")
done
tabari=()
if [ -d "$shared/compat/tabari" ]; then
  t="$shared/compat/tabari"
  tabari=(--dict-only --dict "$t/CAMEO.091003.master.verbs" --dict "$t/CountryInfo.120116.actors"
          --dict "$t/Internatnl.120521.actors" --dict "$t/CAMEO.RCS.120521.actors"
          --dict "$t/CAMEO.ECS.120522.actors" --dict "$t/PSU.120522.agents")
fi
export DYAD_CACHE_DIR="$dir/pgo-cache"
echo "training the profile on: ${training[*]}"
for input in "${training[@]}"; do
  "$dir/dyad" code "$input" --threads 1 -o /dev/null 2>/dev/null
  if [ ${#tabari[@]} -gt 0 ]; then
    "$dir/dyad" code "$input" --threads 1 --quiet-warnings "${tabari[@]}" -o /dev/null 2>/dev/null
  fi
done
rm -rf "$dir/pgo-cache"

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DDYAD_BUILD_TESTS=OFF -DDYAD_PGO=use >/dev/null
cmake --build "$dir" -j "$jobs"
