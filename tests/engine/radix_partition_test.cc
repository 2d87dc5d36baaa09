#include "engine/radix_partition.h"

#include <gtest/gtest.h>

#include <bit>
#include <random>

namespace stedi {
namespace {

// Checks `out` holds, per partition, exactly the valid rows of that
// partition in row order, as (key - base) and row.
void ExpectPartitioned(const std::vector<uint64_t>& keys, uint64_t base,
                       const std::vector<uint64_t>& valid, int shift, size_t partitions,
                       const std::vector<size_t>& bounds, const Buffer<KeyRow>& out) {
  ASSERT_EQ(bounds.size(), partitions + 1);
  std::vector<std::vector<uint32_t>> expect(partitions);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!valid.empty() && !((valid[i / 64] >> (i % 64)) & 1)) continue;
    expect[shift >= 64 ? 0 : (keys[i] - base) >> shift].push_back(static_cast<uint32_t>(i));
  }
  for (size_t p = 0; p < partitions; ++p) {
    ASSERT_EQ(bounds[p + 1] - bounds[p], expect[p].size()) << "partition " << p;
    for (size_t k = 0; k < expect[p].size(); ++k) {
      const KeyRow& e = out[bounds[p] + k];
      ASSERT_EQ(e.row, expect[p][k]) << "partition " << p << " in row order";
      ASSERT_EQ(e.key, keys[e.row] - base);
    }
  }
}

TEST(RadixPartitionTest, KeepsRowOrderAndSkipsInvalid) {
  const size_t n = 300000;  // several chunks on two threads
  std::mt19937_64 rng(4);
  std::vector<uint64_t> keys(n);
  for (uint64_t& k : keys) k = 1000 + (rng() & 0xffff);  // base 1000, 16 bits
  std::vector<uint64_t> valid((n + 63) / 64, ~0ull);
  for (size_t i = 0; i < n; i += 7) valid[i / 64] &= ~(1ull << (i % 64));
  Buffer<KeyRow> out;
  const auto bounds = PartitionKeyRows(keys.data(), n, 1000, valid, 12, 16, 2, &out);
  ExpectPartitioned(keys, 1000, valid, 12, 16, bounds, out);
  EXPECT_EQ(bounds[16], n - (n + 6) / 7);
}

// Many partitions go through the write-combining scatter (line_scatter.h):
// slices that start and end mid-line, empty and one-key partitions, a skewed
// partition, and 64-bit keys.
TEST(RadixPartitionTest, ManyPartitionsWithSkewAndFullWidthKeys) {
  std::mt19937_64 rng(9);
  for (int threads : {1, 2}) {
    for (size_t partitions : {64, 256, 1024}) {
      const int pbits = std::countr_zero(partitions);
      const size_t n = 400000 + partitions * 3 + threads;  // uneven slices
      std::vector<uint64_t> keys(n);
      for (size_t i = 0; i < n; ++i) {
        // A third of the keys crowd into partition 5; the last one is nearly empty.
        keys[i] = i % 3 == 0 ? (5ull << (64 - pbits)) + i : rng();
        if (keys[i] >> (64 - pbits) == partitions - 1) keys[i] &= ~(1ull << 63);
      }
      keys[n / 2] = ~0ull;  // alone in the last partition
      std::vector<uint64_t> valid;
      for (bool with_invalid : {false, true}) {
        if (with_invalid) {
          valid.assign((n + 63) / 64, ~0ull);
          for (size_t i = 0; i < n; i += 5) valid[i / 64] &= ~(1ull << (i % 64));
          valid[n / 2 / 64] |= 1ull << (n / 2 % 64);
        }
        Buffer<KeyRow> rows;
        const auto b =
            PartitionKeyRows(keys.data(), n, 0, valid, 64 - pbits, partitions, threads, &rows);
        ExpectPartitioned(keys, 0, valid, 64 - pbits, partitions, b, rows);
        Buffer<uint64_t> bare;
        const auto b2 =
            PartitionKeys(keys.data(), n, 0, valid, 64 - pbits, partitions, threads, &bare);
        ASSERT_EQ(b, b2);
        for (size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(bare[i], rows[i].key) << i;
      }
    }
  }
}

TEST(RadixPartitionTest, OnePartitionOfFullWidthKeys) {
  std::vector<uint64_t> keys = {~0ull, 0, 1ull << 63, 5};
  Buffer<uint64_t> out;
  const auto b = PartitionKeys(keys.data(), keys.size(), 0, {}, 64, 1, 2, &out);
  ASSERT_EQ(b, (std::vector<size_t>{0, 4}));
  EXPECT_TRUE(std::equal(keys.begin(), keys.end(), out.begin()));
}

}  // namespace
}  // namespace stedi
