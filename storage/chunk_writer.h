// ChunkWriter: encodes rows [begin, end) of one column as a column chunk.
//
// Chunk layout (docs/FORMAT.md, "Column chunk"):
//   if 0 < null_count < rows: varint length + validity block (int block of
//                             `rows` values, 1 = valid, 0 = null)
//   if null_count < rows:     values block (the rest): the non-null values
//                             only, in row order, as a block of the column's kind
// An all-null chunk is empty; a chunk without nulls has no validity block.
#pragma once

#include <cstddef>
#include <string>

#include "core/column.h"
#include "storage/encoding.h"
#include "storage/segment_format.h"

namespace stedi {

struct EncodedChunk {
  std::string bytes;
  ChunkMeta meta;  // everything but offset
};

// REQUIRES: begin < end <= column.size().
EncodedChunk EncodeChunk(const Column& column, size_t begin, size_t end, const EncodeContext& ctx);

}  // namespace stedi
