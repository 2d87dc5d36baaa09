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
// segments by dynamic programming over a bit-cost estimate.
#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>
#include <vector>

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

constexpr size_t kMaxSegment = 64;     // longest segment the search considers
constexpr double kSegmentBits = 24.0;  // estimated cost of one (length, factor) pair
// Parts are compressed while candidates are still being compared; a moderate
// level keeps that affordable (level 19 here triples write time for <1%).
constexpr int kPartZstdLevel = 15;
constexpr uint64_t kMaxMagnitude = uint64_t{1} << 62;

// Binary GCD: no divisions, several times faster than Euclid's on 64 bits.
uint64_t Gcd(uint64_t a, uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  const int shift = std::countr_zero(a | b);
  a >>= std::countr_zero(a);
  do {
    b >>= std::countr_zero(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

uint64_t Magnitude(int64_t v) {
  return v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

// Segment lengths chosen to minimise estimated bits: each value costs its bit
// width less log2 of its segment's divisor, each segment kSegmentBits.
std::vector<size_t> ChooseSegments(std::span<const int64_t> v) {
  const size_t n = v.size();
  std::vector<double> bits(n + 1, 0);  // prefix sums of value widths
  std::vector<size_t> nonzero(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    bits[i + 1] = bits[i] + (v[i] ? std::bit_width(Magnitude(v[i])) + 1 : 0);
    nonzero[i + 1] = nonzero[i] + (v[i] != 0);
  }
  std::vector<double> best(n + 1, 0);
  std::vector<size_t> from(n + 1, 0);
  for (size_t j = 1; j <= n; ++j) {
    uint64_t g = 0;
    best[j] = -1;
    for (size_t i = j; i-- > 0 && j - i <= kMaxSegment;) {
      g = Gcd(g, Magnitude(v[i]));
      const double saved =
          g > 1 ? (nonzero[j] - nonzero[i]) * std::log2(static_cast<double>(g)) : 0;
      const double cost = best[i] + kSegmentBits + (bits[j] - bits[i]) - saved;
      if (best[j] < 0 || cost < best[j]) {
        best[j] = cost;
        from[j] = i;
      }
      // Once no divisor is shared, longer segments only add bits.
      if (g == 1) break;
    }
  }
  std::vector<size_t> lengths;
  for (size_t j = n; j > 0; j = from[j]) lengths.push_back(j - from[j]);
  return {lengths.rbegin(), lengths.rend()};
}

// Cheap test before the search: most neighbouring non-zero values share a divisor.
bool LooksFactored(std::span<const int64_t> v) {
  size_t pairs = 0, shared = 0;
  int64_t prev = 0;
  for (int64_t x : v) {
    if (Magnitude(x) >= kMaxMagnitude) return false;
    if (x == 0) continue;
    if (prev != 0) {
      ++pairs;
      shared += Gcd(Magnitude(prev), Magnitude(x)) > 1;
    }
    prev = x;
  }
  return pairs >= 8 && shared * 10 >= pairs * 6;
}

}  // namespace

bool ChooseFactor(std::span<const int64_t> values, const IntStats& stats,
                  const EncodeContext& ctx) {
  return ctx.depth > 0 && stats.n >= 16 && LooksFactored(values);
}

void EncodeFactor(std::span<const int64_t> values, const IntStats&, const EncodeContext& ctx,
                  Encoded* out) {
  const std::vector<size_t> lengths = ChooseSegments(values);
  std::vector<int64_t> seg_lengths, factors, quotients(values.size());
  size_t pos = 0;
  for (size_t len : lengths) {
    uint64_t g = 0;
    for (size_t k = pos; k < pos + len; ++k) g = Gcd(g, Magnitude(values[k]));
    if (g == 0) g = 1;
    const auto f = static_cast<int64_t>(g);
    for (size_t k = pos; k < pos + len; ++k) quotients[k] = values[k] / f;
    seg_lengths.push_back(static_cast<int64_t>(len));
    factors.push_back(f);
    pos += len;
  }
  PutVarint(&out->bytes, lengths.size());
  out->node.param = lengths.size();
  // The three parts have unrelated statistics, so each gets its own zstd
  // decision instead of sharing one over the whole block.
  EncodeContext child = ChildContext(ctx);
  child.zstd_level = std::min(ctx.zstd_level, kPartZstdLevel);
  auto encode = [&](const std::vector<int64_t>& part) {
    if (ctx.for_zstd) return EncodeInts(part, child);
    return EncodeTopLevel([&](const EncodeContext& c) { return EncodeInts(part, c); }, child);
  };
  AppendChild(encode(seg_lengths), /*last=*/false, out);
  AppendChild(encode(factors), /*last=*/false, out);
  AppendChild(encode(quotients), /*last=*/true, out);
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
