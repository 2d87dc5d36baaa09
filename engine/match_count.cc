#include "engine/match_count.h"

#include <algorithm>
#include <cassert>

#include "engine/join_partitions.h"
#include "engine/parallel.h"
#include "engine/partition_match_counter.h"
#include "engine/radix_partition.h"

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

PartitionMatchCounter::Run RunOf(const KeyPartitions& side, size_t p) {
  const size_t b = side.bounds[p];
  return {side.keys + b, side.bounds[p + 1] - b, side.sorted ? side.base : 0, side.sorted};
}

}  // namespace

uint64_t CountKeyMatches(const NormalizedKeys& keys, int threads) {
  assert(keys.exact);
  const PartitionPlan plan = PlanPartitions(keys, kKeysPerPartition, kMaxPartitionBits);
  const KeyPartitions left = PartitionSide(keys.left, plan, threads);
  const KeyPartitions right = PartitionSide(keys.right, plan, threads);
  std::vector<PartitionMatchCounter> counters(std::max(threads, 1));
  std::vector<uint64_t> counts(plan.partitions, 0);
  ParallelForWorker(threads, plan.partitions, [&](size_t p, size_t worker) {
    counts[p] = counters[worker].Count(RunOf(left, p), RunOf(right, p), plan.low_bits);
  });
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  return total;
}

}  // namespace stedi
