#include "engine/match_count.h"

#include <algorithm>
#include <cassert>

#include "engine/join_partitions.h"
#include "engine/parallel.h"
#include "engine/radix_partition.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

// Partitions of ~16K keys (128 KB): a pair of them plus the sort buffers fit
// in L2.
constexpr size_t kKeysPerPartition = 16 * 1024;
constexpr int kMaxPartitionBits = 12;

// One side's keys cut into partitions: a sorted side read in place, any
// other scattered (unsorted within a partition).
struct KeyPartitions {
  const uint64_t* keys = nullptr;  // Key = keys[i] - base
  uint64_t base = 0;
  bool sorted = false;
  Buffer<uint64_t> scattered;
  std::vector<size_t> bounds;  // partitions + 1 offsets into keys

  size_t Largest() const {
    size_t m = 0;
    for (size_t p = 0; p + 1 < bounds.size(); ++p) m = std::max(m, bounds[p + 1] - bounds[p]);
    return m;
  }
};

KeyPartitions PartitionSide(const NormalizedSide& s, const PartitionPlan& plan, int threads) {
  KeyPartitions out;
  if (s.sorted) {
    out.keys = s.keys.data();
    out.base = s.base;
    out.sorted = true;
    out.bounds = SortedBounds(s, plan);
    return out;
  }
  out.bounds = PartitionKeys(s.keys.data(), s.size(), s.base, s.valid, plan.shift, plan.partitions,
                             threads, &out.scattered);
  out.keys = out.scattered.data();
  return out;
}

// Partition p of one side in key order: Key = keys[i] - base, i < n.
struct SortedRun {
  const uint64_t* keys;
  size_t n;
  uint64_t base;
};

SortedRun SortPartition(const KeyPartitions& side, size_t p, int low_bits, uint64_t* buf_a,
                        uint64_t* buf_b) {
  const size_t b = side.bounds[p], n = side.bounds[p + 1] - b;
  if (side.sorted) return {side.keys + b, n, side.base};
  return {RadixSortKeys(side.keys + b, buf_a, buf_b, n, low_bits), n, 0};
}

uint64_t CountRuns(const SortedRun& a, const SortedRun& b) {
  uint64_t c = 0;
  MergeRuns([&](size_t i) { return a.keys[i] - a.base; }, 0, a.n,
            [&](size_t j) { return b.keys[j] - b.base; }, 0, b.n,
            [&](size_t i, size_t i2, size_t j, size_t j2) {
              c += static_cast<uint64_t>(i2 - i) * (j2 - j);
            });
  return c;
}

}  // namespace

uint64_t CountKeyMatches(const NormalizedKeys& keys, int threads) {
  assert(keys.exact);
  const PartitionPlan plan = PlanPartitions(keys, kKeysPerPartition, kMaxPartitionBits);
  const KeyPartitions left = PartitionSide(keys.left, plan, threads);
  const KeyPartitions right = PartitionSide(keys.right, plan, threads);
  // Four sort buffers per worker (two per side), reused for every partition.
  const size_t largest = std::max(left.Largest(), right.Largest());
  const size_t workers = std::max(threads, 1);
  Buffer<uint64_t> scratch(4 * largest * workers);
  std::vector<uint64_t> counts(plan.partitions, 0);
  ParallelForWorker(threads, plan.partitions, [&](size_t p, size_t worker) {
    uint64_t* s = scratch.data() + 4 * largest * worker;
    const SortedRun a = SortPartition(left, p, plan.low_bits, s, s + largest);
    const SortedRun b = SortPartition(right, p, plan.low_bits, s + 2 * largest, s + 3 * largest);
    counts[p] = CountRuns(a, b);
  });
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  return total;
}

}  // namespace stedi
