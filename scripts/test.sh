#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite through ctest;
# then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan) and a short run of every fuzz target (build-fuzz, clang).
# STEDI_TEST_PARTS picks parts (default "release asan fuzz"); each part's
# build and test times are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
parts="${STEDI_TEST_PARTS:-release asan fuzz}"
jobs="$(nproc)"
timings=()

timed() {  # timed LABEL COMMAND...: runs COMMAND, records its wall time
  local label="$1" start=$SECONDS
  shift
  "$@"
  timings+=("$(printf '%-14s %4ds' "$label" $((SECONDS - start)))")
}

scripts/install-deps.sh
for part in $parts; do
  case "$part" in
    release)
      timed "release build" scripts/build.sh
      timed "release tests" ctest --preset release -j "$jobs"
      ;;
    asan)  # sanitizer options come from the asan test preset
      timed "asan build" env STEDI_PRESET=asan scripts/build.sh
      timed "asan tests" ctest --preset asan -j "$jobs"
      ;;
    fuzz)  # one ctest test per fuzz target, labelled fuzz
      timed "fuzz build" env STEDI_PRESET=fuzz scripts/build.sh
      timed "fuzz runs" ctest --preset fuzz -j "$jobs"
      ;;
    *)
      echo "test.sh: unknown part '$part' (release, asan, fuzz)" >&2
      exit 2
      ;;
  esac
done
printf 'test.sh: %s\n' "${timings[@]}"
