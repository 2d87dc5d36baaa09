#include "engine/partition_match_counter.h"

#include <immintrin.h>

#include <algorithm>
#include <bit>
#include <cassert>

#include "engine/join_partitions.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

// Up to 4096 buckets: both offset arrays stay in L1.
constexpr int kMaxDigitBits = 12;
// Average keys per bucket of the larger side. Measured on 10K-key
// partitions of unique keys: 2 beats 1 (more buckets to walk) and 4 (more
// crowded buckets).
constexpr size_t kKeysPerBucket = 2;
// Right buckets of up to this many keys compare with a left key in one go.
constexpr uint32_t kLeafKeys = 8;

// Keys equal to x among y[0, m). REQUIRES: m <= kLeafKeys and y[0,
// kLeafKeys) readable (lanes past m are ignored).
inline uint32_t LeafMatches(const uint64_t* y, uint32_t m, uint64_t x) {
#if defined(__AVX512F__) && defined(__BMI2__)
  const __mmask8 lanes = static_cast<__mmask8>(_bzhi_u32(0xff, m));
  const __mmask8 eq =
      _mm512_mask_cmpeq_epu64_mask(lanes, _mm512_loadu_si512(y), _mm512_set1_epi64(x));
  return std::popcount(static_cast<uint32_t>(eq));
#else
  uint32_t c = 0;
  for (uint32_t j = 0; j < m; ++j) c += y[j] == x;
  return c;
#endif
}

// Matches between two ascending key sequences: per key, the product of its
// run lengths.
uint64_t MergeCount(const uint64_t* a, size_t na, uint64_t a_base, const uint64_t* b, size_t nb,
                    uint64_t b_base) {
  uint64_t c = 0;
  MergeRuns([&](size_t i) { return a[i] - a_base; }, 0, na, [&](size_t j) { return b[j] - b_base; },
            0, nb,
            [&](size_t i, size_t i2, size_t j, size_t j2) {
              c += static_cast<uint64_t>(i2 - i) * (j2 - j);
            });
  return c;
}

// Scatters keys[0, n) into out by digit (key >> shift) & mask; afterwards
// bucket k is out[off[k], off[k + 1]). off has mask + 3 entries.
void Bucket(const uint64_t* keys, size_t n, int shift, uint64_t mask, uint32_t* off,
            uint64_t* out) {
  std::fill(off, off + mask + 3, 0);
  for (size_t i = 0; i < n; ++i) ++off[((keys[i] >> shift) & mask) + 2];
  for (uint64_t k = 0; k <= mask; ++k) off[k + 2] += off[k + 1];
  // off[k + 1] is bucket k's next free slot; it ends as bucket k + 1's start.
  for (size_t i = 0; i < n; ++i) out[off[((keys[i] >> shift) & mask) + 1]++] = keys[i];
}

}  // namespace

void PartitionMatchCounter::Reserve(size_t n) {
  if (n <= capacity_) return;
  // Slack past the end: leaf compares read whole vectors.
  const size_t size = n + kLeafKeys;
  a_ = Buffer<uint64_t>(size);
  b_ = Buffer<uint64_t>(size);
  a2_ = Buffer<uint64_t>(size);
  b2_ = Buffer<uint64_t>(size);
  std::fill(b_.begin() + n, b_.end(), 0);  // ignored lanes, but never uninitialized reads
  capacity_ = n;
}

uint64_t PartitionMatchCounter::Count(const Run& a, const Run& b, int bits) {
  assert((a.sorted || a.base == 0) && (b.sorted || b.base == 0));
  if (a.n == 0 || b.n == 0) return 0;
  if (bits == 0) return static_cast<uint64_t>(a.n) * b.n;  // every key is the same
  if (a.sorted || b.sorted) return SortAndMerge(a, b, bits);
  return CountBuckets(a.keys, a.n, b.keys, b.n, bits);
}

uint64_t PartitionMatchCounter::SortAndMerge(const Run& a, const Run& b, int bits) {
  Reserve(std::max(a.n, b.n));
  const uint64_t* sa = a.sorted ? a.keys : RadixSortKeys(a.keys, a_.data(), a2_.data(), a.n, bits);
  const uint64_t* sb = b.sorted ? b.keys : RadixSortKeys(b.keys, b_.data(), b2_.data(), b.n, bits);
  return MergeCount(sa, a.n, a.sorted ? a.base : 0, sb, b.n, b.sorted ? b.base : 0);
}

uint64_t PartitionMatchCounter::CountBuckets(const uint64_t* a, size_t na, const uint64_t* b,
                                             size_t nb, int bits) {
  const size_t n = std::max(na, nb);
  const int digit_bits =
      std::min({kMaxDigitBits, bits, static_cast<int>(std::bit_width(n / kKeysPerBucket))});
  if (digit_bits == 0) return SortAndMerge({a, na, 0, false}, {b, nb, 0, false}, bits);
  Reserve(n);
  const int shift = bits - digit_bits;
  const uint64_t mask = (uint64_t{1} << digit_bits) - 1;
  a_start_.resize(mask + 3);
  b_start_.resize(mask + 3);
  Bucket(a, na, shift, mask, a_start_.data(), a_.data());
  Bucket(b, nb, shift, mask, b_start_.data(), b_.data());
  // Left keys in bucket order: each meets the right bucket of its digit.
  // No branch on bucket sizes except the rare crowded one.
  uint64_t c = 0;
  bool crowded = false;
  for (size_t i = 0; i < na; ++i) {
    const uint64_t x = a_[i];
    const uint64_t k = (x >> shift) & mask;
    const uint32_t s = b_start_[k], m = b_start_[k + 1] - s;
    if (m > kLeafKeys) {
      crowded = true;
      continue;
    }
    c += LeafMatches(b_.data() + s, m, x);
  }
  return crowded ? c + CountCrowded(shift) : c;
}

// Bucket pairs whose right bucket is over kLeafKeys: each side sorted on the
// bits below the digit, then merged.
uint64_t PartitionMatchCounter::CountCrowded(int shift) {
  uint64_t c = 0;
  for (size_t k = 0; k + 2 < b_start_.size(); ++k) {
    const uint32_t sb = b_start_[k], mb = b_start_[k + 1] - sb;
    const uint32_t sa = a_start_[k], ma = a_start_[k + 1] - sa;
    if (mb <= kLeafKeys || ma == 0) continue;
    uint64_t* a = a_.data() + sa;
    uint64_t* b = b_.data() + sb;
    const uint64_t* x = RadixSortKeys(a, a2_.data() + sa, a, ma, shift);
    const uint64_t* y = RadixSortKeys(b, b2_.data() + sb, b, mb, shift);
    c += MergeCount(x, ma, 0, y, mb, 0);
  }
  return c;
}

}  // namespace stedi
