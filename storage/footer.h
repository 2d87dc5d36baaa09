// Footer: the segment's metadata (schema, sort order, row groups, column
// chunks with offsets, sizes, checksums, statistics and encoding steps)
// serialized as bytes; layout in docs/FORMAT.md, "Footer".
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/status.h"
#include "storage/segment_format.h"

namespace stedi {

std::string SerializeFooter(const SegmentMeta& meta);

// Parses and validates a footer: every count, enum and range, statistics
// consistent with the schema, and the chunk layout (chunks tile
// [kHeaderSize, chunks_end) in order, no gaps). `base` is the footer's file
// offset, used in messages. Hostile bytes give Corruption, never a crash.
Result<SegmentMeta> ParseFooter(std::span<const uint8_t> footer, uint64_t base,
                                uint64_t chunks_end);

}  // namespace stedi
