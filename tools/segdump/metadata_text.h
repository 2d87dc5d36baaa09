// The default report: files, format version, rows, row groups and per column
// type, nullability, encoding chain, stored and raw bytes, ratio, null count,
// min and max (and the same per row group when asked), as aligned text.
#pragma once

#include <ostream>

#include "tools/segdump/metadata.h"

namespace stedi::segdump {

// REQUIRES: `segments` are the ones `summary` was built from.
void WriteMetadataText(const TableSummary& summary, const Segments& segments, bool row_groups,
                       std::ostream& out);

// "4.15" (two decimals), or "-" when nothing is stored.
std::string RatioText(uint64_t raw, uint64_t stored);

}  // namespace stedi::segdump
