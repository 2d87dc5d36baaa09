// WriteTable: stores a Table as a folder of segment files (docs/FORMAT.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"
#include "storage/chunk_writer.h"

namespace stedi {

// The encodings a table's columns chose (each column's chunk in the first row
// group), by column name. A later table whose columns hold the same kind of
// values (e.g. a filter or join of this one) can follow them: see
// WriteOptions::follow.
struct ColumnPlan {
  TypeId type = TypeId::kInt64;
  ChunkPlan plan;
};
using EncodingPlans = std::map<std::string, ColumnPlan>;

struct WriteOptions {
  // Rows per row group: the unit of zone-map skipping and of encoding choice.
  // 131072 measured best on the STEDI tables (65536: +1.2% bytes, 32768: +6%).
  size_t row_group_rows = 131072;
  // Rows per segment file (rounded down to whole row groups, at least one).
  size_t segment_max_rows = 1 << 20;
  // zstd level for the blocks where zstd pays (1..22). Measured on the eight
  // STEDI tables (scale 1 / scale 30, one thread): level 3 gives 483 KB,
  // 6 gives 471 KB for ~3% more CPU, 9 gives 471 KB for ~10% more, 13 gives
  // 455 KB for ~50% more, 19 gives 451 KB for ~2x.
  int zstd_level = 6;
  // zstd level for the bytes of string dictionaries up to 64 KB (1..22):
  // small blocks where a higher level can pay (larger ones use zstd_level). On
  // email dictionaries alone 16 (the first level with optimal parsing) is 15%
  // smaller than 13, but over the eight STEDI tables the level barely
  // matters: 9 gave a scale-1 lake 0.8% larger than 16 for 14% less build
  // CPU, and 6 one 0.05% smaller than 9 (real data and scale 30: 0.1%
  // larger) for 4% less CPU again. On a 16 KB dictionary level 9 takes ~0.9
  // ms, level 6 ~0.4 ms.
  int dictionary_zstd_level = 6;
  // Top-level blocks whose encoding chosen by raw size comes to fewer bytes
  // skip the second choice ranked by zstd size (see EncodeTopLevel). The
  // default, 16 KB, keeps that choice where it pays (large blocks: the
  // scale-30 lake is 1.1% smaller with it); 0 makes it for every block, for
  // the smallest files (STEDI scale 1: 0.4% smaller for ~10% more CPU).
  size_t zstd_ranked_min_bytes = kZstdRankedMinBytes;
  // Clustering order: rows are stably sorted by these columns (ascending, nulls
  // first) before writing. May be empty (rows keep the table's order).
  std::vector<std::string> sort_by = {};
  // Row groups after a segment's first follow the encodings its chunks chose
  // instead of choosing again (see EncodeChunk), and later segments follow
  // the first segment's. Scale-30 STEDI build: user CPU 2.32 s -> 1.78 s,
  // lake 0.2% smaller (the sampled choice of one row group is as good as
  // another's); following across segments too: 3% less CPU, lake 0.03%
  // smaller.
  bool reuse_choices = true;
  // Plans for the first row group of the first segment, by column name: a column
  // found here with the same type follows the plan instead of choosing (and
  // is chosen afresh where it compresses clearly worse than the plan did; see
  // EncodeChunk). Not owned; may be null.
  const EncodingPlans* follow = nullptr;
  // fsync each segment file and the folder once it is in place. A caller
  // that syncs the whole tree before publishing it (the lake builder writes
  // into a staging folder) turns this off: each fsync is a journal commit,
  // which on small tables took longer than encoding them.
  bool sync = true;
  // Threads encoding column chunks in parallel; 0 = one per core. The files
  // are byte-identical for every thread count.
  int threads = 0;
};

struct SegmentFileInfo {
  std::string name;  // file name within the table dir
  uint64_t bytes = 0;
  uint64_t rows = 0;
  uint64_t checksum = 0;  // XXH3-64 of the whole file
};

struct TableWriteInfo {
  std::vector<SegmentFileInfo> files;
  uint64_t rows = 0;
  uint64_t bytes = 0;
  EncodingPlans plans;  // of the first segment; empty for an empty table
};

// Writes `table` into `dir` (created when missing) as segment files
// seg-000000.sds, seg-000001.sds, ..., each written atomically; segment files
// already in `dir` that the new table does not use are removed afterwards. An
// empty table writes one segment with no row groups, so its schema persists.
// Deterministic: the same table and options give byte-identical files.
Result<TableWriteInfo> WriteTable(const Table& table, const std::string& dir,
                                  const WriteOptions& options);

}  // namespace stedi
