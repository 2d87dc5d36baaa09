// Factor encoding: the stream cut into segments whose values share a common
// divisor, stored as the divisor once per segment and small quotients.
//
// Byte layout of the body (after the id byte 0x09):
//   segments  varint s (1 <= s <= n)
//   lengths   varint length + int block of s values: values per segment, each
//             >= 1, summing to exactly n
//   factors   varint length + int block of s values: each segment's divisor
//   quotients int block (the rest of the body) of n values
// Value i = quotient i * factor of its segment, in wrapping 64-bit arithmetic.
//
// Sensor clocks tick at a per-device period, so the deltas of a timestamp
// column are multiples of that period over each device's run of rows:
// delta -> factor turns 3933, 7866, 23598 into 1, 2, 6. The writer finds the
// segments in one greedy pass over a bit-cost estimate.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

constexpr double kSegmentBits = 8.0;  // estimated cost of one segment (measured best of 0..32)
constexpr uint64_t kMaxMagnitude = uint64_t{1} << 62;

// Euclid's algorithm. While a value needs 64 bits, a remainder step: the
// values here are mostly timestamps close to each other or a small divisor
// against a timestamp, where one 64-bit division leaves numbers that fit in
// 32 bits (a 32-bit division is several times cheaper). This replaced a
// binary GCD whose loop ran ~40 times per such pair.
uint64_t Gcd(uint64_t a, uint64_t b) {
  while ((a | b) >> 32 != 0) {
    if (a == 0 || b == 0) return a | b;
    if (a < b) std::swap(a, b);
    a %= b;
  }
  auto x = static_cast<uint32_t>(a), y = static_cast<uint32_t>(b);
  while (y != 0) {
    const uint32_t r = x % y;
    x = y;
    y = r;
  }
  return x;
}

// m % g == 0, in 32 bits when both fit (much cheaper than a 64-bit division
// or a full gcd): most values of a segment are multiples of its divisor.
inline bool DividesEvenly(uint64_t m, uint64_t g) {
  if (m == 0 || m == g) return true;  // a delta stream's ties and repeated steps: no division
  if ((m | g) >> 32 == 0) return static_cast<uint32_t>(m) % static_cast<uint32_t>(g) == 0;
  return m % g == 0;
}

// |v|, except that huge values count as 1 so that their segment's factor is
// 1 and every quotient stays exact.
uint64_t Magnitude(int64_t v) {
  const uint64_t m = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return m >= kMaxMagnitude ? 1 : m;
}

// True when joining m to a segment of divisor g (g does not divide m)
// surely costs more than a new segment, judged without the gcd: gcd(g, m)
// divides m - g, so it is at most min(m, |m - g|), and when that is at most
// g / 512, joining would cost every value so far at least 9 bits. Raw timestamps
// (segments are runs of one value, g the value itself) then skip a Euclid
// loop of ~10 divisions per run, and the cost's log2 calls.
bool SurelyApart(uint64_t g, uint64_t m) {
  static_assert(kSegmentBits < 9);
  const uint64_t apart = m > g ? m - g : g - m;
  return std::min(m, apart) <= g >> 9;
}

struct Segments {
  std::vector<int64_t> lengths;
  std::vector<int64_t> factors;
};

// The segments of `v`, from a small per-thread cache of recent streams: the
// choice tests factor on a stream (ChooseFactor) and then encodes the same
// values, and a chunk's raw and zstd-ranked encodings both pick factor for
// the same values; the greedy pass is the costly part of all of them.
// Returns a copy: encoding the children may evict the entry.
Segments CachedSegments(std::span<const int64_t> v);

