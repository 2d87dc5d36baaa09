#include "storage/segment_writer.h"

#include <xxhash.h>

#include <algorithm>
#include <cassert>

#include "storage/chunk_writer.h"
#include "storage/coding.h"
#include "storage/footer.h"
#include "storage/task_runner.h"

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
  ctx.dictionary_zstd_level = options.dictionary_zstd_level;
  // Every (row group, column) chunk is an independent task; results land in
  // their own slots and are laid out in order, so the bytes do not depend on
  // the thread count.
  const size_t columns = table.num_columns();
  const size_t groups = (end - begin + options.row_group_rows - 1) / options.row_group_rows;
  std::vector<EncodedChunk> chunks(groups * columns);
  RunTasks(chunks.size(), options.threads, [&](size_t task) {
    const size_t rg_begin = begin + (task / columns) * options.row_group_rows;
    const size_t rg_end = std::min(end, rg_begin + options.row_group_rows);
    chunks[task] = EncodeChunk(table.column(task % columns), rg_begin, rg_end, ctx);
  });
  for (size_t g = 0; g < groups; ++g) {
    RowGroupMeta rg;
    rg.rows = std::min(end, begin + (g + 1) * options.row_group_rows) -
              (begin + g * options.row_group_rows);
    for (size_t c = 0; c < columns; ++c) {
      EncodedChunk& chunk = chunks[g * columns + c];
      chunk.meta.offset = file.size();
      file += chunk.bytes;
      std::string().swap(chunk.bytes);
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
