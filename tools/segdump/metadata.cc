#include "tools/segdump/metadata.h"

#include <algorithm>
#include <cmath>

namespace stedi::segdump {

std::string ValueChain(const ChunkMeta& chunk) {
  return chunk.value_steps.empty() ? "(all null)" : DescribeSteps(chunk.value_steps);
}

double Ratio(uint64_t raw, uint64_t stored) {
  if (stored == 0) return 0;
  return std::round(static_cast<double>(raw) / static_cast<double>(stored) * 100) / 100;
}

namespace {

void AddChunk(const ChunkMeta& chunk, uint64_t rows, bool* min_max_lost, ColumnSummary* s) {
  s->stored_bytes += chunk.stored_bytes;
  s->raw_bytes += chunk.raw_bytes;
  s->null_count += chunk.null_count;
  const std::string chain = ValueChain(chunk);
  auto it = std::find_if(s->chains.begin(), s->chains.end(),
                         [&](const ChainCount& c) { return c.chain == chain; });
  if (it == s->chains.end()) {
    s->chains.push_back({chain, 1});
  } else {
    ++it->row_groups;
  }
  if (chunk.null_count == rows) return;  // all null: says nothing about min/max
  if (!chunk.has_min_max) {
    *min_max_lost = true;
    return;
  }
  if (!s->has_min_max || chunk.min.Compare(s->min) < 0) s->min = chunk.min;
  if (!s->has_min_max || chunk.max.Compare(s->max) > 0) s->max = chunk.max;
  s->has_min_max = true;
}

}  // namespace

TableSummary Summarize(const Target& target, const Segments& segments) {
  TableSummary t;
  t.kind = target.kind;
  t.path = target.path;
  t.name = target.name;
  t.schema = segments.front()->schema();
  t.sort_by = segments.front()->metadata().sort_by;
  for (const Field& f : t.schema.fields()) {
    ColumnSummary s;
    s.field = f;
    t.columns.push_back(std::move(s));
  }
  std::vector<bool> min_max_lost(t.schema.size(), false);
  for (const auto& seg : segments) {
    const SegmentMeta& meta = seg->metadata();
    t.files.push_back(
        {seg->path(), seg->file_size(), meta.rows(), seg->num_row_groups(), seg->footer_bytes()});
    t.rows += meta.rows();
    t.row_groups += seg->num_row_groups();
    t.file_bytes += seg->file_size();
    for (const RowGroupMeta& rg : meta.row_groups) {
      for (size_t c = 0; c < rg.columns.size(); ++c) {
        bool lost = false;
        AddChunk(rg.columns[c], rg.rows, &lost, &t.columns[c]);
        if (lost) min_max_lost[c] = true;
      }
    }
  }
  for (size_t c = 0; c < t.columns.size(); ++c) {
    ColumnSummary& s = t.columns[c];
    if (min_max_lost[c]) s.has_min_max = false;
    std::stable_sort(
        s.chains.begin(), s.chains.end(),
        [](const ChainCount& a, const ChainCount& b) { return a.row_groups > b.row_groups; });
    t.stored_bytes += s.stored_bytes;
    t.raw_bytes += s.raw_bytes;
  }
  return t;
}

}  // namespace stedi::segdump
