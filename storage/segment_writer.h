// SegmentWriter: encodes rows [begin, end) of a table as one segment file
// image (header, chunks, footer, tail; see segment_format.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/table.h"
#include "storage/table_writer.h"

namespace stedi {

// Returns the complete file bytes. Row groups hold options.row_group_rows rows
// (the last one fewer). An empty range gives a segment with no row groups.
// When `plans` is given, it receives the first row group's encoding plans.
// REQUIRES: begin <= end <= table.num_rows(); options validated by WriteTable.
std::string EncodeSegment(const Table& table, size_t begin, size_t end, const WriteOptions& options,
                          EncodingPlans* plans = nullptr);

}  // namespace stedi
