// --verify: checks a segment, table or lake end to end and reports every
// problem, not only the first.
//
// Per segment: header, tail, footer checksum and fields (SegmentReader::Open),
// then every chunk's checksum and a full decode, then the decoded values
// against the footer's zone-map statistics (null count, min, max), since a
// wrong min/max would make --where and the engine skip rows silently. Per
// table: every segment has the first one's schema. Per lake: each table's
// files match catalog.json (present, byte size, whole-file XXH3, rows, no
// unlisted segment files) before its segments are checked.
#pragma once

#include <ostream>

#include "core/status.h"
#include "tools/segdump/target.h"

namespace stedi::segdump {

// Writes each problem on its own line (naming file and offset where there is
// one) and a final "OK ..." or "N problem(s) found" line. Returns OK, or
// Corruption saying how many problems were found.
Status VerifyTarget(const Target& target, std::ostream& out);

}  // namespace stedi::segdump
