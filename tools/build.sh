#!/usr/bin/env bash
# Builds the release binary with profile-guided optimization: an instrumented build codes some
# news text with the shipped knowledge (and with the TABARI dictionaries when ../shared has
# them), then the same directory is rebuilt with the profiles it wrote. The coder's hot loops
# are what the profile is for; docs/benchmarks.md has the figures and says which text trained
# the measured binary.
#
# Then, when llvm-bolt (Debian's bolt-16) is installed, the binary's code is laid out again by
# how often each block ran on the same text: an instrumented copy codes it, and llvm-bolt puts
# the hot blocks of all functions together (the coder's hot code is larger than the CPU's
# instruction cache). The laid-out binary must code the training text exactly as the binary it
# came from did; else, or without llvm-bolt, the profile-guided binary is kept as it is.
#
# Usage: tools/build.sh [BUILD_DIR]   (default: build; DYAD_JOBS sets the parallel jobs;
# DYAD_BOLT=0 skips the layout step). It builds dyad and, when Google Benchmark is installed,
# dyad_bench; the tests are built and run by tools/test.sh in directories of their own.
# Training text: examples/ and tools/training/news.jsonl (wire-style articles written for this
# project, so that a checkout without ../shared still trains on some 90 stories instead of two),
# and where present ../shared/corpora/guardian_ngec_sample.jsonl and bbc_politics.jsonl (not the
# Reuters corpus the benchmarks time).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
jobs="${DYAD_JOBS:-$(nproc)}"
shared=../shared

# llvm-bolt finds its instrumentation runtime beside its real path, not beside the symlink.
bolt="" merge_fdata=""
if [ "${DYAD_BOLT:-1}" != 0 ] && command -v llvm-bolt-16 >/dev/null &&
   command -v merge-fdata-16 >/dev/null; then
  bolt="$(readlink -f "$(command -v llvm-bolt-16)")"
  merge_fdata="$(readlink -f "$(command -v merge-fdata-16)")"
fi
bolt_ready=OFF
[ -n "$bolt" ] && bolt_ready=ON

generator=()
[ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja)  # an existing directory keeps its own
rm -rf "$dir/pgo-profile"
cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DDYAD_BUILD_TESTS=OFF \
  -DDYAD_PGO=generate -DDYAD_BOLT_READY=$bolt_ready >/dev/null
cmake --build "$dir" -j "$jobs" --target dyad

training=(examples tools/training/news.jsonl)
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
# Codes every training input with the binary $1, with each knowledge set; with a second
# argument, writes the events to files in that directory (for the comparison below).
train() {
  local binary="$1" events="${2:-}" n=0 out=/dev/null
  for input in "${training[@]}"; do
    n=$((n + 1))
    [ -n "$events" ] && out="$events/$n-default.jsonl"
    "$binary" code "$input" --threads 1 -o "$out" 2>/dev/null || return 1
    if [ ${#tabari[@]} -gt 0 ]; then
      [ -n "$events" ] && out="$events/$n-tabari.jsonl"
      "$binary" code "$input" --threads 1 --quiet-warnings "${tabari[@]}" -o "$out" 2>/dev/null \
        || return 1
    fi
  done
}

export DYAD_CACHE_DIR="$dir/pgo-cache"
echo "training the profile on: ${training[*]}"
train "$dir/dyad"
rm -rf "$dir/pgo-cache"

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DDYAD_BUILD_TESTS=OFF -DDYAD_PGO=use \
  -DDYAD_BOLT_READY=$bolt_ready >/dev/null
cmake --build "$dir" -j "$jobs"

# The layout step: instrument, train, lay out, compare. Any failure leaves the profile-guided
# binary in place (returns non-zero; the log is in $dir/bolt).
lay_out() {
  local work="$dir/bolt"
  rm -rf "$work"
  mkdir -p "$work/profile" "$work/before" "$work/after" || return 1
  export DYAD_CACHE_DIR="$work/cache"
  "$bolt" "$dir/dyad" -o "$work/dyad.instrumented" -instrument \
    -instrumentation-file="$work/profile/run" -instrumentation-file-append-pid \
    >"$work/log" 2>&1 || return 1
  train "$work/dyad.instrumented" || return 1
  "$merge_fdata" "$work"/profile/run.*.fdata >"$work/profile.fdata" 2>>"$work/log" || return 1
  "$bolt" "$dir/dyad" -o "$work/dyad" -data="$work/profile.fdata" -reorder-blocks=ext-tsp \
    -reorder-functions=hfsort+ -split-functions -split-all-cold -split-eh -icf=1 \
    -use-gnu-stack >>"$work/log" 2>&1 || return 1
  train "$dir/dyad" "$work/before" || return 1
  train "$work/dyad" "$work/after" || return 1
  if ! diff -r -q "$work/before" "$work/after" >>"$work/log" 2>&1; then
    echo "the laid-out binary codes the training text differently" >>"$work/log"
    return 1
  fi
  mv "$work/dyad" "$dir/dyad" && rm -rf "$work"
}

if [ -n "$bolt" ]; then
  echo "laying out the code with llvm-bolt, trained on the same text"
  if ! lay_out; then
    echo "llvm-bolt step failed: kept the profile-guided binary (see $dir/bolt/log)" >&2
  fi
fi
