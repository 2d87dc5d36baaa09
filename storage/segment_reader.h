// SegmentReader: opens one segment file (memory-mapped), validates its
// framing and footer, and decodes column chunks on demand.
//
// Open() checks the header, tail, footer checksum and every footer field, so
// metadata() is trustworthy afterwards; each chunk's checksum is checked when
// the chunk is read. Every problem is a Corruption status naming the file and
// the byte offset. The segdump tool is a thin main over this class.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/column.h"
#include "core/scan_predicate.h"
#include "core/status.h"
#include "storage/mapped_file.h"
#include "storage/segment_format.h"

namespace stedi {

class SegmentReader {
 public:
  static Result<std::unique_ptr<SegmentReader>> Open(const std::string& path);

  const std::string& path() const { return path_; }
  uint64_t file_size() const { return file_->size(); }
  const SegmentMeta& metadata() const { return meta_; }
  const Schema& schema() const { return meta_.schema; }
  size_t num_row_groups() const { return meta_.row_groups.size(); }
  uint64_t footer_offset() const { return footer_offset_; }
  uint64_t footer_bytes() const { return footer_bytes_; }

  // REQUIRES: row_group < num_row_groups(), column < schema().size().
  const ChunkMeta& chunk(size_t row_group, size_t column) const {
    return meta_.row_groups[row_group].columns[column];
  }
  ZoneStats ChunkStats(size_t row_group, size_t column) const;
  // The chunk's stored bytes (inside the mapping; valid while this reader lives).
  std::span<const uint8_t> ChunkBytes(size_t row_group, size_t column) const;

  // Decodes one chunk as a new column (strings get their own dictionary).
  Result<Column> ReadColumnChunk(size_t row_group, size_t column) const;
  // Decodes one chunk and appends its rows to *out (strings intern into out's
  // dictionary). REQUIRES: out->type() == schema().field(column).type.
  Status AppendColumnChunk(size_t row_group, size_t column, Column* out) const;

  // Checks every chunk checksum and decodes every chunk. Reports every
  // problem found (one per line), not only the first.
  Status Verify() const;

 private:
  SegmentReader() = default;
  Status Init();
  Status Error(uint64_t offset, const std::string& what) const;

  std::string path_;
  std::unique_ptr<MappedFile> file_;
  SegmentMeta meta_;
  uint64_t footer_offset_ = 0;
  uint64_t footer_bytes_ = 0;
};

}  // namespace stedi
