// Encodings: how one stream of values becomes bytes, and back.
//
// Every encoded stream is a "block": one encoding id byte, then a body whose
// layout belongs to that encoding (docs/FORMAT.md, and the comment opening
// each storage/encodings/*.cc). Blocks nest: delta holds a block of deltas,
// dictionary a block of dictionary values and one of codes, zstd a compressed
// block. A block knows its own length only from its container, and the value
// count from its parent, so neither is stored in the block itself.
//
// Four stream kinds exist: int (int64 values: bool, int32, int64, timestamp,
// string codes, lengths, validity bits), double, string (non-null string
// values), and bytes (raw bytes of a string dictionary).
//
// The writer picks each block's encoding BtrBlocks-style (choice.cc): short
// streams try every applicable candidate; long ones rank the candidates by
// their size on a sample and encode all values only with the winner (and a
// close runner-up), recursing into children up to a depth limit. Decoders validate every count,
// width and offset before use: any input bytes give values or a Corruption status.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/string_dictionary.h"
#include "storage/coding.h"

namespace stedi {

enum class EncodingId : uint8_t {
  kPlain = 1,
  kConstant = 2,
  kBitpack = 3,  // frame of reference + bit-packing
  kDelta = 4,
  kRle = 5,
  kDictionary = 6,
  kZstd = 7,
  kDecimal = 8,  // doubles that are decimals with few digits, as scaled integers
  kFactor = 9,   // segments of ints sharing a divisor, as divisor + quotients
  kSplit = 10,   // bytes of fixed-width entries, byte j of every entry together
};

// "plain", "constant", "bitpack", ...; "unknown" for other bytes.
const char* EncodingName(EncodingId id);
bool IsKnownEncoding(uint8_t id);

// One step of an encoding tree, for metadata and tools: `param` is the bit
// width (bitpack), entry count (dictionary), run count (rle), level (zstd) or
// exponent (decimal), segment count (factor), else 0. bytes_in is the plain size of the values the
// step encodes, bytes_out the size of its block.
struct EncodeNode {
  EncodingId id = EncodingId::kPlain;
  uint64_t param = 0;
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
  std::vector<EncodeNode> children;
};

// An encoded block and its description.
struct Encoded {
  std::string bytes;
  EncodeNode node;
};

// Zstd size estimates already made while encoding one chunk, by content:
// the choice meets the same candidate bytes again and again (in the raw and
// the zstd-ranked pass, and as children of different parents), and each
// estimate is a zstd compression. The key is a 64-bit hash of the bytes
// xor their length; a collision could only change which valid encoding
// wins, never the data.
// One per chunk encode, used by one thread.
class ZstdSizeMemo {
 public:
  // The estimate of `bytes`, computed at most once.
  size_t Estimate(const std::string& bytes);
  // How many different byte strings were estimated.
  size_t size() const { return sizes_.size(); }

