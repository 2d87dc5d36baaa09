// Whole-buffer decompression of gzip and zstd input files.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/padded_text.h"

namespace stedi {

enum class Codec { kNone, kGzip, kZstd };

// The codec whose magic bytes start `head`, or kNone.
Codec DetectCodec(std::string_view head);

// Decompresses all of `compressed` into `out`. Concatenated gzip members and
// zstd frames are all read. Corruption naming `path` when the data is damaged
// or ends early. REQUIRES: codec != kNone.
Status Decompress(Codec codec, std::string_view compressed, const std::string& path,
                  PaddedText* out);

}  // namespace stedi
