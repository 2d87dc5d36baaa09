// The segment file's framing and its footer metadata (docs/FORMAT.md).
//
//   header  16 bytes: magic "STEDISEG", version uint32 = 1, flags uint32 = 0
//   chunks  every column chunk, row group by row group, column by column,
//           back to back with no gaps
//   footer  SegmentMeta serialized by storage/footer.h
//   tail    24 bytes: footer length uint32, footer XXH3-64 uint64,
//           version uint32 = 1, magic "STEDISEG"
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/scan_predicate.h"
#include "core/status.h"
#include "core/types.h"
#include "core/value.h"
#include "storage/encoding.h"

namespace stedi {

inline constexpr char kSegmentMagic[8] = {'S', 'T', 'E', 'D', 'I', 'S', 'E', 'G'};
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr size_t kHeaderSize = 16;
inline constexpr size_t kTailSize = 24;
// Segment files in a table folder are named seg-NNNNNN.sds.
inline constexpr const char* kSegmentPrefix = "seg-";
inline constexpr const char* kSegmentSuffix = ".sds";
std::string SegmentFileName(size_t index);
bool IsSegmentFileName(const std::string& name);

// One step of a chunk's encoding tree, flattened in pre-order; depth 0 is the
// outermost block (applied last when writing, undone first when reading).
struct EncodingStep {
  uint8_t depth = 0;
  EncodingId id = EncodingId::kPlain;
  uint64_t param = 0;
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
};
std::vector<EncodingStep> FlattenSteps(const EncodeNode& root);
// "delta -> bitpack(11) -> zstd(19)": the steps in the order the writer
// applied them, following each step's last child (deltas, codes, run
// lengths); other children (dictionary entries, run values) in [brackets].
// Parameters in parentheses: see EncodeNode.
std::string DescribeSteps(const std::vector<EncodingStep>& steps);

struct ChunkMeta {
  uint64_t offset = 0;        // of the chunk's first byte in the file
  uint64_t stored_bytes = 0;  // on disk
  uint64_t raw_bytes = 0;     // plain size in memory (informational)
  uint64_t checksum = 0;      // XXH3-64 of the stored bytes
  uint64_t null_count = 0;
  bool has_min_max = false;  // false: no non-null value, a NaN, or a long string
  Value min;
  Value max;
  std::vector<EncodingStep> validity_steps;  // empty unless 0 < null_count < rows
  std::vector<EncodingStep> value_steps;     // empty when every row is null
};

struct RowGroupMeta {
  uint64_t rows = 0;
  std::vector<ChunkMeta> columns;  // one per schema field
};

struct SegmentMeta {
  Schema schema;
  std::vector<std::string> sort_by;  // the clustering order the writer applied
  std::vector<RowGroupMeta> row_groups;

  uint64_t rows() const;
};

ZoneStats ChunkZoneStats(const ChunkMeta& chunk, uint64_t rows);

}  // namespace stedi
