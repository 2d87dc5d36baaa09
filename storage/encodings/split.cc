// Byte-split encoding for bytes streams of fixed-width entries (Parquet's
// BYTE_STREAM_SPLIT): byte j of every entry together, then byte j + 1.
//
// Byte layout of the body (after the id byte 0x0A):
//   width   varint w (w >= 1, w divides n): bytes per entry
//   bytes   bytes block (the rest of the body) of n bytes: byte j of entry i
//           at position j * (n / w) + i
// A string dictionary of equal-length entries (UUIDs, fixed codes) puts its
// constant positions (dashes, version digits) into runs and its random ones
// into columns of few symbols, which zstd's entropy coder takes near their
// entropy; the same bytes in entry order leave it ~20% above.
#include "storage/encodings/codec.h"

namespace stedi {
namespace {

// Levels above 3 only search harder for matches that columns of random
// characters do not have (measured on UUIDs: level 3 gives 15.1 KB, 6 gives
// 16.0 KB, 19 gives 15.2 KB for 956 of them).
constexpr int kSplitZstdLevel = 3;

}  // namespace

bool EncodeSplitBytes(std::span<const uint8_t> bytes, size_t width, const EncodeContext& ctx,
                      Encoded* out) {
  if (width < 2 || bytes.size() < 2 * width || bytes.size() % width != 0) return false;
  const size_t entries = bytes.size() / width;
  std::string columns(bytes.size(), '\0');
  for (size_t i = 0; i < entries; ++i) {
    for (size_t j = 0; j < width; ++j)
      columns[j * entries + i] = static_cast<char>(bytes[i * width + j]);
  }
  out->bytes.push_back(static_cast<char>(EncodingId::kSplit));
  out->node.id = EncodingId::kSplit;
  out->node.param = width;
  out->node.bytes_in = bytes.size();
  PutVarint(&out->bytes, width);
  EncodeContext child = ChildContext(ctx, 0);
  child.zstd_level = child.dictionary_zstd_level = kSplitZstdLevel;
  AppendChild(EncodeBytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(columns.data()),
                                                   columns.size()),
                          child),
              /*last=*/true, out);
  out->node.bytes_out = out->bytes.size();
  return true;
}

Status DecodeSplitBytes(ByteReader& body, size_t n, std::string* out, DecodeContext ctx) {
  uint64_t width;
  if (!body.ReadVarint(&width)) return body.Error("split width truncated");
  if (width == 0 || n % width != 0) {
    return body.Error("split width " + std::to_string(width) + " does not divide " +
                      std::to_string(n) + " bytes");
  }
  std::string columns;
  const uint64_t at = body.offset();
  STEDI_RETURN_IF_ERROR(DecodeBytes(ByteReader(body.Rest(), at), n, &columns, ctx));
  const size_t entries = n / width;
  out->resize(n);
  for (size_t j = 0; j < width; ++j) {
    for (size_t i = 0; i < entries; ++i) (*out)[i * width + j] = columns[j * entries + i];
  }
  return Status::OK();
}

}  // namespace stedi
