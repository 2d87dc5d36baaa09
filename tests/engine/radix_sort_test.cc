#include "engine/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

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

// Rows in descending runs with ties, as sensor files list each device's
// readings newest first, several per millisecond: buckets of tens to hundreds
// of such rows take the small-bucket sort, which must stay stable.
TEST(RadixSortTest, StableOnDescendingRunsWithTies) {
  for (size_t run : {20, 70, 130, 255, 256, 600}) {
    for (int threads : {1, 2}) {
      const size_t n = run * 300;
      std::vector<KeyRow> data(n), scratch(n);
      for (size_t i = 0; i < n; ++i) {
        const uint64_t device = (i / run) * 7919 % 300;    // devices in scrambled order
        const uint64_t time = (run - i % run) / 3 * 1000;  // newest first, 3 per tick
        data[i] = {device << 30 | time, static_cast<uint32_t>(i), 0};
      }
      std::vector<KeyRow> expect = data;
      std::stable_sort(expect.begin(), expect.end(),
                       [](const KeyRow& a, const KeyRow& b) { return a.key < b.key; });
      const KeyRow* got = RadixSortKeyRows(data.data(), scratch.data(), n, 40, threads);
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(got[i].key, expect[i].key) << run << " " << i;
        ASSERT_EQ(got[i].row, expect[i].row) << "stable " << run << " " << i;
      }
    }
  }
}

// The threaded sort gives the one-thread sort's result, stability included,
// also for keys crowding a few buckets and for keys with high bits set above
// `bits` (equal in all keys).
TEST(RadixSortTest, ThreadedMatchesOneThread) {
  std::mt19937_64 rng(7);
  for (int bits : {25, 45, 64}) {
    for (size_t n : {size_t{1} << 16, size_t{200003}}) {
      for (int shape = 0; shape < 3; ++shape) {
        const uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
        const uint64_t high = bits == 64 ? 0 : ~mask;
        std::vector<KeyRow> data(n);
        for (size_t i = 0; i < n; ++i) {
          uint64_t k = rng() & mask;
          if (shape == 1) k &= (rng() % 8 ? 0xffff : mask);  // most keys in bucket 0
          if (shape == 2) k = (i / 100) % 37 * (mask / 37);  // runs of equal keys
          data[i] = {k | high, static_cast<uint32_t>(i), 0};
        }
        std::vector<KeyRow> one = data, threaded = data, s1(n), s2(n);
        const KeyRow* a = RadixSortKeyRows(one.data(), s1.data(), n, bits);
        const KeyRow* b = RadixSortKeyRows(threaded.data(), s2.data(), n, bits, 3);
        for (size_t i = 0; i < n; ++i) {
          ASSERT_EQ(a[i].key, b[i].key) << bits << " " << n << " " << shape << " " << i;
          ASSERT_EQ(a[i].row, b[i].row) << bits << " " << n << " " << shape << " " << i;
          if (i > 0) {
            ASSERT_LE(a[i - 1].key, a[i].key);
          }
        }
      }
    }
  }
}

// Keys alone, read from an input that is one of the buffers or neither.
TEST(RadixSortTest, KeysSortedForManyWidthsAndPlacements) {
  std::mt19937_64 rng(5);
  for (int bits : {0, 1, 7, 12, 24, 25, 45, 63, 64}) {
    for (size_t n : {0, 1, 2, 63, 64, 1000, 20000}) {
      const uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
      std::vector<uint64_t> keys(n);
      // Some runs of equal keys, some keys differing only in low bits.
      for (uint64_t& k : keys) k = rng() & mask & (rng() % 4 ? ~0ull : 0xff);
      std::vector<uint64_t> expect = keys;
      std::sort(expect.begin(), expect.end());
      for (int placement = 0; placement < 3; ++placement) {
        std::vector<uint64_t> in = keys, a(n), b(n);
        const uint64_t* from = in.data();
        if (placement == 1) a = keys, from = a.data();
        if (placement == 2) b = keys, from = b.data();
        const uint64_t* got = RadixSortKeys(from, a.data(), b.data(), n, bits);
        ASSERT_TRUE(n == 0 || got == a.data() || got == b.data()) << "result in a buffer";
        ASSERT_TRUE(std::equal(expect.begin(), expect.end(), got))
            << "bits " << bits << " n " << n << " placement " << placement;
      }
    }
  }
}

}  // namespace
}  // namespace stedi
