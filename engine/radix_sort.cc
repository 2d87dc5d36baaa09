#include "engine/radix_sort.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <vector>

namespace stedi {

namespace {

// 12-bit digits: 4096 counters (16 KB) stay in L1, and a 40-bit key range
// (a partition of 55-bit keys) sorts in 4 passes rather than 5 with 11 bits.
constexpr int kMaxDigitBits = 12;
constexpr size_t kInsertionSortBelow = 64;

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

// Wide keys: one MSD pass on the top digit, sized so buckets hold a few keys
// on average, then insertion sort per bucket (or recursion for a crowded
// one). Two passes over the data instead of one per 12 bits: partitions of
// 55-bit join keys would need 4 LSD passes. Reads `in`, returns dst or
// other; `in` may be `other`.
template <typename E>
E* Sort(const E* in, E* dst, E* other, size_t n, int bits) {
  assert(in != dst || n == 0);
  if (n < kInsertionSortBelow || bits <= 0) {
    // Sorted where it lies when `in` is one of the buffers.
    E* a = in == other ? other : Place(in, dst, n);
    if (bits > 0) InsertionSort(a, n);
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
  for (size_t b = 0; b < buckets; ++b) {
    const size_t lo = start[b], m = start[b + 1] - lo;
    if (m < 2) continue;
    if (m < kInsertionSortBelow) {
      InsertionSort(dst + lo, m);
      continue;
    }
    // Keys of one bucket share their top digit; sort on the rest, using other as scratch.
    E* sorted = Sort(dst + lo, other + lo, dst + lo, m, shift);
    Place(sorted, dst + lo, m);
  }
  return dst;
}

}  // namespace

KeyRow* RadixSortKeyRows(KeyRow* data, KeyRow* scratch, size_t n, int bits) {
  return Sort<KeyRow>(data, scratch, data, n, bits);
}

uint64_t* RadixSortKeys(const uint64_t* in, uint64_t* buf_a, uint64_t* buf_b, size_t n, int bits) {
  if (in == buf_a) return Sort<uint64_t>(in, buf_b, buf_a, n, bits);
  return Sort<uint64_t>(in, buf_a, buf_b, n, bits);
}

}  // namespace stedi
