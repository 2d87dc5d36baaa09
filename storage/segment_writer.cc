#include "storage/segment_writer.h"

#include <xxhash.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <functional>
#include <utility>

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

// True when columns a and b hold the same rows [begin, end): same type, the
// same nulls and bit-identical values (strings: the same codes of one shared
// dictionary). One encoding of such chunks serves all: an equi-join's
// output keeps both key columns, equal on every row.
bool SameChunkValues(const Column& a, const Column& b, size_t begin, size_t end) {
  if (a.type() != b.type()) return false;
  if (a.type() == TypeId::kString && a.shared_dictionary() != b.shared_dictionary()) return false;
  if (a.validity().all_valid() != b.validity().all_valid()) return false;
  if (!a.validity().all_valid()) {
    for (size_t i = begin; i < end; ++i) {
      if (a.IsNull(i) != b.IsNull(i)) return false;
    }
  }
  auto same = [&]<typename T>(const std::vector<T>& x, const std::vector<T>& y) {
    return x.data() == y.data() ||
           std::memcmp(x.data() + begin, y.data() + begin, (end - begin) * sizeof(T)) == 0;
  };
  switch (a.type()) {
    case TypeId::kBool:
      return same(a.data<uint8_t>(), b.data<uint8_t>());
    case TypeId::kInt32:
    case TypeId::kString:
      return same(a.data<int32_t>(), b.data<int32_t>());
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return same(a.data<int64_t>(), b.data<int64_t>());
    case TypeId::kDouble:
      return same(a.data<double>(), b.data<double>());
  }
  return false;
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
  ctx.zstd_ranked_min_bytes = options.zstd_ranked_min_bytes;
  // The first row group's chunks choose their encodings; the other row
  // groups follow those choices (EncodeChunk), which costs a fraction of
  // choosing. Each (row group, column) chunk of a phase is an independent
  // task whose result lands in its own slot, so the bytes do not depend on
  // the thread count.
  const size_t columns = table.num_columns();
  const size_t groups = (end - begin + options.row_group_rows - 1) / options.row_group_rows;
  std::vector<EncodedChunk> chunks(groups * columns);
  auto rows_of = [&](size_t task) {
    const size_t rg_begin = begin + (task / columns) * options.row_group_rows;
    return std::pair(rg_begin, std::min(end, rg_begin + options.row_group_rows));
  };
  auto encode = [&](size_t task, const ChunkPlan* plan) {
    const auto [rg_begin, rg_end] = rows_of(task);
    chunks[task] = EncodeChunk(table.column(task % columns), rg_begin, rg_end, ctx, plan);
  };
  // A chunk equal to another column's chunk of its row group is a copy of
  // that chunk's encoding (the earliest such column's, or in the first row
  // group the member whose plan fits, below), made once the phase's
  // encodings are done.
  std::vector<size_t> copy_of(chunks.size());
  for (size_t task = 0; task < chunks.size(); ++task) {
    copy_of[task] = task;
    const auto [rg_begin, rg_end] = rows_of(task);
    const size_t c = task % columns;
    for (size_t earlier = 0; earlier < c; ++earlier) {
      if (SameChunkValues(table.column(earlier), table.column(c), rg_begin, rg_end)) {
        copy_of[task] = task - c + earlier;
        break;
      }
    }
  }
  // In the first row group, a group of equal chunks is encoded by a member
  // that follows its given plan, when the first does not (a join's key
  // columns: the left key's plan is for rows the join did not repeat, the
  // right key's for rows it did): following costs a fraction of choosing.
  auto follows = [&](size_t c) {
    const ChunkPlan* plan = GivenPlan(table.schema().field(c), options);
    const auto [rg_begin, rg_end] = rows_of(c);
    return plan != nullptr && FollowsPlan(table.column(c), rg_begin, rg_end, *plan);
  };
  for (size_t c = 0; c < std::min(chunks.size(), columns); ++c) {
    if (copy_of[c] != c || follows(c)) continue;
    for (size_t d = c + 1; d < std::min(chunks.size(), columns); ++d) {
      if (copy_of[d] != c || !follows(d)) continue;
      for (size_t m = c; m < columns; ++m) {
        if (copy_of[m] == c) copy_of[m] = d;
      }
      break;
    }
  }
  // Runs `encode_task` on the phase's tasks [first, last) that are not copies.
  auto run_phase = [&](size_t first, size_t last, const std::function<void(size_t)>& encode_task) {
    std::vector<size_t> own;
    for (size_t task = first; task < last; ++task) {
      if (copy_of[task] == task) own.push_back(task);
    }
    RunTasks(own.size(), options.threads, [&](size_t i) { encode_task(own[i]); });
    for (size_t task = first; task < last; ++task) {
      if (copy_of[task] != task) chunks[task] = chunks[copy_of[task]];
    }
  };
  run_phase(0, std::min(chunks.size(), columns),
            [&](size_t task) { encode(task, GivenPlan(table.schema().field(task), options)); });
  if (plans != nullptr && !chunks.empty()) {
    for (size_t c = 0; c < columns; ++c) {
      const Field& f = table.schema().field(c);
      (*plans)[f.name] = ColumnPlan{f.type, chunks[c].plan};
    }
  }
  if (chunks.size() > columns) {
    const bool follow = options.reuse_choices && options.row_group_rows >= kMinFollowRows;
    run_phase(columns, chunks.size(),
              [&](size_t task) { encode(task, follow ? &chunks[task % columns].plan : nullptr); });
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
