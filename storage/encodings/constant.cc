// Constant encoding: every value is the same.
//
// Byte layout of the body (after the id byte 0x02):
//   int:    the value, int64 little-endian (8 bytes)
//   double: the value, IEEE-754 binary64 little-endian (8 bytes; the exact
//           bit pattern, so NaN payloads and -0.0 survive)
#include <cstring>

#include "storage/encodings/codec.h"

namespace stedi {

bool ChooseConstantInts(std::span<const int64_t>, const IntStats& stats, const EncodeContext&) {
  return stats.n > 0 && stats.min == stats.max;
}

void EncodeConstantInts(std::span<const int64_t> values, const IntStats&, const EncodeContext&,
                        Encoded* out) {
  PutFixed64(&out->bytes, static_cast<uint64_t>(values[0]));
}

Status DecodeConstantInts(ByteReader& body, size_t n, int64_t* out, DecodeContext) {
  int64_t v;
  if (body.remaining() != 8 || !body.ReadI64(&v))
    return body.Error("constant block is not 8 bytes");
  for (size_t i = 0; i < n; ++i) out[i] = v;
  return Status::OK();
}

bool ChooseConstantDoubles(std::span<const double> values, const EncodeContext&) {
  if (values.empty()) return false;
  for (double v : values) {
    if (std::memcmp(&v, &values[0], 8) != 0) return false;
  }
  return true;
}

bool EncodeConstantDoubles(std::span<const double> values, const EncodeContext& ctx, Encoded* out) {
  if (!ChooseConstantDoubles(values, ctx)) return false;
  PutDouble(&out->bytes, values[0]);
  return true;
}

Status DecodeConstantDoubles(ByteReader& body, size_t n, double* out, DecodeContext) {
  double v;
  if (body.remaining() != 8 || !body.ReadDouble(&v)) {
    return body.Error("constant block is not 8 bytes");
  }
  for (size_t i = 0; i < n; ++i) out[i] = v;
  return Status::OK();
}

}  // namespace stedi
