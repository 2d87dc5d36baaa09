// Run-length encoding: runs of equal values as (value, length) pairs.
//
// Byte layout of the body (after the id byte 0x05):
//   runs     varint: number of runs r (1 <= r <= n)
//   values   varint length + int block of r values: each run's value
//   lengths  int block (the rest of the body) of r values: each run's length,
//            every one >= 1, summing to exactly n
// Long runs (sorted keys, user ids in arrival order, validity of mostly-null
// columns) become a few values; the child blocks bit-pack them further.
#include <vector>

#include "storage/encodings/codec.h"

namespace stedi {

bool ChooseRle(std::span<const int64_t>, const IntStats& stats, const EncodeContext& ctx) {
  return ctx.depth > 0 && stats.n >= 2 && stats.runs * 2 <= stats.n;
}

void EncodeRle(std::span<const int64_t> values, const IntStats& stats, const EncodeContext& ctx,
               Encoded* out) {
  std::vector<int64_t> run_values;
  std::vector<int64_t> run_lengths;
  run_values.reserve(stats.runs);
  run_lengths.reserve(stats.runs);
  for (size_t i = 0; i < values.size();) {
    size_t j = i + 1;
    while (j < values.size() && values[j] == values[i]) ++j;
    run_values.push_back(values[i]);
    run_lengths.push_back(static_cast<int64_t>(j - i));
    i = j;
  }
  PutVarint(&out->bytes, run_values.size());
  out->node.param = run_values.size();
  AppendChild(EncodeInts(run_values, ChildContext(ctx, 0)), /*last=*/false, out);
  AppendChild(EncodeInts(run_lengths, ChildContext(ctx, 1)), /*last=*/true, out);
}

Status DecodeRle(ByteReader& body, size_t n, int64_t* out, DecodeContext ctx) {
  uint64_t runs;
  if (!body.ReadVarint(&runs)) return body.Error("rle run count truncated");
  if (runs == 0 || runs > n) {
    return body.Error("rle run count " + std::to_string(runs) + " for " + std::to_string(n) +
                      " values");
  }
  std::span<const uint8_t> values_block;
  const uint64_t values_at = body.offset();
  if (!body.ReadLengthPrefixed(&values_block)) return body.Error("rle values block truncated");
  std::vector<int64_t> run_values(runs);
  std::vector<int64_t> run_lengths(runs);
  STEDI_RETURN_IF_ERROR(
      DecodeInts(ByteReader(values_block, values_at + VarintLength(values_block.size())), runs,
                 run_values.data(), ctx));
  const uint64_t lengths_at = body.offset();
  STEDI_RETURN_IF_ERROR(
      DecodeInts(ByteReader(body.Rest(), lengths_at), runs, run_lengths.data(), ctx));
  uint64_t total = 0;
  for (int64_t len : run_lengths) {
    if (len < 1 || static_cast<uint64_t>(len) > n - total) {
      return Status::Corruption("offset " + std::to_string(lengths_at) +
                                ": rle run lengths do not sum to " + std::to_string(n));
    }
    total += static_cast<uint64_t>(len);
  }
  if (total != n) {
    return Status::Corruption("offset " + std::to_string(lengths_at) +
                              ": rle run lengths do not sum to " + std::to_string(n));
  }
  size_t pos = 0;
  for (uint64_t r = 0; r < runs; ++r) {
    const int64_t v = run_values[r];
    for (int64_t k = 0; k < run_lengths[r]; ++k) out[pos++] = v;
  }
  return Status::OK();
}

}  // namespace stedi
