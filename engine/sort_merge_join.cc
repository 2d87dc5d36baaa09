#include "engine/sort_merge_join.h"

#include <algorithm>
#include <bit>

#include "engine/parallel.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

// Partitions of ~16K pairs (256 KB) sort within L2.
constexpr size_t kRowsPerPartition = 16 * 1024;
constexpr int kMaxPartitionBits = 10;

// One side, sorted by key, cut into partitions by the top key bits.
struct SortedSide {
  const uint64_t* keys = nullptr;  // presorted: keys by row, row = index
  uint64_t base = 0;               // presorted keys are rebased when read
  Buffer<KeyRow> pairs;            // otherwise: (key - base, row), sorted within each partition
  std::vector<size_t> bounds;      // partitions + 1 offsets

  uint64_t Key(size_t i) const { return keys ? keys[i] - base : pairs[i].key; }
  uint32_t Row(size_t i) const { return keys ? static_cast<uint32_t>(i) : pairs[i].row; }
};

bool IsSorted(const NormalizedSide& s) {
  if (!s.valid.empty()) return false;
  return std::is_sorted(s.keys.begin(), s.keys.end());
}

// Partition boundaries of an already sorted key array: binary searches.
std::vector<size_t> SortedBounds(const Buffer<uint64_t>& keys, uint64_t base, int shift,
                                 size_t partitions) {
  std::vector<size_t> b(partitions + 1, keys.size());
  b[0] = 0;
  for (size_t p = 1; p < partitions; ++p) {
    const uint64_t first = (static_cast<uint64_t>(p) << shift) + base;
    b[p] = std::lower_bound(keys.begin(), keys.end(), first) - keys.begin();
  }
  return b;
}

SortedSide Sort(const NormalizedSide& s, uint64_t base, int bits, int shift, size_t partitions,
                int threads) {
  SortedSide out;
  if (IsSorted(s)) {
    out.keys = s.keys.data();
    out.base = base;
    out.bounds = SortedBounds(s.keys, base, shift, partitions);
    return out;
  }
  out.bounds = PartitionKeyRows(s.keys.data(), s.keys.size(), base, s.valid, shift, partitions,
                                threads, &out.pairs);
  // Scratch per worker, sized for the largest partition: it stays in cache.
  size_t largest = 0;
  for (size_t p = 0; p < partitions; ++p)
    largest = std::max(largest, out.bounds[p + 1] - out.bounds[p]);
  std::vector<Buffer<KeyRow>> scratch;
  for (int w = 0; w < std::max(threads, 1); ++w) scratch.emplace_back(largest);
  const int low_bits = std::min(bits, shift);
  ParallelForWorker(threads, partitions, [&](size_t p, size_t worker) {
    const size_t b = out.bounds[p];
    const size_t n = out.bounds[p + 1] - b;
    KeyRow* sorted = RadixSortKeyRows(&out.pairs[b], scratch[worker].data(), n, low_bits);
    if (sorted != &out.pairs[b]) std::copy(sorted, sorted + n, &out.pairs[b]);
  });
  return out;
}

// Walks runs of equal keys in one partition pair, calling
// on_run(left_begin, left_end, right_begin, right_end) for each key on both sides.
template <typename F>
void MergePartition(const SortedSide& l, const SortedSide& r, size_t p, F&& on_run) {
  size_t i = l.bounds[p], ie = l.bounds[p + 1];
  size_t j = r.bounds[p], je = r.bounds[p + 1];
  while (i < ie && j < je) {
    const uint64_t a = l.Key(i), b = r.Key(j);
    if (a < b) {
      ++i;
    } else if (b < a) {
      ++j;
    } else {
      size_t i2 = i + 1, j2 = j + 1;
      while (i2 < ie && l.Key(i2) == a) ++i2;
      while (j2 < je && r.Key(j2) == a) ++j2;
      on_run(i, i2, j, j2);
      i = i2;
      j = j2;
    }
  }
}

struct Prepared {
  SortedSide left, right;
  size_t partitions = 1;
};

Prepared Prepare(const NormalizedKeys& k, int threads) {
  const size_t n = std::max(k.left.keys.size(), k.right.keys.size());
  int pbits = 0;
  while (pbits < kMaxPartitionBits && pbits < k.bits && (n >> pbits) > kRowsPerPartition) ++pbits;
  Prepared out;
  out.partitions = size_t{1} << pbits;
  const int shift =
      k.bits - pbits;  // partition = key >> shift; 64 when one partition of 64-bit keys
  out.left = Sort(k.left, k.base, k.bits, shift, out.partitions, threads);
  out.right = Sort(k.right, k.base, k.bits, shift, out.partitions, threads);
  return out;
}

}  // namespace

uint64_t SortMergeCount(const NormalizedKeys& keys, int threads) {
  Prepared s = Prepare(keys, threads);
  std::vector<uint64_t> counts(s.partitions, 0);
  ParallelFor(threads, s.partitions, [&](size_t p) {
    uint64_t c = 0;
    MergePartition(s.left, s.right, p, [&](size_t i, size_t i2, size_t j, size_t j2) {
      if (keys.exact) {
        c += static_cast<uint64_t>(i2 - i) * (j2 - j);
        return;
      }
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
    MergePartition(s.left, s.right, p, [&](size_t i, size_t i2, size_t j, size_t j2) {
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

std::vector<uint8_t> SortMergeLeftMatched(const NormalizedKeys& keys, int threads) {
  Prepared s = Prepare(keys, threads);
  std::vector<uint8_t> matched(keys.left.keys.size(), 0);
  ParallelFor(threads, s.partitions, [&](size_t p) {
    MergePartition(s.left, s.right, p, [&](size_t i, size_t i2, size_t j, size_t j2) {
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
