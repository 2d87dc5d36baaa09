#include "engine/radix_sort.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "engine/parallel.h"

namespace stedi {

namespace {

// 12-bit digits: 4096 counters (32 KB) stay in L1, and a 40-bit key range
// (a partition of 55-bit keys) sorts in 4 passes rather than 5 with 11 bits.
constexpr int kMaxDigitBits = 12;
constexpr size_t kInsertionSortBelow = 64;

void InsertionSort(KeyRow* a, size_t n) {
  for (size_t i = 1; i < n; ++i) {
    KeyRow x = a[i];
    size_t j = i;
    while (j > 0 && a[j - 1].key > x.key) {
      a[j] = a[j - 1];
      --j;
    }
    a[j] = x;
  }
}

// LSD radix sort on the low `bits` bits; returns data or scratch.
KeyRow* LsdSort(KeyRow* data, KeyRow* scratch, size_t n, int bits) {
  const int passes = (bits + kMaxDigitBits - 1) / kMaxDigitBits;
  const int digit_bits = (bits + passes - 1) / passes;
  const size_t buckets = size_t{1} << digit_bits;
  const uint64_t mask = buckets - 1;
  // All digit histograms in one read of the data.
  std::vector<uint32_t> hist(passes * buckets, 0);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t k = data[i].key;
    for (int p = 0; p < passes; ++p) ++hist[p * buckets + ((k >> (p * digit_bits)) & mask)];
  }
  KeyRow* src = data;
  KeyRow* dst = scratch;
  for (int p = 0; p < passes; ++p) {
    uint32_t* h = &hist[p * buckets];
    const int shift = p * digit_bits;
    // A digit that is the same in every key leaves the order unchanged.
    if (h[(src[0].key >> shift) & mask] == n) continue;
    uint32_t sum = 0;
    for (size_t b = 0; b < buckets; ++b) {
      const uint32_t c = h[b];
      h[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; ++i) {
      const KeyRow x = src[i];
      dst[h[(x.key >> shift) & mask]++] = x;
    }
    std::swap(src, dst);
  }
  return src;
}

}  // namespace

// Wide keys: one MSD pass on the top digit, sized so buckets hold a few keys
// on average, then insertion sort per bucket (or recursion for a crowded
// one). Two passes over the data instead of one per 12 bits: partitions of
// 55-bit join keys need 4 LSD passes.
KeyRow* RadixSortKeyRows(KeyRow* data, KeyRow* scratch, size_t n, int bits) {
  if (n < 2 || bits <= 0) return data;
  if (n < kInsertionSortBelow) {
    InsertionSort(data, n);
    return data;
  }
  const int digit_bits = std::min(kMaxDigitBits, static_cast<int>(std::bit_width(n / 4)));
  if (bits <= 2 * kMaxDigitBits || digit_bits >= bits) return LsdSort(data, scratch, n, bits);
  const int shift = bits - digit_bits;
  const size_t buckets = size_t{1} << digit_bits;
  std::vector<uint32_t> start(buckets + 1, 0);
  const uint64_t digit_mask = buckets - 1;  // bits above `bits` are equal, not zero
  for (size_t i = 0; i < n; ++i) ++start[((data[i].key >> shift) & digit_mask) + 1];
  for (size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<uint32_t> pos(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; ++i) scratch[pos[(data[i].key >> shift) & digit_mask]++] = data[i];
  for (size_t b = 0; b < buckets; ++b) {
    const size_t lo = start[b], m = start[b + 1] - lo;
    if (m < 2) continue;
    if (m < kInsertionSortBelow) {
      InsertionSort(scratch + lo, m);
      continue;
    }
    // Keys of one bucket share their top digit; sort on the rest, using data as scratch.
    KeyRow* sorted = RadixSortKeyRows(scratch + lo, data + lo, m, shift);
    if (sorted != scratch + lo) std::copy(sorted, sorted + m, scratch + lo);
  }
  return scratch;
}

namespace {

bool IsValid(const std::vector<uint64_t>& valid, size_t i) {
  return valid.empty() || ((valid[i >> 6] >> (i & 63)) & 1);
}

}  // namespace

std::vector<size_t> PartitionKeyRows(const uint64_t* keys, size_t n, uint64_t base,
                                     const std::vector<uint64_t>& valid, int shift,
                                     size_t partitions, int threads, Buffer<KeyRow>* out) {
  // Chunks of rows, each scattered by one task into its own slice of every
  // partition: chunk c's rows of partition p go after chunks 0..c-1's, so
  // every partition stays in row order.
  const size_t chunks = std::max<size_t>(1, std::min<size_t>(threads, n / 65536 + 1));
  const size_t chunk_rows = (n + chunks - 1) / chunks;
  std::vector<std::vector<size_t>> counts(chunks, std::vector<size_t>(partitions, 0));
  auto rows_of = [&](size_t c) {
    return std::pair<size_t, size_t>(c * chunk_rows, std::min(n, (c + 1) * chunk_rows));
  };
  ParallelFor(threads, chunks, [&](size_t c) {
    auto [begin, end] = rows_of(c);
    size_t* h = counts[c].data();
    for (size_t i = begin; i < end; ++i) {
      if (IsValid(valid, i)) ++h[shift >= 64 ? 0 : (keys[i] - base) >> shift];
    }
  });
  std::vector<size_t> bounds(partitions + 1, 0);
  size_t sum = 0;
  for (size_t p = 0; p < partitions; ++p) {
    bounds[p] = sum;
    for (size_t c = 0; c < chunks; ++c) {
      const size_t k = counts[c][p];
      counts[c][p] = sum;
      sum += k;
    }
  }
  bounds[partitions] = sum;
  *out = Buffer<KeyRow>(sum);
  KeyRow* o = out->data();
  ParallelFor(threads, chunks, [&](size_t c) {
    auto [begin, end] = rows_of(c);
    size_t* pos = counts[c].data();
    for (size_t i = begin; i < end; ++i) {
      if (!IsValid(valid, i)) continue;
      const uint64_t k = keys[i] - base;
      o[pos[shift >= 64 ? 0 : k >> shift]++] = KeyRow{k, static_cast<uint32_t>(i), 0};
    }
  });
  return bounds;
}

}  // namespace stedi
