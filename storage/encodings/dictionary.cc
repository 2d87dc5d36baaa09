// Dictionary encoding for int and double streams: distinct values once, then
// per value a code (index into them).
//
// Byte layout of the body (after the id byte 0x06):
//   count    varint: number of entries d (1 <= d <= n)
//   entries  varint length + a block of d values of the stream's own kind
//            (int or double), sorted ascending (doubles in IEEE total order)
//   codes    int block (the rest of the body) of n values, each in [0, d)
// Pays when few distinct values repeat, like the sensor axes (-1.0, 0.0, 1.0):
// the codes bit-pack to 1-2 bits each.
#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

#include "storage/encodings/codec.h"
#include "storage/encodings/distinct_map.h"

namespace stedi {
namespace {

// Orders doubles by IEEE-754 total order through their bit patterns.
uint64_t TotalOrderKey(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, 8);
  return (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
}

double FromTotalOrderKey(uint64_t key) {
  const uint64_t bits = (key >> 63) ? key & ~(uint64_t{1} << 63) : ~key;
  double v;
  std::memcpy(&v, &bits, 8);
  return v;
}

// Dictionary-encodes n values given by their order-preserving unsigned keys:
// returns the distinct keys ascending and sets codes[i] to the rank of key(i).
// One hash pass and a sort of the distinct keys only, not of all n values.
template <typename KeyFn>
std::vector<uint64_t> BuildDictionary(size_t n, KeyFn&& key, std::vector<int64_t>* codes) {
  DistinctMap map;
  codes->resize(n);
  uint64_t last_key = 0;
  int64_t last_code = -1;  // a run of one key is looked up once
  for (size_t i = 0; i < n; ++i) {
    const uint64_t k = key(i);
    if (last_code < 0 || k != last_key) last_code = map.Insert(k), last_key = k;
    (*codes)[i] = last_code;
  }
  const std::vector<uint64_t>& keys = map.keys();
  std::vector<uint32_t> order(keys.size());
  for (uint32_t id = 0; id < order.size(); ++id) order[id] = id;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  std::vector<int64_t> rank(keys.size());
  std::vector<uint64_t> sorted(keys.size());
  for (size_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = static_cast<int64_t>(r);
    sorted[r] = keys[order[r]];
  }
  for (int64_t& c : *codes) c = rank[static_cast<size_t>(c)];
  return sorted;
}

// Signed order as unsigned order: flip the sign bit.
constexpr uint64_t kSignBit = uint64_t{1} << 63;

// Reads the count and the entries block; leaves `body` at the codes block.
Status ReadHeader(ByteReader& body, size_t n, uint64_t* count, ByteReader* entries) {
  if (!body.ReadVarint(count)) return body.Error("dictionary entry count truncated");
  if (*count == 0 || *count > n) {
    return body.Error("dictionary of " + std::to_string(*count) + " entries for " +
                      std::to_string(n) + " values");
  }
  std::span<const uint8_t> block;
  if (!body.ReadLengthPrefixed(&block)) return body.Error("dictionary entries truncated");
  *entries = ByteReader(block, body.offset() - block.size());
  return Status::OK();
}

}  // namespace

Status DecodeCodes(ByteReader block, size_t n, uint64_t limit, int64_t* out, DecodeContext ctx) {
  const uint64_t at = block.base();
  STEDI_RETURN_IF_ERROR(DecodeInts(block, n, out, ctx));
  uint64_t bad = 0;
  for (size_t i = 0; i < n; ++i) bad |= static_cast<uint64_t>(out[i]) >= limit;
  if (bad) {
    return Status::Corruption("offset " + std::to_string(at) + ": code out of range for " +
                              std::to_string(limit) + " dictionary entries");
  }
  return Status::OK();
}

bool ChooseIntDictionary(std::span<const int64_t>, const IntStats& stats,
                         const EncodeContext& ctx) {
  // Pays only when codes are narrower than the frame-of-reference width
  // (or zstd may find the codes' repetitions), and never when the values
  // fill their range: the codes would be the values minus the minimum,
  // which bit-packing stores already, plus an entries block (trying them
  // anyway, on sensor axes and lengths, cost a scale-1 build 4% of its CPU).
  const int code_width = std::bit_width(stats.distinct - 1);
  const int range_width =
      std::bit_width(static_cast<uint64_t>(stats.max) - static_cast<uint64_t>(stats.min));
  const bool dense =
      stats.distinct - 1 == static_cast<uint64_t>(stats.max) - static_cast<uint64_t>(stats.min);
  return ctx.depth > 0 && stats.min != stats.max && stats.distinct <= kMaxDictionaryEntries &&
         stats.distinct * 2 <= stats.n && !dense && (ctx.for_zstd || code_width < range_width);
}

// The dictionary of values within a small range [min, min + range]: entries
// ascending, codes their ranks, as BuildDictionary gives, by direct indexing
// instead of hashing (small ints, flags and decimal sensor readings).
// REQUIRES: every value is in [min, min + range] (IntStats guarantee it).
std::vector<int64_t> SmallRangeDictionary(std::span<const int64_t> values, int64_t min,
                                          uint64_t range, std::vector<int64_t>* codes) {
  std::vector<int64_t> rank(range + 1, 0);
  for (int64_t v : values) rank[static_cast<uint64_t>(v) - static_cast<uint64_t>(min)] = 1;
  std::vector<int64_t> dict;
  for (uint64_t k = 0; k <= range; ++k) {
    if (rank[k] == 0) continue;
    rank[k] = static_cast<int64_t>(dict.size());
    dict.push_back(static_cast<int64_t>(static_cast<uint64_t>(min) + k));
  }
  codes->resize(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    (*codes)[i] = rank[static_cast<uint64_t>(values[i]) - static_cast<uint64_t>(min)];
  }
  return dict;
}

void EncodeIntDictionary(std::span<const int64_t> values, const IntStats& stats,
                         const EncodeContext& ctx, Encoded* out) {
  constexpr uint64_t kDirectRange = uint64_t{1} << 16;
  std::vector<int64_t> codes;
  std::vector<int64_t> dict;
  const uint64_t range = static_cast<uint64_t>(stats.max) - static_cast<uint64_t>(stats.min);
  // Not for a few values over a wide range (a sample judged with its whole
  // stream's range): zeroing the ranks would cost more than hashing.
  if (!values.empty() && range < kDirectRange && range <= 8 * values.size()) {
    dict = SmallRangeDictionary(values, stats.min, range, &codes);
  } else {
    const std::vector<uint64_t> keys = BuildDictionary(
        values.size(), [&](size_t i) { return static_cast<uint64_t>(values[i]) ^ kSignBit; },
        &codes);
    dict.resize(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) dict[i] = static_cast<int64_t>(keys[i] ^ kSignBit);
  }
  PutVarint(&out->bytes, dict.size());
  out->node.param = dict.size();
  AppendChild(EncodeInts(dict, ChildContext(ctx, 0)), /*last=*/false, out);
  AppendChild(EncodeInts(codes, ChildContext(ctx, 1)), /*last=*/true, out);
}

Status DecodeIntDictionary(ByteReader& body, size_t n, int64_t* out, DecodeContext ctx) {
  uint64_t count;
  ByteReader entries_block({});
  STEDI_RETURN_IF_ERROR(ReadHeader(body, n, &count, &entries_block));
  std::vector<int64_t> entries(count);
  STEDI_RETURN_IF_ERROR(DecodeInts(entries_block, count, entries.data(), ctx));
  const uint64_t at = body.offset();
  STEDI_RETURN_IF_ERROR(DecodeCodes(ByteReader(body.Rest(), at), n, count, out, ctx));
  for (size_t i = 0; i < n; ++i) out[i] = entries[static_cast<size_t>(out[i])];
  return Status::OK();
}

bool ChooseDoubleDictionary(std::span<const double> values, const EncodeContext& ctx) {
  if (ctx.depth <= 0 || values.size() < 2) return false;
  DistinctMap map;
  for (size_t i = 0; i < values.size(); ++i) {
    const uint64_t k = TotalOrderKey(values[i]);
    if (i > 0 && k == TotalOrderKey(values[i - 1])) continue;  // not new
    map.Insert(k);
    if (map.size() * 2 > values.size() || map.size() > kMaxDictionaryEntries) return false;
  }
  return map.size() > 1;
}

bool EncodeDoubleDictionary(std::span<const double> values, const EncodeContext& ctx,
                            Encoded* out) {
  std::vector<int64_t> codes;
  const std::vector<uint64_t> keys = BuildDictionary(
      values.size(), [&](size_t i) { return TotalOrderKey(values[i]); }, &codes);
  std::vector<double> entries(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) entries[i] = FromTotalOrderKey(keys[i]);
  PutVarint(&out->bytes, entries.size());
  out->node.param = entries.size();
  AppendChild(EncodeDoubles(entries, ChildContext(ctx, 0)), /*last=*/false, out);
  AppendChild(EncodeInts(codes, ChildContext(ctx, 1)), /*last=*/true, out);
  return true;
}

Status DecodeDoubleDictionary(ByteReader& body, size_t n, double* out, DecodeContext ctx) {
  uint64_t count;
  ByteReader entries_block({});
  STEDI_RETURN_IF_ERROR(ReadHeader(body, n, &count, &entries_block));
  std::vector<double> entries(count);
  STEDI_RETURN_IF_ERROR(DecodeDoubles(entries_block, count, entries.data(), ctx));
  std::vector<int64_t> codes(n);
  const uint64_t at = body.offset();
  STEDI_RETURN_IF_ERROR(DecodeCodes(ByteReader(body.Rest(), at), n, count, codes.data(), ctx));
  for (size_t i = 0; i < n; ++i) out[i] = entries[static_cast<size_t>(codes[i])];
  return Status::OK();
}

}  // namespace stedi
