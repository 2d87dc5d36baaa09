#include "engine/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/radix_partition.h"

namespace stedi {
namespace {

TEST(RadixSortTest, StableAndSortedForManyWidths) {
  std::mt19937_64 rng(3);
  for (int bits : {0, 1, 5, 12, 13, 24, 40, 63, 64}) {
    for (size_t n : {0, 1, 10, 63, 64, 1000, 50000}) {
      std::vector<KeyRow> data(n), scratch(n);
      const uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
      for (size_t i = 0; i < n; ++i) {
        data[i] = {rng() & mask & (rng() % 4 ? ~0ull : 0xff), static_cast<uint32_t>(i), 0};
      }
      std::vector<KeyRow> expect = data;
      std::stable_sort(expect.begin(), expect.end(),
                       [](const KeyRow& a, const KeyRow& b) { return a.key < b.key; });
      const KeyRow* got = RadixSortKeyRows(data.data(), scratch.data(), n, bits);
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(got[i].key, expect[i].key) << bits << " " << n << " " << i;
        ASSERT_EQ(got[i].row, expect[i].row) << "stable";
      }
    }
  }
}

TEST(RadixSortTest, PartitionKeepsRowOrderAndSkipsInvalid) {
  const size_t n = 300000;  // several chunks on two threads
  std::mt19937_64 rng(4);
  std::vector<uint64_t> keys(n);
  for (uint64_t& k : keys) k = 1000 + (rng() & 0xffff);  // base 1000, 16 bits
  std::vector<uint64_t> valid((n + 63) / 64, ~0ull);
  for (size_t i = 0; i < n; i += 7) valid[i / 64] &= ~(1ull << (i % 64));
  Buffer<KeyRow> out;
  const auto bounds = PartitionKeyRows(keys.data(), n, 1000, valid, 12, 16, 2, &out);
  ASSERT_EQ(bounds.size(), 17u);
  EXPECT_EQ(bounds[16], n - (n + 6) / 7);
  for (size_t p = 0; p < 16; ++p) {
    for (size_t i = bounds[p]; i < bounds[p + 1]; ++i) {
      ASSERT_EQ(out[i].key >> 12, p);
      ASSERT_EQ(out[i].key, keys[out[i].row] - 1000);
      ASSERT_NE(out[i].row % 7, 0u);
      if (i > bounds[p]) {
        ASSERT_LT(out[i - 1].row, out[i].row);
      }
    }
  }
}

}  // namespace
}  // namespace stedi
