#include "storage/table_reader.h"

#include <memory>

#include "storage/file_util.h"
#include "storage/segment_format.h"
#include "storage/segment_reader.h"

namespace stedi {
namespace {

using Segments = std::vector<std::unique_ptr<SegmentReader>>;

Result<Segments> OpenSegments(const std::string& dir) {
  STEDI_ASSIGN_OR_RETURN(std::vector<std::string> names,
                         ListDir(dir, [](const std::string& n) { return IsSegmentFileName(n); }));
  if (names.empty()) return Status::NotFound(dir + ": no segment files");
  Segments segments;
  for (const std::string& name : names) {
    STEDI_ASSIGN_OR_RETURN(auto reader, SegmentReader::Open(dir + "/" + name));
    if (!segments.empty() && !(reader->schema() == segments[0]->schema())) {
      return Status::Corruption(reader->path() + ": schema (" + reader->schema().ToString() +
                                ") differs from " + segments[0]->path() + " (" +
                                segments[0]->schema().ToString() + ")");
    }
    segments.push_back(std::move(reader));
  }
  return segments;
}

Result<std::vector<size_t>> ResolveColumns(const Schema& schema, const ReadOptions& options) {
  std::vector<size_t> cols;
  if (options.columns.empty()) {
    for (size_t i = 0; i < schema.size(); ++i) cols.push_back(i);
    return cols;
  }
  for (const std::string& name : options.columns) {
    auto i = schema.Find(name);
    if (!i) return Status::NotFound("no column '" + name + "' in (" + schema.ToString() + ")");
    cols.push_back(*i);
  }
  return cols;
}

// Column index of each predicate.
Result<std::vector<size_t>> ResolvePredicates(const Schema& schema, const ReadOptions& options) {
  std::vector<size_t> cols;
  for (const ScanPredicate& p : options.predicates) {
    auto i = schema.Find(p.column);
    if (!i) return Status::NotFound("predicate " + p.ToString() + ": no such column");
    cols.push_back(*i);
  }
  return cols;
}

bool RowGroupMayMatch(const SegmentReader& seg, size_t rg, const ReadOptions& options,
                      const std::vector<size_t>& pred_cols) {
  for (size_t p = 0; p < options.predicates.size(); ++p) {
    if (!MayMatch(options.predicates[p], seg.ChunkStats(rg, pred_cols[p]))) return false;
  }
  return true;
}

}  // namespace

Result<Table> ReadTable(const std::string& dir, const ReadOptions& options, ScanStats* stats) {
  STEDI_ASSIGN_OR_RETURN(Segments segments, OpenSegments(dir));
  const Schema& schema = segments[0]->schema();
  STEDI_ASSIGN_OR_RETURN(std::vector<size_t> cols, ResolveColumns(schema, options));
  STEDI_ASSIGN_OR_RETURN(std::vector<size_t> pred_cols, ResolvePredicates(schema, options));

  ScanStats local;
  std::vector<std::pair<const SegmentReader*, size_t>> chosen;
  uint64_t rows = 0;
  for (const auto& seg : segments) {
    for (size_t rg = 0; rg < seg->num_row_groups(); ++rg) {
      ++local.row_groups_total;
      if (!RowGroupMayMatch(*seg, rg, options, pred_cols)) {
        ++local.row_groups_skipped;
        continue;
      }
      chosen.emplace_back(seg.get(), rg);
      rows += seg->metadata().row_groups[rg].rows;
    }
  }

  Schema out_schema;
  std::vector<Column> columns;
  for (size_t c : cols) {
    out_schema.AddField(schema.field(c));
    Column column(schema.field(c).type);
    column.Reserve(rows);
    for (const auto& [seg, rg] : chosen) {
      STEDI_RETURN_IF_ERROR(seg->AppendColumnChunk(rg, c, &column));
      local.bytes_read += seg->chunk(rg, c).stored_bytes;
    }
    columns.push_back(std::move(column));
  }
  if (stats != nullptr) *stats = local;
  return Table::Make(std::move(out_schema), std::move(columns));
}

Result<Schema> ReadTableSchema(const std::string& dir) {
  STEDI_ASSIGN_OR_RETURN(std::vector<std::string> names,
                         ListDir(dir, [](const std::string& n) { return IsSegmentFileName(n); }));
  if (names.empty()) return Status::NotFound(dir + ": no segment files");
  STEDI_ASSIGN_OR_RETURN(auto reader, SegmentReader::Open(dir + "/" + names[0]));
  return reader->schema();
}

Status VerifyTable(const std::string& dir) {
  STEDI_ASSIGN_OR_RETURN(std::vector<std::string> names,
                         ListDir(dir, [](const std::string& n) { return IsSegmentFileName(n); }));
  if (names.empty()) return Status::NotFound(dir + ": no segment files");
  std::string problems;
  for (const std::string& name : names) {
    Status st;
    auto reader = SegmentReader::Open(dir + "/" + name);
    st = reader.ok() ? (*reader)->Verify() : reader.status();
    if (st.ok()) continue;
    if (!problems.empty()) problems += "\n";
    problems += st.message();
  }
  return problems.empty() ? Status::OK() : Status::Corruption(problems);
}

}  // namespace stedi
