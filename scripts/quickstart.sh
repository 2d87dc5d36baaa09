#!/usr/bin/env bash
# The main job in one command: install dependencies, build, and build a lake.
#   scripts/quickstart.sh                  # from a generated sample (stedi-gen --scale 1)
#   scripts/quickstart.sh LANDING [LAKE]   # from your landing folder, e.g. ../shared/stedi
# Extra stedi-build-zones options may follow after --, e.g. -- --mode strict --json
set -euo pipefail
cd "$(dirname "$0")/.."
landing="${1:-}"
lake="${2:-lake}"
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && [ "$1" != "--" ] && shift
[ "${1:-}" = "--" ] && shift
scripts/install-deps.sh
scripts/build.sh
if [ -z "$landing" ]; then
  landing=sample
  if [ ! -f sample/stedi-gen.json ]; then
    echo "quickstart: writing a sample landing folder with stedi-gen (scale 1) into sample/"
    build/bin/stedi-gen --out sample --scale 1 --seed 42 --force --quiet
  fi
fi
exec build/bin/stedi-build-zones --landing "$landing" --lake "$lake" "$@"
