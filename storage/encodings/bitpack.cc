// Bitpack encoding: frame of reference plus bit-packing, for int streams.
//
// Byte layout of the body (after the id byte 0x03):
//   base   int64 little-endian (8 bytes): the frame of reference
//   width  uint8, 0..64
//   packed BitpackedSize(n, width) bytes: value i - base (mod 2^64), packed as
//          storage/bitpack.h describes (64-value groups of `width` LE words).
// The body must be exactly 9 + BitpackedSize(n, width) bytes.
//
// Two candidates share this layout: the narrowest width, and the width rounded
// up to whole bytes, which zstd compresses better when it is applied on top.
#include "storage/bitpack.h"

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

int RangeWidth(const IntStats& stats) {
  return BitWidth(static_cast<uint64_t>(stats.max) - static_cast<uint64_t>(stats.min));
}

void EncodeAtWidth(std::span<const int64_t> values, const IntStats& stats, int width,
                   Encoded* out) {
  const int64_t base = values.empty() ? 0 : stats.min;
  PutFixed64(&out->bytes, static_cast<uint64_t>(base));
  PutU8(&out->bytes, static_cast<uint8_t>(width));
  BitPack(values, base, width, &out->bytes);
  out->node.param = static_cast<uint64_t>(width);
}

}  // namespace

bool ChooseBitpack(std::span<const int64_t>, const IntStats&, const EncodeContext&) { return true; }

void EncodeBitpack(std::span<const int64_t> values, const IntStats& stats, const EncodeContext&,
                   Encoded* out) {
  EncodeAtWidth(values, stats, values.empty() ? 0 : RangeWidth(stats), out);
}

bool ChooseBitpackAligned(std::span<const int64_t>, const IntStats& stats,
                          const EncodeContext& ctx) {
  return ctx.for_zstd && stats.n > 0 && RangeWidth(stats) % 8 != 0;
}

void EncodeBitpackAligned(std::span<const int64_t> values, const IntStats& stats,
                          const EncodeContext&, Encoded* out) {
  EncodeAtWidth(values, stats, (RangeWidth(stats) + 7) / 8 * 8, out);
}

Status DecodeBitpack(ByteReader& body, size_t n, int64_t* out, DecodeContext) {
  int64_t base;
  uint8_t width;
  if (!body.ReadI64(&base) || !body.ReadU8(&width)) return body.Error("bitpack header truncated");
  if (width > 64) return body.Error("bitpack width " + std::to_string(width) + " exceeds 64");
  const size_t size = BitpackedSize(n, width);
  std::span<const uint8_t> packed;
  if (body.remaining() != size || !body.ReadBytes(size, &packed)) {
    return body.Error("bitpack data holds " + std::to_string(body.remaining()) +
                      " bytes, expected " + std::to_string(size));
  }
  BitUnpack(packed.data(), n, width, base, out);
  return Status::OK();
}

}  // namespace stedi