 private:
  std::unordered_map<uint64_t, size_t> sizes_;  // hash ^ length -> estimate
};

// The zstd-ranked choice costs as much as the raw one (more: its candidates
// are ranked by zstd estimates) and pays on large blocks, whose zstd-friendly
// layouts (byte-aligned widths, entries left plain for one zstd over the
// block) beat the raw choice compressed: the scale-30 lake is 1.1% smaller
// with it. Below 16 KB it gained 0.4% of the scale-1 lake (0.47% on the real
// data) for 10% of the build's CPU.
inline constexpr size_t kZstdRankedMinBytes = 16 << 10;

struct EncodeContext {
  int depth = 3;                   // how many more levels of nesting may be tried
  bool for_zstd = false;           // rank candidates by their zstd-compressed size
  int zstd_level = 19;             // level for blocks actually compressed
  int dictionary_zstd_level = 19;  // level for the bytes of string dictionaries
  // Top-level blocks whose raw choice is smaller skip the zstd-ranked choice.
  size_t zstd_ranked_min_bytes = kZstdRankedMinBytes;
  bool on_sample = false;  // encoding a sample to estimate a candidate's size
  bool nested = false;     // choosing a child block (set by ChildContext)
  // When set, the block follows this tree (an earlier chunk's choice) instead
  // of choosing: same encodings, parameters from the values. Where the tree
  // does not fit the values (a constant that is not), the choice runs there.
  const EncodeNode* plan = nullptr;
  // Where candidates' zstd estimates are kept; null: every one is computed.
  ZstdSizeMemo* zstd_sizes = nullptr;
};

// Chooses and applies the best encoding of each kind. n may be 0.
Encoded EncodeInts(std::span<const int64_t> values, const EncodeContext& ctx);
Encoded EncodeDoubles(std::span<const double> values, const EncodeContext& ctx);
// codes index into dict; only the entries used are stored.
Encoded EncodeStrings(std::span<const int32_t> codes, const StringDictionary& dict,
                      const EncodeContext& ctx);
// entry_width > 0: the bytes are entries of that many bytes each (a string
// dictionary of equal lengths), so byte-split may be tried.
Encoded EncodeBytes(std::span<const uint8_t> bytes, const EncodeContext& ctx,
                    size_t entry_width = 0);

// Best of the raw choice and zstd over the zstd-ranked choice: the entry point
// for a chunk's top-level blocks. `encode` is one of the functions above.
// When the raw choice comes to less than ctx.zstd_ranked_min_bytes, the
// zstd-ranked choice is not made and zstd goes over the raw one instead.
template <typename Fn>
Encoded EncodeTopLevel(Fn&& encode, const EncodeContext& ctx);

// Wraps `inner` in a zstd block at ctx.zstd_level.
Encoded WrapZstd(Encoded inner, int level);
// Size of `bytes` after zstd at a fast level (used to rank candidates).
size_t ZstdSizeEstimate(const std::string& bytes);
// True when zstd at `level` would not bring `bytes` (8 KB to 128 MB) below
// `rival` bytes, judged by the fast level with a window over the whole block
// and the level's shortest match (so that repeats anywhere in the block, as
// short as the level uses, count): it leaves them above `rival` and finds no
// matches to speak of (its output is not 10% below the bytes' order-0
// entropy: random text such as UUIDs, where slower levels find none either;
// on such text level 6 costs ~15 us/KB, 10x the fast one). On text with
// matches the final level can beat the fast one by 30% (emails), so there
// it always runs; so it does on small blocks (their estimate would cost as
// much as compressing) and for levels that look for 3-byte matches.
bool ZstdCannotWin(const std::string& bytes, size_t rival, int level);

// Decoders. `block` is exactly one block; its first byte's absolute offset is
// in.base(), used only for messages. `nesting` guards against deep hostile
// nesting. REQUIRES: out has room for n values.
struct DecodeContext {
  int nesting = 0;
};
Status DecodeInts(ByteReader block, size_t n, int64_t* out, DecodeContext ctx = {});
Status DecodeDoubles(ByteReader block, size_t n, double* out, DecodeContext ctx = {});
// Decodes n strings: interns the block's distinct strings into *dict (which
// may already hold entries, e.g. from earlier chunks of the same column) and
// sets codes[i] to the code in *dict of string i.
Status DecodeStrings(ByteReader block, size_t n, StringDictionary* dict, int32_t* codes,
                     DecodeContext ctx = {});
// Decodes exactly n bytes.
Status DecodeBytes(ByteReader block, size_t n, std::string* out, DecodeContext ctx = {});

// The largest count any block may claim (rows of a row group, dictionary
// entries, bytes of a string dictionary). Bounds memory use on hostile input.
inline constexpr uint64_t kMaxBlockValues = uint64_t{1} << 26;
inline constexpr uint64_t kMaxBlockBytes = uint64_t{1} << 30;
inline constexpr int kMaxNesting = 12;

template <typename Fn>
Encoded EncodeTopLevel(Fn&& encode, const EncodeContext& ctx) {
  if (ctx.plan != nullptr) {
    // Following a plan: its root says whether zstd goes on top, so one
    // encoding is made instead of two.
    EncodeContext inner = ctx;
    const bool zipped = ctx.plan->id == EncodingId::kZstd && !ctx.plan->children.empty();
    inner.for_zstd = zipped;
    inner.plan = zipped ? &ctx.plan->children[0] : ctx.plan;
    Encoded e = encode(inner);
    if (!zipped) return e;
    Encoded z = WrapZstd(e, ctx.zstd_level);
    return z.bytes.size() < e.bytes.size() ? z : e;
  }
  EncodeContext raw = ctx;
  raw.for_zstd = false;
  Encoded best = encode(raw);
  // What zstd goes over: the raw choice itself for a small block, else the
  // choice ranked by zstd size.
  Encoded inner;
  if (best.bytes.size() < ctx.zstd_ranked_min_bytes) {
    inner = best;
  } else {
    EncodeContext z = ctx;
    z.for_zstd = true;
    inner = encode(z);
    if (ZstdCannotWin(inner.bytes, best.bytes.size(), ctx.zstd_level)) return best;
  }
  Encoded zipped = WrapZstd(std::move(inner), ctx.zstd_level);
  return zipped.bytes.size() < best.bytes.size() ? zipped : best;
}

}  // namespace stedi
