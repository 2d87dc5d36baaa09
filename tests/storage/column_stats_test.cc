#include "storage/column_stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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

// Doubles without nulls (the vectorised path) against the scalar rule: no
// min/max when a NaN is present anywhere (also in a tail shorter than a
// vector), and of equal extremes the first in row order, which only zeros
// show (-0.0 == 0.0).
TEST(ColumnStatsTest, DoubleMinMaxOfSlicesMatchesAScan) {
  std::mt19937_64 rng(12);
  const double kValues[] = {-1.5, -1.0, -0.0, 0.0, 0.25, 1.0, 2.0};
  for (int round = 0; round < 40; ++round) {
    const size_t n = 1 + rng() % 70;
    Column c(TypeId::kDouble);
    std::vector<double> v;
    for (size_t i = 0; i < n; ++i) {
      v.push_back(round % 2 ? kValues[2 + rng() % 2] : kValues[rng() % 7]);  // odd: zeros only
    }
    if (round % 5 == 4) v[rng() % n] = std::nan("");
    for (double x : v) c.AppendDouble(x);
    const ChunkStats s = ComputeChunkStats(c, 0, n);
    bool any_nan = false;
    double lo = v[0], hi = v[0];
    for (double x : v) {
      any_nan |= std::isnan(x);
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    ASSERT_EQ(s.has_min_max, !any_nan) << round;
    if (any_nan) continue;
    EXPECT_EQ(s.min.d, lo) << round;
    EXPECT_EQ(s.max.d, hi) << round;
    EXPECT_EQ(std::signbit(s.min.d), std::signbit(lo)) << round;
    EXPECT_EQ(std::signbit(s.max.d), std::signbit(hi)) << round;
  }
}

}  // namespace
}  // namespace stedi
