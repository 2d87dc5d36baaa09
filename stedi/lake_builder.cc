#include "stedi/lake_builder.h"

#include <malloc.h>
#include <sys/resource.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <future>
#include <map>
#include <memory>

#include "ingest/landing_files.h"
#include "stedi/catalog.h"
#include "stedi/lake_publish.h"
#include "stedi/sources.h"

namespace stedi {

namespace fs = std::filesystem;

namespace {

class Stopwatch {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

uint64_t PeakRssBytes() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<uint64_t>(ru.ru_maxrss) * 1024;
}

void Report(const BuildOptions& o, const std::string& stage, uint64_t rows, uint64_t bytes) {
  if (o.progress) o.progress(stage, rows, bytes);
}

// The landing files of each source; a missing or empty source is an error.
Result<std::vector<std::vector<std::string>>> LocateSources(
    const std::string& landing_dir, const std::vector<SourceSpec>& sources) {
  std::error_code ec;
  if (!fs::exists(landing_dir, ec)) {
    return Status::NotFound("landing folder " + landing_dir + " does not exist");
  }
  if (!fs::is_directory(landing_dir, ec)) {
    return Status::InvalidArgument("landing folder " + landing_dir + " is not a directory");
  }
  std::vector<std::vector<std::string>> files;
  for (const SourceSpec& s : sources) {
    const std::string dir = (fs::path(landing_dir) / s.landing_subdir).string();
    auto listed = ListLandingFiles(dir);
    // The folder is there but an entry is not a readable file: say which.
    if (!listed.ok() && fs::is_directory(dir, ec)) {
      return listed.status().WithContext("source '" + s.name + "'");
    }
    if (!listed.ok()) {
      return Status::NotFound("source '" + s.name + "' is missing: " + listed.status().message() +
                              " (expected " + s.landing_subdir + "/*.json in " + landing_dir + ")");
    }
    if (listed->empty()) {
      return Status::NotFound("source '" + s.name + "' has no .json/.jsonl/.ndjson files in " +
                              dir);
    }
    files.push_back(std::move(listed).value());
  }
  return files;
}

// Expected counts: --expect wins, then a stedi-gen manifest, then (compat
// mode only) the reference counts of the real data.
std::pair<std::optional<Expectations>, std::string> ResolveExpectations(const BuildOptions& o) {
  if (o.expectations) return {o.expectations, "--expect"};
  auto manifest = LoadGeneratorManifest(o.landing_dir);
  if (o.mode == ZoneMode::kCompat && manifest.ok()) return {*manifest, "stedi-gen.json"};
  if (o.mode == ZoneMode::kCompat) return {ReferenceCounts(), "reference"};
  return {std::nullopt, "none"};
}

// JSON bytes per row of each landing source, to estimate how much landing
// text a derived table's rows stand for (compression ratio). A source counts
// in proportion to the share of its columns the table carries, when that is
// at least half (so a lone join key does not count a whole customer record).
double EstimateJsonBytes(const Schema& schema, uint64_t rows,
                         const std::map<std::string, std::pair<Schema, double>>& per_row) {
  double bytes_per_row = 0;
  for (const auto& [name, entry] : per_row) {
    const Schema& source = entry.first;
    size_t present = 0;
    for (const Field& f : source.fields()) present += schema.Find(f.name).has_value();
    const double share = source.size() ? static_cast<double>(present) / source.size() : 0;
    if (share >= 0.5) bytes_per_row += share * entry.second;
  }
  return bytes_per_row * static_cast<double>(rows);
}

// One line per operator, indented by depth: "  Filter  rows=482  0.1 ms".
std::string FormatProfile(const QueryProfile& profile) {
  std::string out;
  char buf[64];
  for (const OperatorProfile& op : profile.operators) {
    std::snprintf(buf, sizeof buf, "  rows=%llu  %.3f ms\n",
                  static_cast<unsigned long long>(op.rows_out), op.seconds * 1e3);
    out += std::string(2 * op.depth, ' ') + op.label + buf;
  }
  return out;
}

Status WriteTextFile(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot create: " + std::strerror(errno));
  // The error may surface at fwrite or only at fclose (buffered): keep the first.
  int err = std::fwrite(text.data(), 1, text.size(), f) == text.size() ? 0 : errno;
  if (std::fclose(f) != 0 && err == 0) err = errno;
  if (err != 0) return Status::IOError(path + ": write failed: " + std::strerror(err));
  return Status::OK();
}

// A table whose segments are being written while the next plan runs: the
// writer is the larger part of a build and partly single-threaded (the
// clustering sort and gather), so overlapping it with the plans keeps both
// cores busy.
struct PendingWrite {
  TableReport report;
  EncodingPlans follow;  // read by the writer thread
  double write_seconds = 0;
  std::future<Result<TableWriteInfo>> info;
};

// The encodings to follow for a derived table: each column takes the plan of
// the first input table (in lineage order) that wrote a column of that name
// and type. Its rows are that column's rows filtered, joined or reordered, so
// the same encodings fit, and the writer skips most of its trial encodings.
EncodingPlans InheritedPlans(const ZoneTable& z, const Schema& schema,
                             const std::map<std::string, EncodingPlans>& written) {
  EncodingPlans out;
  for (const Field& f : schema.fields()) {
    for (const std::string& input : z.inputs) {
      const auto table = written.find(input);
      if (table == written.end()) continue;
      const auto column = table->second.find(f.name);
      if (column == table->second.end() || column->second.type != f.type) continue;
      out.emplace(f.name, column->second);
      break;
    }
  }
  return out;
}

std::unique_ptr<PendingWrite> StartWrite(TableReport t, std::shared_ptr<const Table> table,
                                         const std::vector<std::string>& sort_by,
                                         EncodingPlans follow, const std::string& dir) {
  auto w = std::make_unique<PendingWrite>();
  w->report = std::move(t);
  w->follow = std::move(follow);
  WriteOptions wo;
  wo.sort_by = sort_by;
  wo.follow = &w->follow;
  double* seconds = &w->write_seconds;
  w->info = std::async(std::launch::async, [table, wo, dir, seconds] {
    Stopwatch sw;
    auto info = WriteTable(*table, dir, wo);
    *seconds = sw.Seconds();
    return info;
  });
  return w;
}

// Waits for the write and adds the table to the report, and its encodings to
// *plans. No-op when w is null.
Status FinishWrite(const BuildOptions& o, std::unique_ptr<PendingWrite> w, BuildReport* report,
                   std::map<std::string, EncodingPlans>* plans) {
  if (!w) return Status::OK();
  auto written = w->info.get();
  // The writer's thread frees its buffers into its own malloc arena, where
  // they stay mapped; handing them back keeps peak RSS where a sequential
  // build has it (scale 30: 478-515 MiB without, 410-416 with; sequential 430-437).
  malloc_trim(0);
  TableReport& t = w->report;
  if (!written.ok()) return written.status().WithContext("writing " + t.name);
  (*plans)[t.name] = std::move(written->plans);
  t.bytes = written->bytes;
  t.files = written->files;
  t.seconds += w->write_seconds;
  Report(o, "build " + t.name, t.rows, t.bytes);
  report->tables.push_back(std::move(t));
  return Status::OK();
}

}  // namespace

Result<BuildReport> BuildLake(const BuildOptions& o) {
  Stopwatch total;
  const std::vector<SourceSpec> sources = StediSources();
  STEDI_ASSIGN_OR_RETURN(auto files, LocateSources(o.landing_dir, sources));
  STEDI_ASSIGN_OR_RETURN(LakePublisher publisher, LakePublisher::Begin(o.lake_dir));
  const fs::path staging(publisher.staging_dir());

  BuildReport report;
  report.lake_dir = o.lake_dir;
  report.landing_dir = o.landing_dir;
  report.mode = o.mode;
  auto [expectations, origin] = ResolveExpectations(o);
  report.expectations_source = origin;

  ExecContext ctx(o.threads);
  IngestOptions ingest_options;
  ingest_options.mode = o.on_bad_record;
  ingest_options.threads = o.threads;
  std::map<std::string, TableReport> landing;  // by table name
  std::map<std::string, std::pair<Schema, double>> json_per_row;
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourceSpec& s = sources[i];
    Report(o, "ingest " + s.name, 0, 0);
    Stopwatch sw;
    auto ingested = IngestFiles(files[i], s.schema, ingest_options);
    if (!ingested.ok()) return ingested.status().WithContext("ingest of " + s.name);
    IngestResult& r = *ingested;
    TableReport t;
    t.ingest = r.stats;
    t.json_bytes = static_cast<double>(r.stats.bytes);
    t.seconds = sw.Seconds();
    if (!r.rejected.empty()) {
      fs::create_directories(staging / "_rejected");
      t.rejected_path = "_rejected/" + s.table + ".jsonl";
      STEDI_RETURN_IF_ERROR(WriteRejectedJsonl((staging / t.rejected_path).string(), r.rejected));
    }
    const uint64_t rows = r.table.num_rows();
    json_per_row[s.table] = {s.schema, rows ? t.json_bytes / static_cast<double>(rows) : 0};
    Report(o, "ingest " + s.name, rows, r.stats.bytes);
    ctx.RegisterTable(s.table, std::move(r.table));
    landing[s.table] = std::move(t);
  }

