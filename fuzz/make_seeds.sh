#!/usr/bin/env bash
# Builds seed corpora for the fuzz targets from generated data (stedi-gen,
# stedi-build-zones) and, when present, lines of the real landing data.
#
#   fuzz/make_seeds.sh [OUT]      (default: build-fuzz/fuzz/seeds)
#
# Writes OUT/<target>/ for record, file, segment, decoder and segdump_path.
# OUT lives in a build folder: never commit it (it may hold real data); the
# committed fuzz/seeds/ are small hand-made inputs and seed_writer samples.
# Environment: STEDI_BIN (stedi-gen and stedi-build-zones; default build/bin),
# FUZZ_BIN (seed_writer; default build-fuzz/fuzz), STEDI_REAL (real landing
# data; default ../shared/stedi).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build-fuzz/fuzz/seeds}"
bin="${STEDI_BIN:-$root/build/bin}"
fuzz_bin="${FUZZ_BIN:-$root/build-fuzz/fuzz}"
real="${STEDI_REAL:-$root/../shared/stedi}"
for tool in "$bin/stedi-gen" "$bin/stedi-build-zones" "$fuzz_bin/seed_writer"; do
  [ -x "$tool" ] || { echo "make_seeds: $tool missing (build it first)" >&2; exit 1; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"/{record,file,segment,decoder,segdump_path}

# One seed per input (control byte first, see each fuzzer's header comment).
seed() { local file="$1" control="$2"; shift 2; { printf "$control"; cat; } > "$file"; }

"$bin/stedi-gen" --out "$tmp/gen" --scale 1 --seed 7 --quiet
sources=("$tmp/gen")
[ -d "$real" ] && sources+=("$real")
n=0
for src in "${sources[@]}"; do
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    # record: a few lines of each file, against the fixed and inferred schemas.
    i=0
    while IFS= read -r line && [ $i -lt 3 ]; do
      i=$((i + 1))
      printf '%s' "$line" | seed "$out/record/fixed-$n-$i" '\x00'
      printf '%s' "$line" | seed "$out/record/infer-$n-$i" '\x01'
    done < "$f"
    # file: the first 20 lines, inferred schema, quarantine / skip with small chunks.
    head -n 20 "$f" | seed "$out/file/infer-quarantine-$n" '\x04'
    head -n 20 "$f" | seed "$out/file/infer-skip-chunks-$n" '\x0e'
  done < <(find "$src" -name '*.json' -print0 | sort -z | head -z -n 12)
done

# segment and segdump_path: a lake built from the generated data.
"$bin/stedi-build-zones" --landing "$tmp/gen" --lake "$tmp/lake" --threads 2 > /dev/null
while IFS= read -r -d '' s; do
  [ "$(stat -c %s "$s")" -le 65536 ] || continue
  name="$(echo "${s#"$tmp/lake/"}" | tr / _)"
  seed "$out/segment/$name" '\x00' < "$s"
  seed "$out/segment/repair-$name" '\x01' < "$s"
done < <(find "$tmp/lake" -name 'seg-*.sds' -print0)
"$fuzz_bin/seed_writer" pack "$tmp/lake" "$out/segdump_path/generated-lake"
"$fuzz_bin/seed_writer" samples "$out"
echo "make_seeds: $(find "$out" -type f | wc -l) seeds in $out"
