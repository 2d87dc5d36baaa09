// Key-range partitions shared by both sides of a sort-merge join: partition
// p holds the rows whose normalized key has top bits Key >> shift == p, on
// both sides, so partition p of the left only meets partition p of the
// right, and partition pairs sort and merge independently (in parallel,
// each within cache). Internal to the sort-merge join files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/join_keys.h"

namespace stedi {

struct PartitionPlan {
  int shift = 64;         // partition of a key = Key >> shift; 64 = one partition
  size_t partitions = 1;  // a power of two
  int low_bits = 0;       // bits that can differ within a partition: min(bits, shift)
};

// Partitions of about `rows_per_partition` rows of the larger side, at most
// 2^max_partition_bits of them.
PartitionPlan PlanPartitions(const NormalizedKeys& keys, size_t rows_per_partition,
                             int max_partition_bits);

// Partition bounds of a side whose keys are sorted (side.sorted): binary
// searches, partitions + 1 offsets.
std::vector<size_t> SortedBounds(const NormalizedSide& side, const PartitionPlan& plan);

// Walks two key-sorted ranges [i, ie) and [j, je), calling
// on_run(i, i2, j, j2) for each key present on both sides, with [i, i2) and
// [j, j2) its rows on each. left_key(i) and right_key(j) read the keys.
template <typename L, typename R, typename F>
void MergeRuns(const L& left_key, size_t i, size_t ie, const R& right_key, size_t j, size_t je,
               F&& on_run) {
  while (i < ie && j < je) {
    const uint64_t a = left_key(i), b = right_key(j);
    if (a != b) {
      // Branch-free steps: which side advances is unpredictable on real data.
      i += a < b;
      j += b < a;
      continue;
    }
    size_t i2 = i + 1, j2 = j + 1;
    while (i2 < ie && left_key(i2) == a) ++i2;
    while (j2 < je && right_key(j2) == a) ++j2;
    on_run(i, i2, j, j2);
    i = i2;
    j = j2;
  }
}

}  // namespace stedi
