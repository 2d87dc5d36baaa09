// TableScan: the rows of a segment or table target, with --columns, --where
// and --head applied.
//
// --where conditions go to the zone maps (ReadOptions::predicates, with
// ReadTable's semantics), which skip whole row groups, and are then applied
// exactly to every row read. Without --where, --head N reads only the row
// groups it needs (the rest count as skipped).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scan_predicate.h"
#include "core/table.h"
#include "storage/table_reader.h"  // ReadOptions, ScanStats
#include "tools/segdump/target.h"

namespace stedi::segdump {

struct ScanRequest {
  std::vector<std::string> columns;  // empty: all, in schema order
  std::vector<std::string> where;    // each parsed by ParseWhere; ANDed
  std::optional<uint64_t> limit;     // --head N
};

struct ScanResult {
  Table rows;  // the requested columns of the matching rows
  std::vector<ScanPredicate> predicates;
  ScanStats stats;            // row groups total / skipped by zone maps
  uint64_t rows_read = 0;     // rows of the row groups not skipped
  uint64_t rows_matched = 0;  // before the limit
};

// InvalidArgument for an unknown column or a bad --where; storage errors
// (Corruption naming file and offset) otherwise.
// REQUIRES: segments = OpenSegments(target), non-empty.
Result<ScanResult> ScanTable(const Segments& segments, const ScanRequest& request);

}  // namespace stedi::segdump
