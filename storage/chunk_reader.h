// ChunkReader: checks and decodes one column chunk (layout in chunk_writer.h).
#pragma once

#include <cstdint>
#include <span>

#include "core/column.h"
#include "core/status.h"
#include "storage/segment_format.h"

namespace stedi {

// Verifies the chunk's XXH3-64 against meta.checksum, decodes its `rows` rows
// and appends them to *out; string chunks intern into out's dictionary. On
// error *out may hold part of the rows and must be discarded. `offset` is the
// chunk's file offset (for messages).
// REQUIRES: bytes.size() == meta.stored_bytes; out->type() is the column's type.
Status DecodeChunk(std::span<const uint8_t> bytes, uint64_t offset, const ChunkMeta& meta,
                   uint64_t rows, Column* out);

}  // namespace stedi
