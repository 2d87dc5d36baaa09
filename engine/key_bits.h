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

// Calls f(row, is_null, bits) for rows [begin, end) of `c`, bits being the
// row's OrderBits (0 for NULL rows). Strings map to rank[code] when `rank`
// is given (their rank in sorted order: StringDictionary::SortedRanks), else
// to their code (equality only). One typed loop per column type, so the
// per-row work stays a few instructions.
template <typename F>
void VisitOrderBits(const Column& c, const std::vector<int32_t>& rank, size_t begin, size_t end,
                    F&& f) {
  const bool nulls = c.null_count() > 0;
  auto visit = [&](auto&& bits_of) {
    for (size_t i = begin; i < end; ++i) {
      const bool null = nulls && c.IsNull(i);
      f(i, null, null ? uint64_t{0} : bits_of(i));
    }
  };
  switch (c.type()) {
    case TypeId::kString: {
      const int32_t* codes = c.codes().data();
      if (rank.empty())
        return visit([&](size_t i) { return uint64_t{static_cast<uint32_t>(codes[i])}; });
      return visit([&](size_t i) { return static_cast<uint64_t>(rank[codes[i]]); });
    }
    case TypeId::kBool: {
      const uint8_t* v = c.data<uint8_t>().data();
      return visit([&](size_t i) { return uint64_t{v[i] != 0}; });
    }
    case TypeId::kDouble: {
      const double* v = c.data<double>().data();
      return visit([&](size_t i) { return OrderBits(v[i]); });
    }
    case TypeId::kInt32: {
      const int32_t* v = c.data<int32_t>().data();
      return visit([&](size_t i) { return OrderBits(int64_t{v[i]}); });
    }
    case TypeId::kInt64:
    case TypeId::kTimestamp: {
      const int64_t* v = c.data<int64_t>().data();
      return visit([&](size_t i) { return OrderBits(v[i]); });
    }
  }
}

// OrderBits of every row of `c` (0 for NULL rows). Strings map to their rank
// in sorted order when `string_order`, else to their code (equality only).
void ColumnOrderBits(const Column& c, bool string_order, std::vector<uint64_t>* out);

}  // namespace stedi
