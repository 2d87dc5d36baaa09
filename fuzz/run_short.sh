#!/usr/bin/env bash
# run_short.sh FUZZER CORPUS SEEDS SECONDS: the test suite's short fuzz run.
# Grows CORPUS (in the build folder) from the committed SEEDS and the seeds
# of fuzz/make_seeds.sh when they were built; a finding fails the test and
# leaves the input in CORPUS.artifacts/.
set -euo pipefail
fuzzer="$1" corpus="$2" seeds="$3" seconds="$4"
generated="$(dirname "$fuzzer")/seeds/$(basename "$seeds")"
mkdir -p "$corpus" "$corpus.artifacts"
dirs=("$corpus" "$seeds")
[ -d "$generated" ] && dirs+=("$generated")
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:print_stacktrace=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
exec "$fuzzer" "${dirs[@]}" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
  -artifact_prefix="$corpus.artifacts/"
