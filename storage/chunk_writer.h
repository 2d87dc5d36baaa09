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

// The encoding trees one chunk chose: later chunks of the same column can
// follow them instead of choosing again (an empty tree means "choose").
struct ChunkPlan {
  EncodeNode validity;
  EncodeNode values;
  double value_runs = 0;  // runs of equal neighbouring values per row
};

struct EncodedChunk {
  std::string bytes;
  ChunkMeta meta;  // everything but offset
  ChunkPlan plan;  // the trees used, not stored in the file
};

// Encodes the chunk choosing every block's encoding, or, given a plan (from
// an earlier chunk of the same column), following it: much cheaper, since the
// choice costs several trial encodings per block. Values with more than a
// quarter more runs per row than the plan's are chosen afresh; values with
// clearly fewer (rows a join repeated), at most one run per two rows, follow
// the plan in runs (rle over the plan's int stream or string codes; doubles
// are chosen afresh), and other changes of runs choose afresh too. A followed
// stream that compresses clearly worse per byte than it did for the plan's
// chunk is chosen afresh too (the smaller result is kept).
// REQUIRES: begin < end <= column.size().
EncodedChunk EncodeChunk(const Column& column, size_t begin, size_t end, const EncodeContext& ctx,
                         const ChunkPlan* plan = nullptr);

// True when EncodeChunk given `plan` would follow it as it is for the values
// of rows [begin, end) (their runs per row are like the plan's).
// REQUIRES: begin < end <= column.size().
bool FollowsPlan(const Column& column, size_t begin, size_t end, const ChunkPlan& plan);

}  // namespace stedi
