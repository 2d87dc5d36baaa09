// Plain encoding: values as they are in memory.
//
// Byte layout of the body (after the id byte 0x01), by stream kind:
//   int:    n x int64, little-endian two's complement (8n bytes)
//   double: n x IEEE-754 binary64, little-endian (8n bytes)
//   bytes:  the n bytes themselves
// The body must be exactly that long.
#include <cstring>

#include "storage/encodings/codec.h"

namespace stedi {

bool ChoosePlainInts(std::span<const int64_t>, const IntStats&, const EncodeContext&) {
  return true;
}

void EncodePlainInts(std::span<const int64_t> values, const IntStats&, const EncodeContext&,
                     Encoded* out) {
  out->bytes.append(reinterpret_cast<const char*>(values.data()), values.size() * 8);
}

Status DecodePlainInts(ByteReader& body, size_t n, int64_t* out, DecodeContext) {
  std::span<const uint8_t> bytes;
  if (body.remaining() != n * 8 || !body.ReadBytes(n * 8, &bytes)) {
    return body.Error("plain int block holds " + std::to_string(body.remaining()) +
                      " bytes, expected " + std::to_string(n * 8));
  }
  if (n != 0) std::memcpy(out, bytes.data(), n * 8);
  return Status::OK();
}

bool ChoosePlainDoubles(std::span<const double>, const EncodeContext&) { return true; }

bool EncodePlainDoubles(std::span<const double> values, const EncodeContext&, Encoded* out) {
  out->bytes.append(reinterpret_cast<const char*>(values.data()), values.size() * 8);
  return true;
}

Status DecodePlainDoubles(ByteReader& body, size_t n, double* out, DecodeContext) {
  std::span<const uint8_t> bytes;
  if (body.remaining() != n * 8 || !body.ReadBytes(n * 8, &bytes)) {
    return body.Error("plain double block holds " + std::to_string(body.remaining()) +
                      " bytes, expected " + std::to_string(n * 8));
  }
  if (n != 0) std::memcpy(out, bytes.data(), n * 8);
  return Status::OK();
}

Status DecodePlainBytes(ByteReader& body, size_t n, std::string* out) {
  std::span<const uint8_t> bytes;
  if (body.remaining() != n || !body.ReadBytes(n, &bytes)) {
    return body.Error("plain bytes block holds " + std::to_string(body.remaining()) +
                      " bytes, expected " + std::to_string(n));
  }
  out->assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return Status::OK();
}

}  // namespace stedi
