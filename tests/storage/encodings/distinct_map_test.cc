#include "storage/encodings/distinct_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <set>
#include <vector>

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

TEST(DistinctMapTest, IdsInFirstSeenOrderAcrossGrowth) {
  DistinctMap map;
  std::mt19937_64 rng(1);
  std::vector<uint64_t> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back(rng() % 3000 * 7919);
  std::vector<uint64_t> first_seen;
  std::set<uint64_t> seen;
  for (uint64_t k : keys) {
    const uint32_t id = map.Insert(k);
    if (seen.insert(k).second) first_seen.push_back(k);
    ASSERT_LT(id, first_seen.size());
    EXPECT_EQ(first_seen[id], k);
  }
  EXPECT_EQ(map.size(), seen.size());
  EXPECT_EQ(map.keys(), first_seen);
  EXPECT_EQ(map.Insert(0), map.Insert(0));  // zero is a key like any other
}

TEST(DistinctMapTest, CountDistinctBitmapAndHashAgree) {
  std::mt19937_64 rng(2);
  std::vector<int64_t> small(10000), wide(10000);
  for (auto& v : small) v = -50 + static_cast<int64_t>(rng() % 100);  // bitmap path
  for (auto& v : wide) v = static_cast<int64_t>(rng() % 100) << 40;   // hash path
  EXPECT_EQ(CountDistinct(small, -50, 49, 1000), 100u);
  EXPECT_EQ(CountDistinct(wide, 0, int64_t{99} << 40, 1000), 100u);
  EXPECT_GT(CountDistinct(wide, 0, int64_t{99} << 40, 10), 10u);  // stops past the limit
  const int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(CountDistinct(std::vector<int64_t>{lo, hi, lo, 0}, lo, hi, 10), 3u);
  // The empty-slot marker is min - 1 when max is the largest int64.
  EXPECT_EQ(CountDistinct(std::vector<int64_t>{hi, hi - 1, 7, hi, 7}, 7, hi, 10), 3u);
}

// Past its initial size the set grows; the count stays exact up to the limit.
TEST(DistinctMapTest, CountDistinctGrowsAndMatchesASet) {
  std::mt19937_64 rng(3);
  std::vector<int64_t> v(120000);
  for (auto& x : v) x = 1655561147719 + static_cast<int64_t>(rng() % 60000) * 20;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  const size_t exact = std::set<int64_t>(v.begin(), v.end()).size();
  ASSERT_GT(exact, 40000u);
  EXPECT_EQ(CountDistinct(v, *lo, *hi, 1 << 16), exact);
  EXPECT_EQ(CountDistinct(v, *lo, *hi, 30000), 30001u);
  // The expected count only sizes the set: too large, exact or too small,
  // the counts are the same.
  for (size_t expected : {ComputeIntStats(v).runs, exact, size_t{100}, size_t{1}}) {
    EXPECT_EQ(CountDistinct(v, *lo, *hi, 1 << 16, expected), exact) << expected;
    EXPECT_EQ(CountDistinct(v, *lo, *hi, 30000, expected), 30001u) << expected;
  }
}

}  // namespace
}  // namespace stedi
