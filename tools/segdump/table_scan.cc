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

// ReadTable for one segment file: the same zone-map skipping over its row groups.
Result<Table> ReadSegment(const SegmentReader& seg, const ReadOptions& options, ScanStats* stats) {
  std::vector<size_t> chosen;
  for (size_t g = 0; g < seg.num_row_groups(); ++g) {
    ++stats->row_groups_total;
    bool may_match = true;
    for (const ScanPredicate& p : options.predicates) {
      may_match = may_match && MayMatch(p, seg.ChunkStats(g, *seg.schema().Find(p.column)));
    }
    if (may_match) {
      chosen.push_back(g);
    } else {
      ++stats->row_groups_skipped;
    }
  }
  Schema schema;
  std::vector<Column> columns;
  for (const std::string& name : options.columns) {
    const size_t c = *seg.schema().Find(name);
    schema.AddField(seg.schema().field(c));
    Column column(seg.schema().field(c).type);
    for (size_t g : chosen) {
      STEDI_RETURN_IF_ERROR(seg.AppendColumnChunk(g, c, &column));
      stats->bytes_read += seg.chunk(g, c).stored_bytes;
    }
    columns.push_back(std::move(column));
  }
  return Table::Make(std::move(schema), std::move(columns));
}

}  // namespace

Result<ScanResult> ScanTable(const Target& target, const Segments& segments,
                             const ScanRequest& request) {
  const Schema& schema = segments.front()->schema();
  ScanResult result;
  for (const std::string& text : request.where) {
    STEDI_ASSIGN_OR_RETURN(ScanPredicate p, ParseWhere(text, schema));
    result.predicates.push_back(std::move(p));
  }
  ReadOptions options;
  STEDI_ASSIGN_OR_RETURN(options.columns, ColumnsToRead(schema, request, result.predicates));
  options.predicates = result.predicates;
  Table table;
  if (target.kind == TargetKind::kSegment) {
    STEDI_ASSIGN_OR_RETURN(table, ReadSegment(*segments.front(), options, &result.stats));
  } else {
    STEDI_ASSIGN_OR_RETURN(table, ReadTable(target.path, options, &result.stats));
  }
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