  // At most one table is being written while the next plan runs; a failed
  // plan waits for it (the future's destructor) before the error returns.
  std::unique_ptr<PendingWrite> pending;
  std::map<std::string, EncodingPlans> plans;  // of the tables written, by name
  for (const ZoneTable& z : StediZones(o.mode)) {
    Report(o, "build " + z.name, 0, 0);
    TableReport t = landing.count(z.name) ? std::move(landing[z.name]) : TableReport{};
    Stopwatch sw;
    QueryProfile profile;
    auto result = Execute(z.plan, ctx, o.profile ? &profile : nullptr);
    if (!result.ok()) return result.status().WithContext("zone " + z.name);
    auto table = std::make_shared<const Table>(std::move(result).value());
    t.name = z.name;
    t.zone = z.zone;
    t.path = z.path;
    t.rule = z.rule;
    t.inputs = z.inputs;
    t.schema = table->schema();
    t.rows = table->num_rows();
    t.seconds += sw.Seconds();
    if (!t.ingest) t.json_bytes = EstimateJsonBytes(t.schema, t.rows, json_per_row);
    if (expectations && expectations->count(z.name)) t.expected = expectations->at(z.name);
    if (o.profile) t.analyze = FormatProfile(profile);
    if (o.keep_tables) t.table = *table;
    ctx.Register(z.name, std::make_shared<InMemorySource>(table));
    STEDI_RETURN_IF_ERROR(FinishWrite(o, std::move(pending), &report, &plans));
    EncodingPlans follow = InheritedPlans(z, table->schema(), plans);
    pending =
        StartWrite(std::move(t), table, z.sort_by, std::move(follow), (staging / z.path).string());
  }

  // The checks' plans run after the last write: overlapping them with it
  // raised peak memory by a fifth at scale 30.
  STEDI_RETURN_IF_ERROR(FinishWrite(o, std::move(pending), &report, &plans));
  Report(o, "quality checks", 0, 0);
  STEDI_ASSIGN_OR_RETURN(report.quality, RunQualityChecks(ctx, o.mode));
  if (o.mode == ZoneMode::kStrict) {
    STEDI_ASSIGN_OR_RETURN(report.strict_removed, ComputeStrictRemovals(ctx));
  }

  report.seconds = total.Seconds();
  report.peak_rss_bytes = PeakRssBytes();
  STEDI_RETURN_IF_ERROR(
      WriteTextFile((staging / "catalog.json").string(), CatalogJson(report, NowIso8601())));
  Report(o, "publish", 0, 0);
  STEDI_RETURN_IF_ERROR(publisher.Publish());
  return report;
}

}  // namespace stedi