// One greedy pass: each value joins the current segment or starts a new one,
// whichever costs fewer estimated bits. Joining shrinks the divisor from g to
// gcd(g, |v|), which costs every non-zero value so far log2 of the ratio and
// v itself log2(|v| / new divisor); a new segment costs kSegmentBits. (It
// replaces a dynamic program over all segmentations of up to 64 values, which
// was 50x slower and, with downstream zstd, gave 2-15% larger timestamps.)
Segments ChooseSegments(std::span<const int64_t> v) {
  Segments out;
  uint64_t g = 0;
  size_t len = 0, nonzero = 0;
  auto close = [&] {
    out.lengths.push_back(static_cast<int64_t>(len));
    out.factors.push_back(static_cast<int64_t>(g == 0 ? 1 : g));
  };
  for (int64_t x : v) {
    const uint64_t m = Magnitude(x);
    const bool divides = g != 0 && DividesEvenly(m, g);
    if (g != 0 && !divides && SurelyApart(g, m)) {
      close();
      g = m;
      len = 1;
      nonzero = 1;  // m != 0: zero divides evenly
      continue;
    }
    const uint64_t ng = divides ? g : Gcd(g, m);
    bool join = len == 0 || ng == g;
    if (!join && ng > 1 && g != 0) {
      const double cost = static_cast<double>(nonzero) * std::log2(static_cast<double>(g / ng)) +
                          std::log2(static_cast<double>(m / ng));
      join = cost < kSegmentBits;
    }
    if (!join && g == 0) join = true;  // zeros so far cost nothing under any divisor
    if (!join) {
      close();
      g = m;
      len = 1;
      nonzero = m != 0;
      continue;
    }
    g = ng;
    ++len;
    nonzero += m != 0;
  }
  if (len > 0) close();
  return out;
}

Segments CachedSegments(std::span<const int64_t> v) {
  struct Entry {
    std::vector<int64_t> values;
    Segments segments;
  };
  constexpr size_t kEntries = 4;
  struct Cache {
    Entry entries[kEntries];
    size_t next = 0;
  };
  constexpr size_t kMinValues = 64;     // shorter streams are cheaper to redo than to compare
  constexpr size_t kLongValues = 4096;  // a chunk's streams, apart from samples and children
  // Long streams keep their own entries: the many short ones (samples, nested
  // children) would otherwise evict them between the raw and zstd trees.
  thread_local Cache short_cache, long_cache;
  if (v.size() < kMinValues) return ChooseSegments(v);
  Cache& cache = v.size() >= kLongValues ? long_cache : short_cache;
  for (const Entry& e : cache.entries) {
    if (e.values.size() == v.size() &&
        std::memcmp(e.values.data(), v.data(), v.size() * sizeof(int64_t)) == 0) {
      return e.segments;
    }
  }
  Entry& e = cache.entries[cache.next];
  cache.next = (cache.next + 1) % kEntries;
  e.values.assign(v.begin(), v.end());
  e.segments = ChooseSegments(v);
  return e.segments;
}

// Cheap test before the search: most neighbouring non-zero values share a divisor.
// It stops once the answer is certain: at most n - 1 pairs are counted, so
// more than 40% of n - 1 without a shared divisor means false, 60% with one
// means true (a random stream is decided two thirds of the way in).
bool LooksFactored(std::span<const int64_t> v) {
  size_t pairs = 0, shared = 0;
  const size_t most = v.empty() ? 0 : v.size() - 1;
  int64_t prev = 0;
  for (int64_t x : v) {
    if (x == 0) continue;
    if (prev != 0) {
      ++pairs;
      shared += Gcd(Magnitude(prev), Magnitude(x)) > 1;
      if ((pairs - shared) * 10 > most * 4) return false;
      if (shared >= 8 && shared * 10 >= most * 6) return true;
    }
    prev = x;
  }
  return pairs >= 8 && shared * 10 >= pairs * 6;
}

// True when the segments' divisors save more estimated bits than the
// segments cost.
bool Pays(std::span<const int64_t> v, const Segments& seg) {
  double saved = 0;
  size_t pos = 0;
  for (size_t s = 0; s < seg.lengths.size(); ++s) {
    const auto end = pos + static_cast<size_t>(seg.lengths[s]);
    size_t nonzero = 0;
    for (; pos < end; ++pos) nonzero += v[pos] != 0;
    const double bits = std::log2(static_cast<double>(seg.factors[s]));
    saved += static_cast<double>(nonzero) * bits - bits - kSegmentBits;
  }
  return saved > 0;
}

}  // namespace

