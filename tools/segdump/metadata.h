// Metadata: what a table's segment footers say, summed up per column.
//
// Collected from the footers alone (no chunk is decoded), so it is cheap for
// any table size. The text and JSON renderers are metadata_text.h and
// metadata_json.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/types.h"
#include "core/value.h"
#include "storage/segment_format.h"
#include "tools/segdump/target.h"

namespace stedi::segdump {

struct ChainCount {
  std::string chain;  // DescribeSteps() of the value steps, e.g. "delta -> bitpack(11)"
  uint64_t row_groups = 0;
};

struct ColumnSummary {
  Field field;
  std::vector<ChainCount> chains;  // most used first, then by first use
  uint64_t stored_bytes = 0;
  uint64_t raw_bytes = 0;
  uint64_t null_count = 0;
  // False when some chunk holding values has no min/max (a NaN or a long
  // string), or when every value is null: min and max are then unknown.
  bool has_min_max = false;
  Value min;
  Value max;
};

struct FileSummary {
  std::string path;
  uint64_t bytes = 0;
  uint64_t rows = 0;
  uint64_t row_groups = 0;
  uint64_t footer_bytes = 0;
};

struct TableSummary {
  TargetKind kind = TargetKind::kTable;
  std::string path;
  std::string name;
  Schema schema;
  std::vector<std::string> sort_by;
  std::vector<FileSummary> files;
  std::vector<ColumnSummary> columns;
  uint64_t rows = 0;
  uint64_t row_groups = 0;
  uint64_t file_bytes = 0;    // whole files on disk
  uint64_t stored_bytes = 0;  // column chunks only
  uint64_t raw_bytes = 0;     // plain in-memory size of the values
};

// REQUIRES: segments is non-empty, all with one schema (OpenSegments ensures it).
TableSummary Summarize(const Target& target, const Segments& segments);

// A chunk's value encoding chain, "(all null)" when it stores no values.
std::string ValueChain(const ChunkMeta& chunk);
// raw / stored rounded to two decimals; 0 when stored is 0.
double Ratio(uint64_t raw, uint64_t stored);

}  // namespace stedi::segdump
