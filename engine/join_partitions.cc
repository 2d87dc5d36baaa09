#include "engine/join_partitions.h"

#include <algorithm>

namespace stedi {

PartitionPlan PlanPartitions(const NormalizedKeys& keys, size_t rows_per_partition,
                             int max_partition_bits) {
  const size_t n = std::max(keys.left.size(), keys.right.size());
  int pbits = 0;
  while (pbits < max_partition_bits && pbits < keys.bits && (n >> pbits) > rows_per_partition) {
    ++pbits;
  }
  PartitionPlan plan;
  plan.partitions = size_t{1} << pbits;
  plan.shift = keys.bits - pbits;
  if (pbits == 0) plan.shift = 64;  // keys of 64 bits cannot shift by 64
  plan.low_bits = std::min(keys.bits, plan.shift);
  return plan;
}

std::vector<size_t> SortedBounds(const NormalizedSide& side, const PartitionPlan& plan) {
  std::vector<size_t> b(plan.partitions + 1, side.size());
  b[0] = 0;
  for (size_t p = 1; p < plan.partitions; ++p) {
    const uint64_t first = static_cast<uint64_t>(p) << plan.shift;
    // Keys are ascending, so Key(i) < first holds on a prefix.
    size_t lo = b[p - 1], hi = side.size();
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (side.Key(mid) < first) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    b[p] = lo;
  }
  return b;
}

}  // namespace stedi
