// Zstd encoding: a general-purpose compressor over any block.
//
// Byte layout of the body (after the id byte 0x07):
//   raw_size  varint: size in bytes of the decompressed content
//   frame     exactly one zstd frame (RFC 8878, the rest of the body) whose
//             header states the content size, equal to raw_size
// The decompressed content is itself a complete block of the same stream kind
// (id byte + body). The writer applies zstd only where it makes the block
// smaller; it is the last step of a chain (e.g. delta -> bitpack(16) -> zstd).
#include <xxhash.h>
// ZSTD_getCParams (a level's parameters, for the shortest match it looks
// for) is in zstd's advanced API: stable since v1.0, exported by Debian's
// shared library as well as its archive.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>

#include "storage/encodings/codec.h"

namespace stedi {
namespace {

// Level for ranking candidates: the fastest, since only their order matters.
constexpr int kEstimateLevel = 1;

struct CCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};

// One compression context per thread, reused: creating one per call costs
// more than compressing a small block. Output does not depend on reuse.
ZSTD_CCtx* ThreadCCtx() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx(ZSTD_createCCtx());
  return cctx.get();
}

size_t Compress(const std::string& src, int level, char* dst, size_t capacity) {
  ZSTD_CCtx* cctx = ThreadCCtx();
  if (cctx == nullptr) return ZSTD_compress(dst, capacity, src.data(), src.size(), level);
  return ZSTD_compressCCtx(cctx, dst, capacity, src.data(), src.size(), level);
}

}  // namespace

Encoded WrapZstd(Encoded inner, int level) {
  Encoded out;
  out.node.id = EncodingId::kZstd;
  out.node.param = static_cast<uint64_t>(level);
  out.node.bytes_in = inner.bytes.size();
  out.bytes.push_back(static_cast<char>(EncodingId::kZstd));
  PutVarint(&out.bytes, inner.bytes.size());
  const size_t header = out.bytes.size();
  out.bytes.resize(header + ZSTD_compressBound(inner.bytes.size()));
  const size_t n =
      Compress(inner.bytes, level, out.bytes.data() + header, out.bytes.size() - header);
  if (ZSTD_isError(n)) {
    // Cannot happen with a bound-sized buffer; keep the data uncompressed.
    return inner;
  }
  out.bytes.resize(header + n);
  out.node.bytes_out = out.bytes.size();
  out.node.children.push_back(std::move(inner.node));
  return out;
}

namespace {

// One output buffer per thread for the estimates, grown to the largest block.
char* EstimateBuffer(size_t capacity) {
  thread_local std::string buf;
  if (buf.size() < capacity) buf.resize(capacity);
  return buf.data();
}

// The largest block ZstdCannotWin judges: its window (2^27) covers it whole.
constexpr size_t kMaxJudgedBytes = size_t{1} << 27;

// ZstdCannotWin's estimate: the fast level, with a window over the whole
// block (its default is 512 KB) and the final level's shortest match
// (`min_match`, 4 or more; the fast level's own is 5 to 7): repeats anywhere
// in the block, as short as the final level uses, count. Its hash table has
// 2^17 entries (or as many as the window has positions): one surviving
// entry is enough to find a long repeat, which the match then follows, and
// on random text a larger table only finds more chance matches, slowly
// (1 MB of UUIDs: 2^17 4.5 ms, 2^20 13 ms; level 6 takes 14).
// REQUIRES: 0 < bytes.size() <= kMaxJudgedBytes, 4 <= min_match <= 7.
size_t JudgeEstimate(const std::string& bytes, int min_match) {
  ZSTD_CCtx* cctx = ThreadCCtx();
  if (cctx == nullptr) return ZstdSizeEstimate(bytes);
  const int window = std::max(10, static_cast<int>(std::bit_width(bytes.size() - 1)));
  ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kEstimateLevel);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, window);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_hashLog, std::min(window, 17));
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_minMatch, min_match);
  const size_t capacity = ZSTD_compressBound(bytes.size());
  const size_t n =
      ZSTD_compress2(cctx, EstimateBuffer(capacity), capacity, bytes.data(), bytes.size());
  // Back to defaults: later ZSTD_compressCCtx calls take only their level.
  ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
  return ZSTD_isError(n) ? bytes.size() : n;
}

// The size of `bytes` coded at their order-0 entropy (each byte value alone).
double EntropyBytes(const std::string& bytes) {
  size_t counts[256] = {};
  for (char c : bytes) ++counts[static_cast<uint8_t>(c)];
  const double n = static_cast<double>(bytes.size());
  double bits = 0;
  for (size_t c : counts) {
    if (c != 0) bits -= static_cast<double>(c) * std::log2(static_cast<double>(c) / n);
  }
  return bits / 8;
}

}  // namespace

size_t ZstdSizeEstimate(const std::string& bytes) {
  const size_t capacity = ZSTD_compressBound(bytes.size());
  const size_t n = Compress(bytes, kEstimateLevel, EstimateBuffer(capacity), capacity);
  return ZSTD_isError(n) ? bytes.size() : n;
}

bool ZstdCannotWin(const std::string& bytes, size_t rival, int level) {
  constexpr size_t kLargeBytes = 8 << 10;
  if (bytes.size() < kLargeBytes || bytes.size() > kMaxJudgedBytes) return false;
  // The shortest match the final level looks for; the fast level cannot
  // look for 3-byte ones (the highest levels'), so those blocks are not judged.
  const auto min_match = static_cast<int>(ZSTD_getCParams(level, bytes.size(), 0).minMatch);
  if (min_match < 4) return false;
  const auto fast = static_cast<double>(JudgeEstimate(bytes, std::min(min_match, 7)));
  const auto other = static_cast<double>(rival);
  return fast > other * 1.05 && fast > EntropyBytes(bytes) * 0.9;
}

size_t ZstdSizeMemo::Estimate(const std::string& bytes) {
  const uint64_t key = XXH3_64bits(bytes.data(), bytes.size()) ^ bytes.size();
  const auto [it, inserted] = sizes_.try_emplace(key, 0);
  if (inserted) it->second = ZstdSizeEstimate(bytes);
  return it->second;
}

Status DecompressZstdBody(ByteReader& body, std::string* out) {
  uint64_t raw_size;
  if (!body.ReadVarint(&raw_size)) return body.Error("zstd size truncated");
  if (raw_size > kMaxBlockBytes) {
    return body.Error("zstd content of " + std::to_string(raw_size) + " bytes exceeds the limit");
  }
  const uint64_t at = body.offset();
  std::span<const uint8_t> frame = body.Rest();
  const size_t frame_size = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
  if (ZSTD_isError(frame_size) || frame_size != frame.size()) {
    return Status::Corruption("offset " + std::to_string(at) + ": not exactly one zstd frame");
  }
  if (ZSTD_getFrameContentSize(frame.data(), frame.size()) != raw_size) {
    return Status::Corruption("offset " + std::to_string(at) +
                              ": zstd frame content size differs from the block's");
  }
  out->resize(raw_size);
  const size_t n = ZSTD_decompress(out->data(), out->size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != raw_size) {
    return Status::Corruption("offset " + std::to_string(at) + ": zstd frame does not decode" +
                              (ZSTD_isError(n) ? std::string(": ") + ZSTD_getErrorName(n) : ""));
  }
  return Status::OK();
}

}  // namespace stedi
