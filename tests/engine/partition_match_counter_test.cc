#include "engine/partition_match_counter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace stedi {
namespace {

uint64_t NaiveCount(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::map<uint64_t, uint64_t> seen;
  for (uint64_t k : a) ++seen[k];
  uint64_t c = 0;
  for (uint64_t k : b) {
    auto it = seen.find(k);
    if (it != seen.end()) c += it->second;
  }
  return c;
}

// Keys of `bits` bits (above them, the fixed `high`), about `distinct` values.
std::vector<uint64_t> Keys(size_t n, int bits, uint64_t distinct, uint64_t high,
                           std::mt19937_64& rng) {
  const uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
  std::vector<uint64_t> pool(std::max<uint64_t>(distinct, 1));
  for (uint64_t& v : pool) v = (rng() & mask) | (high & ~mask);
  std::vector<uint64_t> keys(n);
  for (uint64_t& k : keys) k = pool[rng() % pool.size()];
  return keys;
}

void ExpectCount(PartitionMatchCounter* counter, std::vector<uint64_t> a, std::vector<uint64_t> b,
                 int bits, const std::string& what) {
  const uint64_t expect = NaiveCount(a, b);
  using Run = PartitionMatchCounter::Run;
  EXPECT_EQ(
      counter->Count(Run{a.data(), a.size(), 0, false}, Run{b.data(), b.size(), 0, false}, bits),
      expect)
      << what << " unsorted";
  // A sorted side is read in place, with its base subtracted on the fly.
  const uint64_t base = 12345;
  std::vector<uint64_t> sorted_b = b;
  std::sort(sorted_b.begin(), sorted_b.end());
  for (uint64_t& k : sorted_b) k += base;
  EXPECT_EQ(counter->Count(Run{a.data(), a.size(), 0, false},
                           Run{sorted_b.data(), sorted_b.size(), base, true}, bits),
            expect)
      << what << " right sorted";
  std::vector<uint64_t> sorted_a = a;
  std::sort(sorted_a.begin(), sorted_a.end());
  EXPECT_EQ(counter->Count(Run{sorted_a.data(), sorted_a.size(), 0, true},
                           Run{sorted_b.data(), sorted_b.size(), base, true}, bits),
            expect)
      << what << " both sorted";
}

TEST(PartitionMatchCounterTest, MatchesNaiveCount) {
  std::mt19937_64 rng(11);
  PartitionMatchCounter counter;  // one counter throughout: buffers are reused and regrown
  for (int bits : {0, 1, 9, 12, 13, 45, 64}) {
    for (size_t n : {0, 1, 2, 7, 100, 5000, 30000}) {
      for (uint64_t distinct : {uint64_t{1}, uint64_t{3}, n / 3 + 1, n * 2 + 1}) {
        const uint64_t high = bits == 64 ? 0 : rng() << bits;  // equal in both runs
        auto a = Keys(n, bits, distinct, high, rng);
        auto b = Keys(n / 2 + 1, bits, distinct, high, rng);
        // Share some keys so there are matches at every distinct count.
        for (size_t i = 0; i < b.size() && i < a.size(); i += 2) b[i] = a[(i * 7) % a.size()];
        ExpectCount(&counter, a, b, bits,
                    "bits " + std::to_string(bits) + " n " + std::to_string(n) + " distinct " +
                        std::to_string(distinct));
      }
    }
  }
}

// Buckets of more than 8 right keys (duplicates, or keys that differ only
// below the bucket digit) take the sort-and-merge path.
TEST(PartitionMatchCounterTest, CrowdedBucketsAndEmptySides) {
  std::mt19937_64 rng(12);
  PartitionMatchCounter counter;
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 20000; ++i) a.push_back(rng() & 0xfffff);  // 20 bits
  for (uint64_t i = 0; i < 300; ++i) a.push_back(0x12345);            // one heavy key
  b = a;
  for (uint64_t i = 0; i < 50; ++i) b.push_back(0x12340 + (i & 7));  // same top digits
  std::shuffle(b.begin(), b.end(), rng);
  ExpectCount(&counter, a, b, 20, "crowded");
  ExpectCount(&counter, a, {}, 20, "empty right");
  ExpectCount(&counter, {}, b, 20, "empty left");
  ExpectCount(&counter, std::vector<uint64_t>(5000, 7), std::vector<uint64_t>(3000, 7), 3,
              "all equal");
}

}  // namespace
}  // namespace stedi
