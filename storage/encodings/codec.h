// The encoding registry's entries: one codec per encoding and stream kind,
// each with choose (is it worth trying on these values?), encode and decode.
// Adding an encoding means one new file plus one line in registry.cc.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <span>
#include <string>

#include "core/status.h"
#include "storage/coding.h"
#include "storage/encoding.h"

namespace stedi {

// The result of `compute` about a stream, remembered per thread (and per
// call site: each lambda type has its own entries) by the stream's hash,
// length and `salt`: a chunk's raw and zstd-ranked encoding trees ask the
// same costly questions about the same streams. Only for answers that guide
// the choice: a hash collision could change which valid encoding wins,
// never the data. Short streams are computed every time.
template <typename T, typename Fn>
T Remembered(std::span<const int64_t> values, uint64_t salt, Fn&& compute) {
  constexpr size_t kMinValues = 256;
  constexpr size_t kEntries = 16;
  if (values.size() < kMinValues) return compute();
  struct Entry {
    uint64_t key = 0;
    size_t n = 0;
    T value{};
  };
  thread_local Entry entries[kEntries];
  thread_local size_t next = 0;
  const uint64_t key = XXH3_64bits_withSeed(values.data(), values.size() * sizeof(int64_t), salt);
  for (const Entry& e : entries) {
    if (e.n == values.size() && e.key == key) return e.value;
  }
  Entry& e = entries[next];
  next = (next + 1) % kEntries;
  e = Entry{key, values.size(), compute()};
  return e.value;
}

// What the choose functions look at, computed once per int stream.
struct IntStats {
  size_t n = 0;
  int64_t min = 0;
  int64_t max = 0;
  size_t runs = 0;      // maximal runs of equal adjacent values
  size_t distinct = 0;  // exact when <= kMaxDictionaryEntries, else larger
};
inline constexpr size_t kMaxDictionaryEntries = 1 << 16;
IntStats ComputeIntStats(std::span<const int64_t> values);

// How an encoding's size on a sample scales to the whole stream.
enum class SampleScale : uint8_t {
  kValues,    // with the value count
  kRuns,      // with the count of runs (rle: short sample pieces cut runs)
  kDistinct,  // first child (the entries) with the distinct count, the rest with values
};

struct IntCodec {
  EncodingId id;
  SampleScale scale;
  bool (*choose)(std::span<const int64_t> values, const IntStats& stats, const EncodeContext& ctx);
  // Appends the body (after the id byte, which the registry writes) to out->bytes
  // and fills out->node's param and children.
  void (*encode)(std::span<const int64_t> values, const IntStats& stats, const EncodeContext& ctx,
                 Encoded* out);
  // Decodes the whole body into n values.
  Status (*decode)(ByteReader& body, size_t n, int64_t* out, DecodeContext ctx);
};

struct DoubleCodec {
  EncodingId id;
  bool (*choose)(std::span<const double> values, const EncodeContext& ctx);
  // Returns false, leaving *out unusable, when the values turn out not to fit
  // the encoding (the choice was made on a sample).
  bool (*encode)(std::span<const double> values, const EncodeContext& ctx, Encoded* out);
  Status (*decode)(ByteReader& body, size_t n, double* out, DecodeContext ctx);
};

// The candidate tables (registry.cc). Order matters only for ties: the
// earlier (cheaper to decode) wins.
std::span<const IntCodec> IntCodecs();
std::span<const DoubleCodec> DoubleCodecs();

// The context of a block's child number `child` (in AppendChild order): depth
// - 1, and the plan's matching child when following a plan.
inline EncodeContext ChildContext(const EncodeContext& ctx, size_t child) {
  EncodeContext c = ctx;
  c.depth = ctx.depth - 1;
  c.nested = true;
  c.plan = ctx.plan && child < ctx.plan->children.size() ? &ctx.plan->children[child] : nullptr;
  return c;
}

// Appends a child block to a parent: length-prefixed unless it is the last.
void AppendChild(Encoded child, bool last, Encoded* parent);

// Per-encoding entry points (one file each under storage/encodings/).
bool ChoosePlainInts(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodePlainInts(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
Status DecodePlainInts(ByteReader&, size_t, int64_t*, DecodeContext);
bool ChoosePlainDoubles(std::span<const double>, const EncodeContext&);
bool EncodePlainDoubles(std::span<const double>, const EncodeContext&, Encoded*);
Status DecodePlainDoubles(ByteReader&, size_t, double*, DecodeContext);
Status DecodePlainBytes(ByteReader&, size_t, std::string*);

bool ChooseConstantInts(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeConstantInts(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
Status DecodeConstantInts(ByteReader&, size_t, int64_t*, DecodeContext);
bool ChooseConstantDoubles(std::span<const double>, const EncodeContext&);
bool EncodeConstantDoubles(std::span<const double>, const EncodeContext&, Encoded*);
Status DecodeConstantDoubles(ByteReader&, size_t, double*, DecodeContext);

bool ChooseBitpack(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeBitpack(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
bool ChooseBitpackAligned(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeBitpackAligned(std::span<const int64_t>, const IntStats&, const EncodeContext&,
                          Encoded*);
Status DecodeBitpack(ByteReader&, size_t, int64_t*, DecodeContext);

bool ChooseDelta(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeDelta(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
Status DecodeDelta(ByteReader&, size_t, int64_t*, DecodeContext);

bool ChooseRle(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeRle(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
Status DecodeRle(ByteReader&, size_t, int64_t*, DecodeContext);

bool ChooseIntDictionary(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeIntDictionary(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
Status DecodeIntDictionary(ByteReader&, size_t, int64_t*, DecodeContext);
bool ChooseDoubleDictionary(std::span<const double>, const EncodeContext&);
bool EncodeDoubleDictionary(std::span<const double>, const EncodeContext&, Encoded*);
Status DecodeDoubleDictionary(ByteReader&, size_t, double*, DecodeContext);

bool ChooseFactor(std::span<const int64_t>, const IntStats&, const EncodeContext&);
void EncodeFactor(std::span<const int64_t>, const IntStats&, const EncodeContext&, Encoded*);
Status DecodeFactor(ByteReader&, size_t, int64_t*, DecodeContext);

bool ChooseDecimal(std::span<const double>, const EncodeContext&);
bool EncodeDecimal(std::span<const double>, const EncodeContext&, Encoded*);
Status DecodeDecimal(ByteReader&, size_t, double*, DecodeContext);

// split.cc: false (out untouched) when width does not split the bytes into
// at least two entries. The split columns are encoded as a child bytes block.
bool EncodeSplitBytes(std::span<const uint8_t> bytes, size_t width, const EncodeContext& ctx,
                      Encoded* out);
Status DecodeSplitBytes(ByteReader& body, size_t n, std::string* out, DecodeContext ctx);

// zstd.cc: the body of a zstd block decompressed (exact size checked).
Status DecompressZstdBody(ByteReader& body, std::string* out);

// Decodes a child block of n int codes and checks each is < limit.
Status DecodeCodes(ByteReader block, size_t n, uint64_t limit, int64_t* out, DecodeContext ctx);

}  // namespace stedi
