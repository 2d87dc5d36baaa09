#!/usr/bin/env bash
# Configures and builds stedi (Release, -march=native) into build/.
# STEDI_PRESET=portable builds without -march=native; STEDI_PRESET=asan a sanitized Debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${STEDI_PRESET:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
