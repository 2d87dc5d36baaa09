#include "storage/segment_reader.h"

#include <xxhash.h>

#include <cstring>

#include "storage/chunk_reader.h"
#include "storage/coding.h"
#include "storage/footer.h"

namespace stedi {

Result<std::unique_ptr<SegmentReader>> SegmentReader::Open(const std::string& path) {
  std::unique_ptr<SegmentReader> r(new SegmentReader());
  r->path_ = path;
  STEDI_ASSIGN_OR_RETURN(r->file_, MappedFile::Open(path));
  STEDI_RETURN_IF_ERROR(r->Init());
  return r;
}

Status SegmentReader::Error(uint64_t offset, const std::string& what) const {
  return Status::Corruption(path_ + ": offset " + std::to_string(offset) + ": " + what);
}

Status SegmentReader::Init() {
  const std::span<const uint8_t> data = file_->data();
  const uint64_t size = data.size();
  if (size < kHeaderSize + kTailSize) {
    return Error(0, "file of " + std::to_string(size) + " bytes is too short for a segment");
  }
  if (std::memcmp(data.data(), kSegmentMagic, 8) != 0) return Error(0, "bad magic");
  if (LoadU32(data.data() + 8) != kFormatVersion) {
    return Error(8, "unsupported format version " + std::to_string(LoadU32(data.data() + 8)));
  }
  if (LoadU32(data.data() + 12) != 0) return Error(12, "unknown header flags");
  const uint64_t tail = size - kTailSize;
  if (std::memcmp(data.data() + size - 8, kSegmentMagic, 8) != 0) {
    return Error(size - 8, "bad trailing magic (truncated file?)");
  }
  if (LoadU32(data.data() + tail + 12) != kFormatVersion) {
    return Error(tail + 12, "trailing format version differs");
  }
  footer_bytes_ = LoadU32(data.data() + tail);
  if (footer_bytes_ > tail - kHeaderSize) {
    return Error(tail, "footer length " + std::to_string(footer_bytes_) + " exceeds the file");
  }
  footer_offset_ = tail - footer_bytes_;
  const std::span<const uint8_t> footer = data.subspan(footer_offset_, footer_bytes_);
  if (XXH3_64bits(footer.data(), footer.size()) != LoadU64(data.data() + tail + 4)) {
    return Error(footer_offset_, "footer checksum mismatch");
  }
  auto meta = ParseFooter(footer, footer_offset_, footer_offset_);
  if (!meta.ok()) return meta.status().WithContext(path_);
  meta_ = std::move(meta).value();
  return Status::OK();
}

ZoneStats SegmentReader::ChunkStats(size_t row_group, size_t column) const {
  return ChunkZoneStats(chunk(row_group, column), meta_.row_groups[row_group].rows);
}

std::span<const uint8_t> SegmentReader::ChunkBytes(size_t row_group, size_t column) const {
  const ChunkMeta& c = chunk(row_group, column);
  return file_->data().subspan(c.offset, c.stored_bytes);
}

Status SegmentReader::AppendColumnChunk(size_t row_group, size_t column, Column* out) const {
  const ChunkMeta& c = chunk(row_group, column);
  Status st = DecodeChunk(ChunkBytes(row_group, column), c.offset, c,
                          meta_.row_groups[row_group].rows, out);
  if (!st.ok()) {
    return st.WithContext(path_ + ": row group " + std::to_string(row_group) + " column '" +
                          meta_.schema.field(column).name + "'");
  }
  return Status::OK();
}

Result<Column> SegmentReader::ReadColumnChunk(size_t row_group, size_t column) const {
  if (row_group >= num_row_groups() || column >= meta_.schema.size()) {
    return Status::InvalidArgument(path_ + ": no chunk (" + std::to_string(row_group) + ", " +
                                   std::to_string(column) + ")");
  }
  Column out(meta_.schema.field(column).type);
  STEDI_RETURN_IF_ERROR(AppendColumnChunk(row_group, column, &out));
  return out;
}

Status SegmentReader::Verify() const {
  std::string problems;
  for (size_t g = 0; g < num_row_groups(); ++g) {
    for (size_t c = 0; c < meta_.schema.size(); ++c) {
      auto col = ReadColumnChunk(g, c);
      if (col.ok()) continue;
      if (!problems.empty()) problems += "\n";
      problems += col.status().message();
    }
  }
  return problems.empty() ? Status::OK() : Status::Corruption(problems);
}

}  // namespace stedi
