#!/usr/bin/env bash
# stedi's ingest beside DuckDB's read_json, same landing files, same run.
#
#   bench/ingest/compare_read_json.sh --landing DIR [--build DIR] [--runs N]
#
# DIR is a stedi-gen output (e.g. `stedi-gen --scale 30 --seed 42 --out DIR`).
# Runs ingest_bench (STEDI_BENCH_LANDING=DIR, N repetitions of at least 2 s,
# 1 and 2 threads), then bench/peers/duckdb_read_json.mjs (N passes, 1 and 2
# threads), and prints one markdown table of medians: wall MB/s and MB per
# CPU-second, plus the load average before and after. BUILD defaults to
# build/. Needs node and bench/peers/node_modules (npm ci in bench/peers).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$root/build"
landing=""
runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --landing) landing="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare_read_json.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "$landing" || ! -d "$landing" ]]; then
  echo "compare_read_json.sh: --landing DIR (a stedi-gen output) is required" >&2
  exit 2
fi
bench="$build/bench/ingest/ingest_bench"
if [[ ! -x "$bench" ]]; then
  echo "compare_read_json.sh: no $bench; build the ingest_bench target first" >&2
  exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
STEDI_BENCH_LANDING="$landing" "$bench" --benchmark_repetitions="$runs" \
  --benchmark_format=json >"$tmp/stedi.json"
node "$root/bench/peers/duckdb_read_json.mjs" --landing "$landing" --runs "$runs" \
  --threads 1,2 >"$tmp/duckdb.jsonl"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/stedi.json" "$tmp/duckdb.jsonl" "$load_before" "$load_after" <<'PY'
import json, statistics, sys
stedi = json.load(open(sys.argv[1]))
rows = []
for threads in (1, 2):
    runs = [b for b in stedi["benchmarks"]
            if b.get("run_type") == "iteration" and f"threads:{threads}/" in b["name"]]
    rows.append(("stedi", threads, statistics.median(b["bytes_per_second"] for b in runs) / 1e6,
                 statistics.median(b["MB_per_cpu_s"] for b in runs), len(runs)))
for line in open(sys.argv[2]):
    d = json.loads(line)
    rows.append((f"DuckDB {d['version']} read_json", d["threads"], d["mb_per_s"],
                 d["mb_per_cpu_s"], len(d["seconds"])))
print(f"load average before: {sys.argv[3]}, after: {sys.argv[4]}\n")
print("| engine | threads | MB/s (median) | MB per CPU-second | runs |")
print("|---|---|---|---|---|")
for engine, threads, mbs, cpu, n in rows:
    print(f"| {engine} | {threads} | {mbs:.0f} | {cpu:.0f} | {n} |")
PY
