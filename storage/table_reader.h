// ReadTable: reads a table folder written by WriteTable.
//
// Rows come back in write order: segment files in name order, row groups in
// file order, rows within a row group in stored order (which is the order
// after the writer's sort_by clustering sort).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/scan_predicate.h"
#include "core/status.h"
#include "core/table.h"

namespace stedi {

struct ReadOptions {
  // Empty: all columns in schema order; else these columns in this order.
  std::vector<std::string> columns;
  // Zone-map skipping only: a row group is skipped when its statistics rule
  // out any one predicate (they are ANDed). Surviving row groups are returned
  // whole; the caller applies its exact filter afterwards.
  std::vector<ScanPredicate> predicates;
};

struct ScanStats {
  uint64_t row_groups_total = 0;
  uint64_t row_groups_skipped = 0;
  uint64_t bytes_read = 0;  // stored bytes of the chunks decoded
};

// Reads every segment of `dir`. NotFound when `dir` holds no segment file;
// NotFound for an unknown column in columns or predicates; Corruption naming
// file and offset for damaged files or segments whose schemas differ. String
// columns come back with one dictionary per column.
Result<Table> ReadTable(const std::string& dir, const ReadOptions& options,
                        ScanStats* stats = nullptr);

// The schema stored in the table's first segment.
Result<Schema> ReadTableSchema(const std::string& dir);

// Verifies every segment of `dir` (framing, footer, every chunk checksum and
// decode). Corruption listing each problem with its file and offset.
Status VerifyTable(const std::string& dir);

}  // namespace stedi
