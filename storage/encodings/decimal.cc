// Decimal encoding (ALP-style): doubles that are short decimals, stored as
// integers scaled by a power of ten.
//
// Byte layout of the body (after the id byte 0x08):
//   exponent  uint8 e, 0..18
//   digits    int block (the rest of the body) of n values k_i
// Value i is the double nearest to k_i / 10^e, computed as
// static_cast<double>(k_i) / 1e<e> (one correctly rounded IEEE division; 10^e
// is exact in binary64 for e <= 22). The writer uses this only when that
// expression gives back every value bit for bit, so -0.0, NaN, infinities and
// values needing more than 18 decimals never take this path.
#include <cmath>
#include <cstring>

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

constexpr int kMaxExponent = 18;
constexpr double kPow10[kMaxExponent + 1] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                             1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                             1e14, 1e15, 1e16, 1e17, 1e18};

bool Encodes(double v, int e, int64_t* k) {
  const double scaled = v * kPow10[e];
  if (!(std::fabs(scaled) < 9.0e15)) return false;  // also rejects NaN
  // nearbyint compiles to one instruction; ties (x.5) never encode exactly
  // anyway, so its rounding mode does not matter.
  *k = static_cast<int64_t>(std::nearbyint(scaled));
  const double back = static_cast<double>(*k) / kPow10[e];
  return std::memcmp(&back, &v, 8) == 0;
}

// The smallest exponent that represents every value exactly, or -1; fills
// *digits (when given) with the scaled integers at that exponent.
int FindExponent(std::span<const double> values, std::vector<int64_t>* digits) {
  std::vector<int64_t> scratch;
  std::vector<int64_t>& k = digits ? *digits : scratch;
  k.resize(values.size());
  int e = 0;
  size_t last_raise = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    while (!Encodes(values[i], e, &k[i])) {
      if (++e > kMaxExponent) return -1;
      last_raise = i;
    }
  }
  // Values before the last raise were scaled by a smaller exponent, and the
  // larger one may not fit them: redo them.
  for (size_t i = 0; i < last_raise; ++i) {
    if (!Encodes(values[i], e, &k[i])) return -1;
  }
  return e;
}

}  // namespace

bool ChooseDecimal(std::span<const double> values, const EncodeContext& ctx) {
  return ctx.depth > 0 && !values.empty() && FindExponent(values, nullptr) >= 0;
}

bool EncodeDecimal(std::span<const double> values, const EncodeContext& ctx, Encoded* out) {
  std::vector<int64_t> digits;
  const int e = FindExponent(values, &digits);
  if (e < 0) return false;
  PutU8(&out->bytes, static_cast<uint8_t>(e));
  out->node.param = static_cast<uint64_t>(e);
  AppendChild(EncodeInts(digits, ChildContext(ctx, 0)), /*last=*/true, out);
  return true;
}

Status DecodeDecimal(ByteReader& body, size_t n, double* out, DecodeContext ctx) {
  uint8_t e;
  if (!body.ReadU8(&e)) return body.Error("decimal exponent truncated");
  if (e > kMaxExponent) return body.Error("decimal exponent " + std::to_string(e) + " exceeds 18");
  std::vector<int64_t> digits(n);
  const uint64_t at = body.offset();
  STEDI_RETURN_IF_ERROR(DecodeInts(ByteReader(body.Rest(), at), n, digits.data(), ctx));
  const double scale = kPow10[e];
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<double>(digits[i]) / scale;
  return Status::OK();
}

}  // namespace stedi
