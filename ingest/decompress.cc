#include "ingest/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cassert>
#include <climits>

namespace stedi {

Codec DetectCodec(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Codec::kGzip;
  if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return Codec::kZstd;
  }
  return Codec::kNone;
}

namespace {

// Output grows as it is needed: 4x the input is a good first guess for JSON.
void GrowIfFull(size_t used, size_t input_size, PaddedText* out) {
  if (used < out->size()) return;
  out->Resize(std::max<size_t>({out->size() * 2, input_size * 4, 1 << 16}));
}

Status Gunzip(std::string_view in, const std::string& path, PaddedText* out) {
  z_stream z{};
  // 16 + MAX_WBITS: gzip wrapper only.
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return Status::Internal("inflateInit2 failed");
  size_t consumed = 0;
  size_t used = 0;
  int rc = Z_OK;
  for (;;) {
    GrowIfFull(used, in.size(), out);
    const size_t in_step = std::min<size_t>(in.size() - consumed, UINT_MAX);
    const size_t out_step = std::min<size_t>(out->size() - used, UINT_MAX);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + consumed));
    z.avail_in = static_cast<uInt>(in_step);
    z.next_out = reinterpret_cast<Bytef*>(out->mutable_data() + used);
    z.avail_out = static_cast<uInt>(out_step);
    rc = inflate(&z, Z_NO_FLUSH);
    consumed += in_step - z.avail_in;
    used += out_step - z.avail_out;
    if (rc == Z_STREAM_END) {
      if (consumed == in.size()) break;
      inflateReset(&z);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK) break;
    // All input taken and room left over: the stream stopped mid-member.
    if (consumed == in.size() && z.avail_out > 0) break;
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) {
    const std::string why = rc == Z_OK || rc == Z_BUF_ERROR ? std::string("data ends early")
                            : z.msg != nullptr              ? std::string(z.msg)
                                                            : "inflate error " + std::to_string(rc);
    return Status::Corruption(path + ": gzip data corrupt near compressed offset " +
                              std::to_string(consumed) + ": " + why);
  }
  out->Resize(used);
  return Status::OK();
}

Status Unzstd(std::string_view in, const std::string& path, PaddedText* out) {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  if (ctx == nullptr) return Status::Internal("ZSTD_createDCtx failed");
  ZSTD_inBuffer src{in.data(), in.size(), 0};
  size_t used = 0;
  size_t rc = 0;
  for (;;) {
    GrowIfFull(used, in.size(), out);
    ZSTD_outBuffer dst{out->mutable_data(), out->size(), used};
    rc = ZSTD_decompressStream(ctx, &dst, &src);
    used = dst.pos;
    if (ZSTD_isError(rc)) break;
    // Done when all input is taken and the output was not the limit.
    if (src.pos == src.size && used < out->size()) break;
  }
  ZSTD_freeDCtx(ctx);
  // rc == 0: the last frame was complete; anything else is a frame cut off.
  if (ZSTD_isError(rc) || rc != 0) {
    const std::string why = ZSTD_isError(rc) ? ZSTD_getErrorName(rc) : "data ends early";
    return Status::Corruption(path + ": zstd data corrupt near compressed offset " +
                              std::to_string(src.pos) + ": " + why);
  }
  out->Resize(used);
  return Status::OK();
}

}  // namespace

Status Decompress(Codec codec, std::string_view compressed, const std::string& path,
                  PaddedText* out) {
  assert(codec != Codec::kNone);
  if (codec == Codec::kGzip) return Gunzip(compressed, path, out);
  return Unzstd(compressed, path, out);
}

}  // namespace stedi
