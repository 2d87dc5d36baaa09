#!/usr/bin/env bash
# Installs every build, test and benchmark dependency of stedi from Debian 12's
# own packages. Nothing else is downloaded, at install or at build time.
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build pkg-config   # toolchain
  libboost-dev libboost-program-options-dev   # command lines
  xtl-dev libxsimd-dev               # SIMD filter kernels (xsimd's target needs xtl)
  libzstd-dev                        # segment compression
  libxxhash-dev                      # chunk and footer checksums (XXH3)
  libsimdjson-dev                    # JSON Lines ingest
  zlib1g-dev                         # .json.gz landing files
  libgtest-dev libgmock-dev          # tests
  libbenchmark-dev                   # benchmarks
  clang libclang-rt-14-dev           # fuzz targets (libFuzzer) and their sanitizer runtimes
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
