#include "tools/segdump/segdump.h"

#include "tools/segdump/lake_listing.h"
#include "tools/segdump/metadata_json.h"
#include "tools/segdump/metadata_text.h"
#include "tools/segdump/schema_report.h"
#include "tools/segdump/table_scan.h"
#include "tools/segdump/target.h"
#include "tools/segdump/verify.h"

namespace stedi::segdump {
namespace {

Status CheckOptions(const Options& o) {
  const auto usage = [](const std::string& m) { return Status::InvalidArgument(m); };
  if (o.row_groups && (o.mode != Mode::kMetadata || o.json)) {
    return usage("--row-groups goes with the default text report only (--json has them always)");
  }
  if (o.json && o.mode != Mode::kMetadata && o.mode != Mode::kSchema) {
    return usage("--json goes with the default report or --schema (rows: --format jsonl)");
  }
  if (!o.columns.empty() && o.mode != Mode::kRows) return usage("--columns needs --rows or --head");
  if (!o.where.empty() && o.mode != Mode::kRows && !(o.mode == Mode::kMetadata && o.json)) {
    return usage("--where needs --rows, --head or --json");
  }
  return Status::OK();
}

Status RunOnLake(const Target& lake, const Options& o, std::ostream& out) {
  if (o.mode == Mode::kVerify) return VerifyTarget(lake, out);
  if (o.mode == Mode::kMetadata && !o.row_groups && o.where.empty()) {
    return WriteLakeListing(lake, o.json, out);
  }
  std::string names;
  for (const CatalogTable& t : lake.catalog->tables) names += (names.empty() ? "" : ", ") + t.name;
  return Status::InvalidArgument(lake.path + " is a lake folder: name a table with --table (" +
                                 names + ")");
}

// The user's own --where text: the parsed form would show timestamps as epoch ms.
void NoteScan(const Options& o, const ScanResult& scan, std::ostream& err) {
  std::string where;
  for (const std::string& w : o.where) where += (where.empty() ? "" : " AND ") + w;
  err << "segdump: where " << where << ": zone maps skipped " << scan.stats.row_groups_skipped
      << " of " << scan.stats.row_groups_total << " row groups; " << scan.rows_read
      << " rows read, " << scan.rows_matched << " matched\n";
}

Status RunOnTable(const Target& target, const Options& o, std::ostream& out, std::ostream& err) {
  if (o.mode == Mode::kVerify) return VerifyTarget(target, out);
  STEDI_ASSIGN_OR_RETURN(Segments segments, OpenSegments(target));
  const Schema& schema = segments.front()->schema();
  switch (o.mode) {
    case Mode::kSchema:
      if (o.json) {
        out << SchemaJson(schema);
      } else {
        WriteSchemaText(schema, out);
      }
      return Status::OK();
    case Mode::kDdl:
      out << CreateTableDdl(target.name, schema);
      return Status::OK();
    case Mode::kRows: {
      STEDI_ASSIGN_OR_RETURN(ScanResult scan, ScanTable(segments, {o.columns, o.where, o.head}));
      WriteRows(scan.rows, o.format, out);
      if (!o.where.empty()) NoteScan(o, scan, err);
      return Status::OK();
    }
    default:
      break;
  }
  const TableSummary summary = Summarize(target, segments);
  if (!o.json) {
    WriteMetadataText(summary, segments, o.row_groups, out);
    return Status::OK();
  }
  std::optional<ScanResult> scan;
  if (!o.where.empty()) {
    STEDI_ASSIGN_OR_RETURN(scan, ScanTable(segments, {{}, o.where, std::nullopt}));
  }
  out << MetadataJson(summary, segments, scan ? &*scan : nullptr);
  return Status::OK();
}

Status RunOn(const Target& target, const Options& o, std::ostream& out, std::ostream& err) {
  if (target.kind == TargetKind::kLake) {
    if (o.table.empty()) return RunOnLake(target, o, out);
    STEDI_ASSIGN_OR_RETURN(Target table, SelectLakeTable(target, o.table));
    return RunOnTable(table, o, out, err);
  }
  if (!o.table.empty()) {
    return Status::InvalidArgument("--table applies to lake folders; " + target.path + " is a " +
                                   TargetKindName(target.kind));
  }
  return RunOnTable(target, o, out, err);
}

}  // namespace

Status Run(const Options& options, std::ostream& out, std::ostream& err) {
  STEDI_RETURN_IF_ERROR(CheckOptions(options));
  STEDI_ASSIGN_OR_RETURN(Target target, ResolveTarget(options.path));
  Status st = RunOn(target, options, out, err);
  // Exit code 3 means "PATH is not a store" only; a file missing inside a
  // store that was recognized is a damaged store.
  if (st.IsNotFound()) return Status::IOError(st.message());
  return st;
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  if (status.IsInvalidArgument()) return kExitUsage;
  if (status.IsNotFound()) return kExitNotAStore;
  return kExitProblem;
}

}  // namespace stedi::segdump
