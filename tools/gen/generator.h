// stedi-gen's library: writes STEDI-shaped landing data at any scale.
//
// Scale N writes N disjoint copies of a world shaped like the Udacity starter
// data (universe.h), so each of the eight zone tables built from the output
// has exactly N times its reference row count (ExpectedCounts). The output is
// a pure function of (scale, seed): the same bytes for any thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace stedi::gen {

struct GenOptions {
  std::string out_dir;
  uint32_t scale = 1;  // 1 .. kMaxScale
  uint64_t seed = 1;
  // Allow a non-empty out_dir: its landing *.json files and stedi-gen.json
  // are deleted first; nothing else in it is touched.
  bool force = false;
  unsigned threads = 0;  // 0: one per core; never more than scale
};

struct GenStats {
  uint64_t files = 0;  // landing files, without the manifest
  uint64_t bytes = 0;
  uint64_t rows = 0;
};

// Called after each copy is written, from the worker threads one at a time.
using GenProgress =
    std::function<void(uint32_t copies_done, uint32_t copies_total, uint64_t bytes_written)>;

// The eight zone tables and their row counts at `scale`, in zone order.
std::vector<std::pair<std::string, uint64_t>> ExpectedCounts(uint32_t scale);

// The manifest text written to <out_dir>/stedi-gen.json (one JSON object).
std::string ManifestJson(uint32_t scale, uint64_t seed);

// Writes the landing folders and, last, the manifest. InvalidArgument for a
// bad scale or a non-empty out_dir without force; IOError when the
// filesystem refuses. REQUIRES: !options.out_dir.empty().
Result<GenStats> Generate(const GenOptions& options, const GenProgress& progress = nullptr);

}  // namespace stedi::gen
