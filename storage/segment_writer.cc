#include "storage/segment_writer.h"

#include <xxhash.h>

#include <cassert>

#include "storage/chunk_writer.h"
#include "storage/coding.h"
#include "storage/footer.h"

namespace stedi {
namespace {

void PutMagicAndVersion(std::string* out, bool magic_first) {
  if (magic_first) out->append(kSegmentMagic, sizeof(kSegmentMagic));
  PutFixed32(out, kFormatVersion);
  if (!magic_first) out->append(kSegmentMagic, sizeof(kSegmentMagic));
}

}  // namespace

std::string EncodeSegment(const Table& table, size_t begin, size_t end,
                          const WriteOptions& options) {
  assert(begin <= end && end <= table.num_rows());
  std::string file;
  PutMagicAndVersion(&file, /*magic_first=*/true);
  PutFixed32(&file, 0);  // flags: none defined in version 1
  assert(file.size() == kHeaderSize);

  SegmentMeta meta;
  meta.schema = table.schema();
  meta.sort_by = options.sort_by;
  EncodeContext ctx;
  ctx.zstd_level = options.zstd_level;
  for (size_t rg_begin = begin; rg_begin < end; rg_begin += options.row_group_rows) {
    const size_t rg_end = std::min(end, rg_begin + options.row_group_rows);
    RowGroupMeta rg;
    rg.rows = rg_end - rg_begin;
    for (const Column& column : table.columns()) {
      EncodedChunk chunk = EncodeChunk(column, rg_begin, rg_end, ctx);
      chunk.meta.offset = file.size();
      file += chunk.bytes;
      rg.columns.push_back(std::move(chunk.meta));
    }
    meta.row_groups.push_back(std::move(rg));
  }

  const std::string footer = SerializeFooter(meta);
  file += footer;
  PutFixed32(&file, static_cast<uint32_t>(footer.size()));
  PutFixed64(&file, XXH3_64bits(footer.data(), footer.size()));
  PutMagicAndVersion(&file, /*magic_first=*/false);
  return file;
}

}  // namespace stedi
