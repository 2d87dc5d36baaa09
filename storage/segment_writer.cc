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

// Row groups smaller than this choose their own encodings: choosing among
// a few thousand values costs little, and there a followed choice can miss.
constexpr size_t kMinFollowRows = 4096;

// The plan options.follow gives for column `field`, if any.
const ChunkPlan* GivenPlan(const Field& field, const WriteOptions& options) {
  if (options.follow == nullptr) return nullptr;
  const auto it = options.follow->find(field.name);
  return it != options.follow->end() && it->second.type == field.type ? &it->second.plan : nullptr;
}

}  // namespace

std::string EncodeSegment(const Table& table, size_t begin, size_t end, const WriteOptions& options,
                          EncodingPlans* plans) {
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
  // The first row group's chunks choose their encodings; the other row
  // groups follow those choices (EncodeChunk), which costs a fraction of
  // choosing. Each (row group, column) chunk of a phase is an independent
  // task whose result lands in its own slot, so the bytes do not depend on
  // the thread count.
  const size_t columns = table.num_columns();
  const size_t groups = (end - begin + options.row_group_rows - 1) / options.row_group_rows;
  std::vector<EncodedChunk> chunks(groups * columns);
  auto encode = [&](size_t task, const ChunkPlan* plan) {
    const size_t rg_begin = begin + (task / columns) * options.row_group_rows;
    const size_t rg_end = std::min(end, rg_begin + options.row_group_rows);
    chunks[task] = EncodeChunk(table.column(task % columns), rg_begin, rg_end, ctx, plan);
  };
  RunTasks(std::min(chunks.size(), columns), options.threads,
           [&](size_t task) { encode(task, GivenPlan(table.schema().field(task), options)); });
  if (plans != nullptr && !chunks.empty()) {
    for (size_t c = 0; c < columns; ++c) {
      const Field& f = table.schema().field(c);
      (*plans)[f.name] = ColumnPlan{f.type, chunks[c].plan};
    }
  }
  if (chunks.size() > columns) {
    const bool follow = options.reuse_choices && options.row_group_rows >= kMinFollowRows;
    RunTasks(chunks.size() - columns, options.threads, [&](size_t i) {
      const size_t task = columns + i;
      encode(task, follow ? &chunks[task % columns].plan : nullptr);
    });
  }
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
