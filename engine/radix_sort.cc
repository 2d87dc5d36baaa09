#include "engine/radix_sort.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <vector>

#include "engine/parallel.h"

namespace stedi {

namespace {

// 12-bit digits: 4096 counters (16 KB) stay in L1, and a 40-bit key range
// (a partition of 55-bit keys) sorts in 4 passes rather than 5 with 11 bits.
constexpr int kMaxDigitBits = 12;
constexpr size_t kSmallSortBelow = 256;
constexpr size_t kInsertionSortMax = 63;

inline uint64_t KeyOf(const KeyRow& e) { return e.key; }
inline uint64_t KeyOf(uint64_t k) { return k; }

template <typename E>
void InsertionSort(E* a, size_t n) {
  for (size_t i = 1; i < n; ++i) {
    const E x = a[i];
    size_t j = i;
    while (j > 0 && KeyOf(a[j - 1]) > KeyOf(x)) {
      a[j] = a[j - 1];
      --j;
    }
    a[j] = x;
  }
}

// Few keys: a comparison sort. A radix pass costs its 2^digit counters
// however few keys it moves: a sensor table clustered by device and time
// splits into buckets of one device's ~100 readings, and their LSD passes
// over 2,048 counters each made the scale-30 accelerometer sort 70-120 ms
// (now ~23). Above 63 keys a merge sort: insertion sort is quadratic on the
// descending runs sensor files hold (each device's readings newest first).
template <typename E>
void SmallSort(E* a, size_t n) {
  if (n <= kInsertionSortMax) return InsertionSort(a, n);
  std::stable_sort(a, a + n, [](const E& x, const E& y) { return KeyOf(x) < KeyOf(y); });
}

// Copies in[0, n) to dst unless they are the same array; returns dst.
template <typename E>
E* Place(const E* in, E* dst, size_t n) {
  if (in != dst && n > 0) std::memcpy(dst, in, n * sizeof(E));
  return dst;
}

// LSD radix sort on the low `bits` bits, reading `in`, ping-ponging between
// dst and other; returns dst or other. `in` may be `other`.
template <typename E>
E* LsdSort(const E* in, E* dst, E* other, size_t n, int bits) {
  const int passes = (bits + kMaxDigitBits - 1) / kMaxDigitBits;
  const int digit_bits = (bits + passes - 1) / passes;
  const size_t buckets = size_t{1} << digit_bits;
  const uint64_t mask = buckets - 1;
  // All digit histograms in one read of the data.
  std::vector<uint32_t> hist(passes * buckets, 0);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t k = KeyOf(in[i]);
    for (int p = 0; p < passes; ++p) ++hist[p * buckets + ((k >> (p * digit_bits)) & mask)];
  }
  const E* src = in;
  for (int p = 0; p < passes; ++p) {
    uint32_t* h = &hist[p * buckets];
    const int shift = p * digit_bits;
    // A digit that is the same in every key leaves the order unchanged.
    if (h[(KeyOf(src[0]) >> shift) & mask] == n) continue;
    uint32_t sum = 0;
    for (size_t b = 0; b < buckets; ++b) {
      const uint32_t c = h[b];
      h[b] = sum;
      sum += c;
    }
    E* out = src == dst ? other : dst;
    for (size_t i = 0; i < n; ++i) {
      const E x = src[i];
      out[h[(KeyOf(x) >> shift) & mask]++] = x;
    }
    src = out;
  }
  if (src != in) return const_cast<E*>(src);
  return in == other ? other : Place(in, dst, n);
}

template <typename E>
void SortBuckets(E* dst, E* scratch, const std::vector<uint32_t>& start, size_t first, size_t last,
                 int shift);

// Wide keys: one MSD pass on the top digit, sized so buckets hold a few keys
// on average, then SmallSort per bucket (or recursion for a crowded one). Two passes over the data
// instead of one per 12 bits: partitions of 55-bit join keys would need 4 LSD passes. Reads `in`,
// returns dst or other; `in` may be `other`.
template <typename E>
E* Sort(const E* in, E* dst, E* other, size_t n, int bits) {
  assert(in != dst || n == 0);
  if (n < kSmallSortBelow || bits <= 0) {
    // Sorted where it lies when `in` is one of the buffers.
    E* a = in == other ? other : Place(in, dst, n);
    if (bits > 0) SmallSort(a, n);
    return a;
  }
  const int digit_bits = std::min(kMaxDigitBits, static_cast<int>(std::bit_width(n / 4)));
  if (bits <= 2 * kMaxDigitBits || digit_bits >= bits) return LsdSort(in, dst, other, n, bits);
  const int shift = bits - digit_bits;
  const size_t buckets = size_t{1} << digit_bits;
  std::vector<uint32_t> start(buckets + 1, 0);
  const uint64_t digit_mask = buckets - 1;  // bits above `bits` are equal, not zero
  for (size_t i = 0; i < n; ++i) ++start[((KeyOf(in[i]) >> shift) & digit_mask) + 1];
  for (size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<uint32_t> pos(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; ++i) dst[pos[(KeyOf(in[i]) >> shift) & digit_mask]++] = in[i];
  SortBuckets(dst, other, start, 0, buckets, shift);
  return dst;
}

// Sorts buckets [first, last) of dst (bucket b is [start[b], start[b + 1]))
// in place on their low `shift` bits, the keys of one bucket sharing the
// bits above; scratch's slices of the same rows are free to use.
template <typename E>
void SortBuckets(E* dst, E* scratch, const std::vector<uint32_t>& start, size_t first, size_t last,
                 int shift) {
  for (size_t b = first; b < last; ++b) {
    const size_t lo = start[b], m = start[b + 1] - lo;
    if (m < 2) continue;
    if (m < kSmallSortBelow) {
      SmallSort(dst + lo, m);
      continue;
    }
    E* sorted = Sort(dst + lo, scratch + lo, dst + lo, m, shift);
    Place(sorted, dst + lo, m);
  }
}

// Sort() above with its top-digit partition and bucket sorts spread over
// threads: `chunks` slices of `in` count and scatter their keys at once,
// each into its own run of every bucket (runs in slice order keep the sort
// stable); then groups of buckets of about equal size sort at once. Reads
// `in`, returns dst; `in` must be `other`.
template <typename E>
E* ParallelSort(E* in, E* dst, size_t n, int bits, int threads) {
  const int digit_bits = kMaxDigitBits;
  const int shift = bits - digit_bits;
  const size_t buckets = size_t{1} << digit_bits;
  const uint64_t mask = buckets - 1;
  const size_t chunks = static_cast<size_t>(threads) * 4;
  const size_t per_chunk = (n + chunks - 1) / chunks;
  std::vector<uint32_t> pos(chunks * buckets, 0);  // per chunk: counts, then write positions
  auto slice = [&](size_t c) {
    return std::pair<size_t, size_t>(std::min(n, c * per_chunk), std::min(n, (c + 1) * per_chunk));
  };
  ParallelFor(threads, chunks, [&](size_t c) {
    uint32_t* h = &pos[c * buckets];
    const auto [lo, hi] = slice(c);
    for (size_t i = lo; i < hi; ++i) ++h[(KeyOf(in[i]) >> shift) & mask];
  });
  std::vector<uint32_t> start(buckets + 1, 0);
  uint32_t sum = 0;
  for (size_t b = 0; b < buckets; ++b) {
    start[b] = sum;
    for (size_t c = 0; c < chunks; ++c) {
      const uint32_t count = pos[c * buckets + b];
      pos[c * buckets + b] = sum;
      sum += count;
    }
  }
  start[buckets] = sum;
  ParallelFor(threads, chunks, [&](size_t c) {
    uint32_t* p = &pos[c * buckets];
    const auto [lo, hi] = slice(c);
    for (size_t i = lo; i < hi; ++i) dst[p[(KeyOf(in[i]) >> shift) & mask]++] = in[i];
  });
  // Groups of whole buckets, cut where the running count passes k * n / groups.
  const size_t groups = static_cast<size_t>(threads) * 8;
  std::vector<size_t> first_bucket{0};
  for (size_t b = 1; b < buckets && first_bucket.size() < groups; ++b) {
    if (start[b] >= first_bucket.size() * n / groups) first_bucket.push_back(b);
  }
  first_bucket.push_back(buckets);
  // `in` is free now: its slices of the buckets are their scratch.
  ParallelFor(threads, first_bucket.size() - 1, [&](size_t g) {
    SortBuckets(dst, in, start, first_bucket[g], first_bucket[g + 1], shift);
  });
  return dst;
}

// Below kParallelFrom keys, or for keys the LSD passes handle, one thread is
// as quick.
bool WorthThreads(size_t n, int bits, int threads) {
  constexpr size_t kParallelFrom = size_t{1} << 16;
  return threads > 1 && n >= kParallelFrom && bits > 2 * kMaxDigitBits;
}

}  // namespace

KeyRow* RadixSortKeyRows(KeyRow* data, KeyRow* scratch, size_t n, int bits) {
  assert(bits <= 64);
  return Sort<KeyRow>(data, scratch, data, n, bits);
}

KeyRow* RadixSortKeyRows(KeyRow* data, KeyRow* scratch, size_t n, int bits, int threads) {
  assert(bits <= 64);
  if (!WorthThreads(n, bits, threads)) return RadixSortKeyRows(data, scratch, n, bits);
  return ParallelSort<KeyRow>(data, scratch, n, bits, threads);
}

uint64_t* RadixSortKeys(const uint64_t* in, uint64_t* buf_a, uint64_t* buf_b, size_t n, int bits) {
  if (in == buf_a) return Sort<uint64_t>(in, buf_b, buf_a, n, bits);
  return Sort<uint64_t>(in, buf_a, buf_b, n, bits);
}

uint64_t* RadixSortKeys(uint64_t* data, uint64_t* scratch, size_t n, int bits, int threads) {
  assert(bits <= 64);
  if (!WorthThreads(n, bits, threads)) return RadixSortKeys(data, data, scratch, n, bits);
  return ParallelSort<uint64_t>(data, scratch, n, bits, threads);
}

}  // namespace stedi
