#include "storage/column_stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace stedi {
namespace {

// Min and max of every slice of random integer columns, with and without
// nulls, against a plain scan.
TEST(ColumnStatsTest, IntegerMinMaxOfSlicesMatchesAScan) {
  std::mt19937_64 rng(11);
  for (TypeId type : {TypeId::kInt32, TypeId::kInt64, TypeId::kTimestamp}) {
    for (bool nulls : {false, true}) {
      Column c(type);
      std::vector<int64_t> v;
      for (int i = 0; i < 300; ++i) {
        const int64_t x = static_cast<int64_t>(rng() % 2001) - 1000;
        if (nulls && rng() % 5 == 0) {
          c.AppendNull();
          v.push_back(INT64_MIN);  // marks a null
        } else {
          type == TypeId::kInt32 ? c.AppendInt32(static_cast<int32_t>(x)) : c.AppendInt64(x);
          v.push_back(x);
        }
      }
      for (size_t begin = 0; begin < v.size(); begin += 37) {
        for (size_t end = begin; end <= v.size(); end += 29) {
          const ChunkStats s = ComputeChunkStats(c, begin, end);
          std::vector<int64_t> valid;
          for (size_t i = begin; i < end; ++i) {
            if (v[i] != INT64_MIN) valid.push_back(v[i]);
          }
          ASSERT_EQ(s.null_count, end - begin - valid.size());
          ASSERT_EQ(s.has_min_max, !valid.empty()) << begin << " " << end;
          if (valid.empty()) continue;
          EXPECT_EQ(s.min.i, *std::min_element(valid.begin(), valid.end()));
          EXPECT_EQ(s.max.i, *std::max_element(valid.begin(), valid.end()));
        }
      }
    }
  }
}

}  // namespace
}  // namespace stedi
