#include "tools/segdump/table_scan.h"

#include <algorithm>

#include "tools/segdump/where_clause.h"

namespace stedi::segdump {
namespace {

// The names to read: the requested ones, then any --where column not among them.
Result<std::vector<std::string>> ColumnsToRead(const Schema& schema, const ScanRequest& request,
                                               const std::vector<ScanPredicate>& predicates) {
  std::vector<std::string> names;
  for (const std::string& name : request.columns) {
    auto i = schema.Find(name);
    if (!i) i = schema.FindIgnoreCase(name);
    if (!i) {
      return Status::InvalidArgument("--columns: no column '" + name + "' in (" +
                                     schema.ToString() + ")");
    }
    names.push_back(schema.field(*i).name);
  }
  if (names.empty()) {
    for (const Field& f : schema.fields()) names.push_back(f.name);
  }
  for (const ScanPredicate& p : predicates) {
    if (std::find(names.begin(), names.end(), p.column) == names.end()) names.push_back(p.column);
  }
  return names;
}

// ReadTable's zone-map skipping, over segments already open, and able to stop
// early: without predicates, --head N needs only the first row groups.
Result<Table> ReadSegments(const Segments& segments, const ReadOptions& options,
                           uint64_t enough_rows, ScanStats* stats) {
  const Schema& schema = segments.front()->schema();
  std::vector<std::pair<const SegmentReader*, size_t>> chosen;
  uint64_t rows = 0;
  for (const auto& seg : segments) {
    for (size_t g = 0; g < seg->num_row_groups(); ++g) {
      ++stats->row_groups_total;
      bool may_match = rows < enough_rows;
      for (const ScanPredicate& p : options.predicates) {
        may_match = may_match && MayMatch(p, seg->ChunkStats(g, *schema.Find(p.column)));
      }
      if (!may_match) {
        ++stats->row_groups_skipped;
        continue;
      }
      chosen.emplace_back(seg.get(), g);
      rows += seg->metadata().row_groups[g].rows;
    }
  }
  Schema out_schema;
  std::vector<Column> columns;
  for (const std::string& name : options.columns) {
    const size_t c = *schema.Find(name);
    out_schema.AddField(schema.field(c));
    Column column(schema.field(c).type);
    column.Reserve(rows);
    for (const auto& [seg, g] : chosen) {
      STEDI_RETURN_IF_ERROR(seg->AppendColumnChunk(g, c, &column));
      stats->bytes_read += seg->chunk(g, c).stored_bytes;
    }
    columns.push_back(std::move(column));
  }
  return Table::Make(std::move(out_schema), std::move(columns));
}

}  // namespace

Result<ScanResult> ScanTable(const Segments& segments, const ScanRequest& request) {
  const Schema& schema = segments.front()->schema();
  ScanResult result;
  for (const std::string& text : request.where) {
    STEDI_ASSIGN_OR_RETURN(ScanPredicate p, ParseWhere(text, schema));
    result.predicates.push_back(std::move(p));
  }
  ReadOptions options;
  STEDI_ASSIGN_OR_RETURN(options.columns, ColumnsToRead(schema, request, result.predicates));
  options.predicates = result.predicates;
  // A plain integer: GCC 12 warns (falsely) of an uninitialized std::optional here.
  const uint64_t enough = options.predicates.empty() && request.limit ? *request.limit : UINT64_MAX;
  STEDI_ASSIGN_OR_RETURN(Table table, ReadSegments(segments, options, enough, &result.stats));
  result.rows_read = table.num_rows();
  std::vector<uint32_t> rows = MatchingRows(table, result.predicates);
  result.rows_matched = rows.size();
  if (request.limit && rows.size() > *request.limit) rows.resize(*request.limit);
  const size_t requested = request.columns.empty() ? schema.size() : request.columns.size();
  std::vector<std::string> keep(options.columns.begin(), options.columns.begin() + requested);
  STEDI_ASSIGN_OR_RETURN(Table projected, table.Project(keep));
  result.rows = projected.Gather(rows);
  return result;
}

}  // namespace stedi::segdump
