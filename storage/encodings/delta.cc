// Delta encoding: the first value, then the differences between neighbours.
//
// Byte layout of the body (after the id byte 0x04):
//   first   int64 little-endian (8 bytes): value 0
//   deltas  an int block (the rest of the body) of n - 1 values;
//           value i = value i-1 + delta i-1, in wrapping 64-bit arithmetic.
// Requires n >= 1. Sorted or slowly changing data (timestamps, sequence
// numbers) gives small deltas, which the child block then bit-packs.
#include <vector>

#include "storage/encodings/codec.h"

namespace stedi {

bool ChooseDelta(std::span<const int64_t>, const IntStats& stats, const EncodeContext& ctx) {
  return ctx.depth > 0 && stats.n >= 2 && stats.min != stats.max;
}

void EncodeDelta(std::span<const int64_t> values, const IntStats&, const EncodeContext& ctx,
                 Encoded* out) {
  std::vector<int64_t> deltas(values.size() - 1);
  for (size_t i = 1; i < values.size(); ++i) {
    deltas[i - 1] = static_cast<int64_t>(static_cast<uint64_t>(values[i]) -
                                         static_cast<uint64_t>(values[i - 1]));
  }
  PutFixed64(&out->bytes, static_cast<uint64_t>(values[0]));
  AppendChild(EncodeInts(deltas, ChildContext(ctx, 0)), /*last=*/true, out);
}

Status DecodeDelta(ByteReader& body, size_t n, int64_t* out, DecodeContext ctx) {
  if (n == 0) return body.Error("delta block for zero values");
  int64_t first;
  if (!body.ReadI64(&first)) return body.Error("delta header truncated");
  const uint64_t base = body.offset();
  STEDI_RETURN_IF_ERROR(DecodeInts(ByteReader(body.Rest(), base), n - 1, out + 1, ctx));
  uint64_t acc = static_cast<uint64_t>(first);
  out[0] = first;
  for (size_t i = 1; i < n; ++i) {
    acc += static_cast<uint64_t>(out[i]);
    out[i] = static_cast<int64_t>(acc);
  }
  return Status::OK();
}

}  // namespace stedi
