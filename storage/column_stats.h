// Zone-map statistics of a slice of a column: null count, min and max.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/column.h"
#include "core/value.h"

namespace stedi {

// Strings longer than this have no min/max recorded (a truncated max would
// not be an upper bound, and long keys would bloat the footer).
inline constexpr size_t kMaxStatStringBytes = 256;

struct ChunkStats {
  uint64_t null_count = 0;
  bool has_min_max = false;  // false: all null, a NaN, or a long string
  Value min;
  Value max;
};

// REQUIRES: begin <= end <= column.size().
ChunkStats ComputeChunkStats(const Column& column, size_t begin, size_t end);

}  // namespace stedi
