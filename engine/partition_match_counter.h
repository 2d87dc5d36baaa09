// Counting the equal keys of one partition pair of the sort-merge join
// (match_count.h), with both partitions small enough to stay in cache.
//
// An unsorted pair is radix-sorted by one shared digit into buckets of a
// few keys each, and bucket pairs merge: the keys of a left bucket each
// compare at once with all keys of the right bucket (one SIMD compare of up
// to 8 keys), so the sort never needs to order keys within a bucket. A
// crowded bucket pair (duplicate-heavy keys) is sorted fully and merged run
// by run, which counts runs of equal keys in O(n).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/buffer.h"

namespace stedi {

// One worker's counter: holds buffers reused from one partition pair to the next.
class PartitionMatchCounter {
 public:
  // Keys of one partition: Key = keys[i] - base for i < n, ascending when sorted.
  struct Run {
    const uint64_t* keys;
    size_t n;
    uint64_t base;
    bool sorted;
  };

  // Number of pairs (i, j) with Key a[i] == Key b[j]. Keys span the low
  // `bits` bits; higher bits are equal in all keys of both runs.
  uint64_t Count(const Run& a, const Run& b, int bits);

 private:
  uint64_t CountBuckets(const uint64_t* a, size_t na, const uint64_t* b, size_t nb, int bits);
  uint64_t CountCrowded(int shift);
  uint64_t SortAndMerge(const Run& a, const Run& b, int bits);
  void Reserve(size_t n);

  // Bucketed keys of a and b, then (for crowded buckets and sorts) scratch.
  Buffer<uint64_t> a_, b_, a2_, b2_;
  size_t capacity_ = 0;
  std::vector<uint32_t> a_start_, b_start_;  // bucket offsets, buckets + 1
};

}  // namespace stedi
