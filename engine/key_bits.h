// Order-preserving unsigned images of column values, shared by the join,
// group-by and sort keys: a < b <=> OrderBits(a) < OrderBits(b).
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/column.h"

namespace stedi {

inline uint64_t OrderBits(int64_t v) { return static_cast<uint64_t>(v) ^ (1ull << 63); }

// -0 maps with +0 and every NaN to one value above +infinity, so equal
// doubles (in the SQL sense) have equal images.
inline uint64_t OrderBits(double d) {
  if (d == 0) d = 0;
  if (d != d) d = std::numeric_limits<double>::quiet_NaN();
  const uint64_t u = std::bit_cast<uint64_t>(d);
  return (u >> 63) ? ~u : u | (1ull << 63);
}

// OrderBits of every row of `c` (0 for NULL rows). Strings map to their rank
// in sorted order when `string_order`, else to their code (equality only);
// with string_order, `ranks` (when given) gets rank[code] for a string column.
void ColumnOrderBits(const Column& c, bool string_order, std::vector<uint64_t>* out,
                     std::vector<int32_t>* ranks = nullptr);

}  // namespace stedi
