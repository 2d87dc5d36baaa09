#!/usr/bin/env bash
# Runs every Google Benchmark binary under BUILD/bench and writes each one's
# JSON report to RESULTS/<binary>.json (plus machine.txt: CPU, cores, memory).
#
#   bench/run_all.sh [--build DIR] [--results DIR] [-- extra benchmark flags]
#
# BUILD defaults to build/ (scripts/build.sh), RESULTS to
# BUILD/bench-results/<date-time>. Flags after -- go to every binary, e.g.
#   bench/run_all.sh -- --benchmark_filter=10M --benchmark_repetitions=3
# Exit status is non-zero if any binary failed; the others still run.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
results=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run_all.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if [[ ! -d "$build/bench" ]]; then
  echo "run_all.sh: no $build/bench; build first (scripts/build.sh) or pass --build DIR" >&2
  exit 2
fi
results="${results:-$build/bench-results/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$results" || exit 1

mapfile -t binaries < <(find "$build/bench" -type f -perm -u+x -name '*_bench' | sort)
if [[ ${#binaries[@]} -eq 0 ]]; then
  echo "run_all.sh: no *_bench binaries under $build/bench" >&2
  exit 2
fi
{
  lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket)'
  free -h | sed -n 2p
  uname -srm
} > "$results/machine.txt"

failed=0
for bin in "${binaries[@]}"; do
  name="$(basename "$bin")"
  echo "== $name" >&2
  if ! "$bin" --benchmark_out="$results/$name.json" --benchmark_out_format=json "$@"; then
    echo "run_all.sh: $name failed" >&2
    failed=1
  fi
done
echo "run_all.sh: JSON reports in $results" >&2
exit "$failed"
