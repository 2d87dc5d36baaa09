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

size_t ZstdSizeEstimate(const std::string& bytes) {
  thread_local std::string buf;
  buf.resize(ZSTD_compressBound(bytes.size()));
  const size_t n = Compress(bytes, kEstimateLevel, buf.data(), buf.size());
  return ZSTD_isError(n) ? bytes.size() : n;
}

// ZstdSizeEstimate with a window over the whole block and a hash table as
// large as the window allows (up to 1 Mi entries): the fast level then sees
// repeats anywhere in blocks larger than its default 512 KB window, as the
// final level does, at the fast level's speed.
size_t WholeBlockEstimate(const std::string& bytes) {
  ZSTD_CCtx* cctx = ThreadCCtx();
  if (cctx == nullptr) return ZstdSizeEstimate(bytes);
  const int window = std::clamp(static_cast<int>(std::bit_width(bytes.size() - 1)), 19, 27);
  ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kEstimateLevel);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, window);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_hashLog, std::min(window, 20));
  thread_local std::string buf;
  buf.resize(ZSTD_compressBound(bytes.size()));
  const size_t n = ZSTD_compress2(cctx, buf.data(), buf.size(), bytes.data(), bytes.size());
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

bool ZstdCannotWin(const std::string& bytes, size_t rival) {
  constexpr size_t kLargeBytes = 8 << 10;
  // Level 1's window covers a whole block up to 512 KB; a larger one is
  // judged with a window over all of it (repeats farther apart than 512 KB
  // are found by the final level, and so must be by the judge).
  constexpr size_t kFastWindow = 512 << 10;
  if (bytes.size() < kLargeBytes) return false;
  const auto fast = static_cast<double>(bytes.size() <= kFastWindow ? ZstdSizeEstimate(bytes)
                                                                    : WholeBlockEstimate(bytes));
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
