// Dictionary encoding for string streams (the only string encoding).
//
// Byte layout of the body (after the id byte 0x06):
//   count    varint: number of entries d (1 <= d <= n)
//   lengths  varint length + int block of d values: byte length of each entry
//   bytes    varint length + bytes block of sum(lengths) bytes: the entries
//            concatenated, in entry order
//   codes    int block (the rest of the body) of n values, each in [0, d)
// Entries appear in first-use order within the chunk, so a column of unique
// strings has codes 0, 1, 2, ... (delta + constant: a few bytes). Entries are
// arbitrary bytes; they need not be valid UTF-8 and need not be distinct.
#include <vector>

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

// The common length of all entries, or 0 when they differ.
size_t EqualWidth(const std::vector<int64_t>& lengths) {
  for (int64_t len : lengths) {
    if (len != lengths[0]) return 0;
  }
  return lengths.empty() ? 0 : static_cast<size_t>(lengths[0]);
}

}  // namespace

Encoded EncodeStrings(std::span<const int32_t> codes, const StringDictionary& dict,
                      const EncodeContext& ctx) {
  // Chunk-local codes in first-use order: the column dictionary may hold
  // strings this chunk never uses (after a filter or a split into row groups).
  std::vector<int32_t> local(dict.size(), -1);
  std::vector<int64_t> local_codes(codes.size());
  std::vector<int64_t> lengths;
  std::string bytes;
  for (size_t i = 0; i < codes.size(); ++i) {
    int32_t& slot = local[static_cast<size_t>(codes[i])];
    if (slot < 0) {
      slot = static_cast<int32_t>(lengths.size());
      std::string_view s = dict.Get(codes[i]);
      lengths.push_back(static_cast<int64_t>(s.size()));
      bytes.append(s);
    }
    local_codes[i] = slot;
  }
  Encoded out;
  out.bytes.push_back(static_cast<char>(EncodingId::kDictionary));
  out.node.id = EncodingId::kDictionary;
  out.node.param = lengths.size();
  out.node.bytes_in = bytes.size() + 4 * lengths.size() + 4 * codes.size();
  PutVarint(&out.bytes, lengths.size());
  AppendChild(EncodeInts(lengths, ChildContext(ctx, 0)), /*last=*/false, &out);
  AppendChild(EncodeBytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()),
                                                   bytes.size()),
                          ChildContext(ctx, 1), EqualWidth(lengths)),
              /*last=*/false, &out);
  AppendChild(EncodeInts(local_codes, ChildContext(ctx, 2)), /*last=*/true, &out);
  out.node.bytes_out = out.bytes.size();
  return out;
}

Status DecodeStringDictionaryBody(ByteReader& body, size_t n, StringDictionary* dict,
                                  int32_t* codes, DecodeContext ctx) {
  uint64_t count;
  if (!body.ReadVarint(&count)) return body.Error("string dictionary count truncated");
  if (count == 0 || count > n) {
    return body.Error("string dictionary of " + std::to_string(count) + " entries for " +
                      std::to_string(n) + " values");
  }
  std::span<const uint8_t> lengths_block, bytes_block;
  if (!body.ReadLengthPrefixed(&lengths_block)) return body.Error("string lengths truncated");
  const uint64_t lengths_at = body.offset() - lengths_block.size();
  std::vector<int64_t> lengths(count);
  STEDI_RETURN_IF_ERROR(
      DecodeInts(ByteReader(lengths_block, lengths_at), count, lengths.data(), ctx));
  uint64_t total = 0;
  for (int64_t len : lengths) {
    if (len < 0 || static_cast<uint64_t>(len) > kMaxBlockBytes - total) {
      return Status::Corruption("offset " + std::to_string(lengths_at) +
                                ": string lengths out of range");
    }
    total += static_cast<uint64_t>(len);
  }
  if (!body.ReadLengthPrefixed(&bytes_block)) return body.Error("string bytes truncated");
  std::string bytes;
  STEDI_RETURN_IF_ERROR(
      DecodeBytes(ByteReader(bytes_block, body.offset() - bytes_block.size()), total, &bytes, ctx));
  std::vector<int32_t> remap(count);
  size_t pos = 0;
  for (size_t e = 0; e < count; ++e) {
    const auto len = static_cast<size_t>(lengths[e]);
    remap[e] = dict->Intern(std::string_view(bytes).substr(pos, len));
    pos += len;
  }
  std::vector<int64_t> local(n);
  const uint64_t at = body.offset();
  STEDI_RETURN_IF_ERROR(DecodeCodes(ByteReader(body.Rest(), at), n, count, local.data(), ctx));
  for (size_t i = 0; i < n; ++i) codes[i] = remap[static_cast<size_t>(local[i])];
  return Status::OK();
}

}  // namespace stedi