bool ChooseFactor(std::span<const int64_t> values, const IntStats& stats,
                  const EncodeContext& ctx) {
  if (ctx.depth <= 0 || stats.n < 16) return false;
  // A chunk's raw and zstd-ranked trees test the same streams: the answer
  // is remembered by the values' hash (a collision could only change which
  // valid encoding wins; the segments themselves are compared value for
  // value in CachedSegments).
  return Remembered<bool>(values, /*salt=*/0, [&] {
    return LooksFactored(values) && Pays(values, CachedSegments(values));
  });
}

void EncodeFactor(std::span<const int64_t> values, const IntStats&, const EncodeContext& ctx,
                  Encoded* out) {
  const Segments seg = CachedSegments(values);
  std::vector<int64_t> quotients(values.size());
  size_t pos = 0;
  for (size_t s = 0; s < seg.lengths.size(); ++s) {
    const int64_t f = seg.factors[s];
    const auto end = pos + static_cast<size_t>(seg.lengths[s]);
    for (; pos < end; ++pos) quotients[pos] = f == 1 ? values[pos] : values[pos] / f;
  }
  PutVarint(&out->bytes, seg.lengths.size());
  out->node.param = seg.lengths.size();
  // The three parts have unrelated statistics, so each gets its own zstd
  // decision instead of sharing one over the whole block.
  auto encode = [&](const std::vector<int64_t>& part, size_t index) {
    EncodeContext child = ChildContext(ctx, index);
    if (ctx.on_sample) child.zstd_level = 1;
    if (ctx.for_zstd) return EncodeInts(part, child);
    return EncodeTopLevel([&](const EncodeContext& c) { return EncodeInts(part, c); }, child);
  };
  AppendChild(encode(seg.lengths, 0), /*last=*/false, out);
  AppendChild(encode(seg.factors, 1), /*last=*/false, out);
  AppendChild(encode(quotients, 2), /*last=*/true, out);
}

Status DecodeFactor(ByteReader& body, size_t n, int64_t* out, DecodeContext ctx) {
  uint64_t segments;
  if (!body.ReadVarint(&segments)) return body.Error("factor segment count truncated");
  if (segments == 0 || segments > n) {
    return body.Error("factor: " + std::to_string(segments) + " segments for " + std::to_string(n) +
                      " values");
  }
  std::vector<int64_t> lengths(segments), factors(segments);
  for (std::vector<int64_t>* part : {&lengths, &factors}) {
    std::span<const uint8_t> block;
    if (!body.ReadLengthPrefixed(&block)) return body.Error("factor block truncated");
    STEDI_RETURN_IF_ERROR(
        DecodeInts(ByteReader(block, body.offset() - block.size()), segments, part->data(), ctx));
  }
  const uint64_t at = body.offset();
  uint64_t total = 0;
  for (int64_t len : lengths) {
    if (len < 1 || static_cast<uint64_t>(len) > n - total) {
      return Status::Corruption("offset " + std::to_string(at) +
                                ": factor segment lengths do not sum to " + std::to_string(n));
    }
    total += static_cast<uint64_t>(len);
  }
  if (total != n) {
    return Status::Corruption("offset " + std::to_string(at) +
                              ": factor segment lengths do not sum to " + std::to_string(n));
  }
  STEDI_RETURN_IF_ERROR(DecodeInts(ByteReader(body.Rest(), at), n, out, ctx));
  size_t pos = 0;
  for (uint64_t s = 0; s < segments; ++s) {
    const auto f = static_cast<uint64_t>(factors[s]);
    for (int64_t k = 0; k < lengths[s]; ++k, ++pos) {
      out[pos] = static_cast<int64_t>(static_cast<uint64_t>(out[pos]) * f);
    }
  }
  return Status::OK();
}

}  // namespace stedi
