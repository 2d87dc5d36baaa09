#include "engine/sort_merge_join.h"

#include <algorithm>

#include "engine/join_partitions.h"
#include "engine/match_count.h"
#include "engine/parallel.h"
#include "engine/radix_partition.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

// Partitions of ~16K pairs (256 KB) sort within L2.
constexpr size_t kRowsPerPartition = 16 * 1024;
constexpr int kMaxPartitionBits = 10;

// One side, sorted by key, cut into partitions (join_partitions.h).
struct SortedSide {
  const NormalizedSide* side = nullptr;  // sorted: rows read in place, row = index
  Buffer<KeyRow> pairs;                  // otherwise: (Key, row), sorted within each partition
  std::vector<size_t> bounds;            // partitions + 1 offsets

  uint64_t Key(size_t i) const { return side ? side->Key(i) : pairs[i].key; }
  uint32_t Row(size_t i) const { return side ? static_cast<uint32_t>(i) : pairs[i].row; }
};

SortedSide Sort(const NormalizedSide& s, const PartitionPlan& plan, int threads) {
  SortedSide out;
  if (s.sorted) {
    out.side = &s;
    out.bounds = SortedBounds(s, plan);
    return out;
  }
  out.bounds = PartitionKeyRows(s.keys.data(), s.size(), s.base, s.valid, plan.shift,
                                plan.partitions, threads, &out.pairs);
  // Scratch per worker, sized for the largest partition: it stays in cache.
  size_t largest = 0;
  for (size_t p = 0; p < plan.partitions; ++p)
    largest = std::max(largest, out.bounds[p + 1] - out.bounds[p]);
  std::vector<Buffer<KeyRow>> scratch;
  for (int w = 0; w < std::max(threads, 1); ++w) scratch.emplace_back(largest);
  ParallelForWorker(threads, plan.partitions, [&](size_t p, size_t worker) {
    const size_t b = out.bounds[p];
    const size_t n = out.bounds[p + 1] - b;
    KeyRow* part = out.pairs.data() + b;
    KeyRow* sorted = RadixSortKeyRows(part, scratch[worker].data(), n, plan.low_bits);
    if (sorted != part) std::copy(sorted, sorted + n, part);
  });
  return out;
}

struct Prepared {
  SortedSide left, right;
  size_t partitions = 1;

  // Calls on_run(i, i2, j, j2) for each key of partition p present on both sides.
  template <typename F>
  void Merge(size_t p, F&& on_run) const {
    MergeRuns([this](size_t i) { return left.Key(i); }, left.bounds[p], left.bounds[p + 1],
              [this](size_t j) { return right.Key(j); }, right.bounds[p], right.bounds[p + 1],
              on_run);
  }
};

Prepared Prepare(const NormalizedKeys& k, int threads) {
  const PartitionPlan plan = PlanPartitions(k, kRowsPerPartition, kMaxPartitionBits);
  Prepared out;
  out.partitions = plan.partitions;
  out.left = Sort(k.left, plan, threads);
  out.right = Sort(k.right, plan, threads);
  return out;
}

}  // namespace

uint64_t SortMergeCount(const NormalizedKeys& keys, int threads) {
  if (keys.exact) return CountKeyMatches(keys, threads);
  // Hashed keys: equal hashes must be confirmed row by row.
  Prepared s = Prepare(keys, threads);
  std::vector<uint64_t> counts(s.partitions, 0);
  ParallelFor(threads, s.partitions, [&](size_t p) {
    uint64_t c = 0;
    s.Merge(p, [&](size_t i, size_t i2, size_t j, size_t j2) {
      for (size_t a = i; a < i2; ++a) {
        for (size_t b = j; b < j2; ++b) c += keys.KeysEqual(s.left.Row(a), s.right.Row(b));
      }
    });
    counts[p] = c;
  });
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  return total;
}

JoinPairs SortMergePairs(const NormalizedKeys& keys, int threads) {
  Prepared s = Prepare(keys, threads);
  // Count first so every partition writes straight into its slice of the output.
  std::vector<uint64_t> offsets(s.partitions + 1, 0);
  auto emit = [&](size_t p, JoinPairs* out, size_t pos) {
    uint64_t c = 0;
    s.Merge(p, [&](size_t i, size_t i2, size_t j, size_t j2) {
      for (size_t a = i; a < i2; ++a) {
        const uint32_t lr = s.left.Row(a);
        for (size_t b = j; b < j2; ++b) {
          const uint32_t rr = s.right.Row(b);
          if (!keys.exact && !keys.KeysEqual(lr, rr)) continue;
          if (out) out->left[pos + c] = lr, out->right[pos + c] = rr;
          ++c;
        }
      }
    });
    return c;
  };
  ParallelFor(threads, s.partitions, [&](size_t p) { offsets[p + 1] = emit(p, nullptr, 0); });
  for (size_t p = 0; p < s.partitions; ++p) offsets[p + 1] += offsets[p];
  JoinPairs out;
  out.left = Buffer<uint32_t>(offsets.back());
  out.right = Buffer<uint32_t>(offsets.back());
  ParallelFor(threads, s.partitions, [&](size_t p) { emit(p, &out, offsets[p]); });
  return out;
}

void OrderPairsByLeft(JoinPairs* pairs, size_t left_rows) {
  const size_t n = pairs->left.size();
  const uint32_t* left = pairs->left.data();
  if (std::is_sorted(left, left + n)) return;  // the left side was in key order
  // A stable counting sort by left row: each left row's pairs keep their
  // order, which is its right rows' (a left row matches one key's rows).
  std::vector<uint32_t> next(left_rows + 1, 0);
  for (size_t i = 0; i < n; ++i) ++next[left[i] + 1];
  for (size_t row = 0; row < left_rows; ++row) next[row + 1] += next[row];
  JoinPairs out;
  out.left = Buffer<uint32_t>(n);
  out.right = Buffer<uint32_t>(n);
  const uint32_t* right = pairs->right.data();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t at = next[left[i]]++;
    out.left[at] = left[i];
    out.right[at] = right[i];
  }
  *pairs = std::move(out);
}

std::vector<uint8_t> SortMergeLeftMatched(const NormalizedKeys& keys, int threads) {
  Prepared s = Prepare(keys, threads);
  std::vector<uint8_t> matched(keys.left.size(), 0);
  ParallelFor(threads, s.partitions, [&](size_t p) {
    s.Merge(p, [&](size_t i, size_t i2, size_t j, size_t j2) {
      for (size_t a = i; a < i2; ++a) {
        const uint32_t lr = s.left.Row(a);
        if (keys.exact) {
          matched[lr] = 1;
          continue;
        }
        for (size_t b = j; b < j2 && !matched[lr]; ++b)
          matched[lr] = keys.KeysEqual(lr, s.right.Row(b));
      }
    });
  });
  return matched;
}

}  // namespace stedi
