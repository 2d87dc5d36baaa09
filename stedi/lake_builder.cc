#include "stedi/lake_builder.h"

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "ingest/landing_files.h"
#include "stedi/catalog.h"
#include "stedi/lake_publish.h"
#include "stedi/sources.h"
#include "stedi/write_queue.h"

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

// Adds the finished writes to the report, in order; the first failure wins.
Status TakeWrites(const BuildOptions& o, std::vector<WriteResult>* done,
                  std::map<std::string, TableReport>* pending, BuildReport* report) {
  Status first;
  for (WriteResult& w : *done) {
    TableReport t = std::move((*pending)[w.name]);
    pending->erase(w.name);
    if (!w.info.ok()) {
      if (first.ok()) first = w.info.status().WithContext("writing " + t.name);
      continue;
    }
    t.bytes = w.info->bytes;
    t.files = w.info->files;
    t.seconds += w.seconds;
    Report(o, "build " + t.name, t.rows, t.bytes);
    report->tables.push_back(std::move(t));
  }
  done->clear();
  return first;
}

// The table built so far for each zone, and the order it was written in.
struct Built {
  std::shared_ptr<const Table> table;
  std::vector<std::string> sort_by;
};

// The input of `z` that holds exactly `table`'s rows in the same order and
// clustering (in compat mode every trusted customer has readings, so the
// curated customers are the trusted ones), or "" when none does. Comparing
// costs a pass only when schema and row count already agree.
std::string IdenticalInput(const ZoneTable& z, const Table& table,
                           const std::map<std::string, Built>& built) {
  for (const std::string& input : z.inputs) {
    const auto it = built.find(input);
    if (input == z.name || it == built.end() || it->second.sort_by != z.sort_by) continue;
    const Table& other = *it->second.table;
    if (other.num_rows() == table.num_rows() && other.schema() == table.schema() &&
        other.Equals(table)) {
      return input;
    }
  }
  return "";
}

// Ingests one source into ctx (as table s.table) and keeps its rejects in the
// staging lake; *t gets its counts and timing.
Status IngestSource(const BuildOptions& o, const SourceSpec& s,
                    const std::vector<std::string>& files, const fs::path& staging,
                    ExecContext* ctx, TableReport* t,
                    std::map<std::string, std::pair<Schema, double>>* json_per_row) {
  Report(o, "ingest " + s.name, 0, 0);
  Stopwatch sw;
  IngestOptions ingest_options;
  ingest_options.mode = o.on_bad_record;
  ingest_options.threads = o.threads;
  auto ingested = IngestFiles(files, s.schema, ingest_options);
  if (!ingested.ok()) return ingested.status().WithContext("ingest of " + s.name);
  IngestResult& r = *ingested;
  t->ingest = r.stats;
  t->json_bytes = static_cast<double>(r.stats.bytes);
  t->seconds = sw.Seconds();
  if (!r.rejected.empty()) {
    fs::create_directories(staging / "_rejected");
    t->rejected_path = "_rejected/" + s.table + ".jsonl";
    STEDI_RETURN_IF_ERROR(WriteRejectedJsonl((staging / t->rejected_path).string(), r.rejected));
  }
  const uint64_t rows = r.table.num_rows();
  (*json_per_row)[s.table] = {s.schema, rows ? t->json_bytes / static_cast<double>(rows) : 0};
  Report(o, "ingest " + s.name, rows, r.stats.bytes);
  ctx->RegisterTable(s.table, std::move(r.table));
  return Status::OK();
}

// Runs the checks not run yet whose tables are all built, in report order.
Status RunReadyChecks(const BuildOptions& o, const std::vector<QualityCheckSpec>& checks,
                      const std::map<std::string, Built>& built, ExecContext& ctx,
                      std::vector<std::optional<QualityCheck>>* found) {
  for (size_t i = 0; i < checks.size(); ++i) {
    const QualityCheckSpec& check = checks[i];
    const bool ready = std::all_of(check.inputs.begin(), check.inputs.end(),
                                   [&](const std::string& t) { return built.count(t) > 0; });
    if ((*found)[i] || !ready) continue;
    Report(o, "check " + check.name, 0, 0);
    STEDI_ASSIGN_OR_RETURN((*found)[i], RunQualityCheck(check, ctx));
  }
  return Status::OK();
}

// Lets go of the built tables that no zone after zones[done] and no check
// still to run reads: at scale 30 the landing readings (~100 MB) are freed
// before the timestamp join instead of at the end.
void ReleaseUnread(const std::vector<ZoneTable>& zones, size_t done,
                   const std::vector<QualityCheckSpec>& checks,
                   const std::vector<std::optional<QualityCheck>>& found,
                   std::map<std::string, Built>* built, ExecContext* ctx) {
  auto reads = [](const std::vector<std::string>& inputs, const std::string& table) {
    return std::find(inputs.begin(), inputs.end(), table) != inputs.end();
  };
  for (auto it = built->begin(); it != built->end();) {
    const std::string& table = it->first;
    bool unread = true;
    for (size_t z = done + 1; z < zones.size(); ++z) unread &= !reads(zones[z].inputs, table);
    for (size_t c = 0; c < checks.size(); ++c)
      unread &= found[c] || !reads(checks[c].inputs, table);
    if (!unread) {
      ++it;
      continue;
    }
    ctx->Unregister(table);
    it = built->erase(it);
  }
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
  std::map<std::string, TableReport> building;  // by table name, until written
  std::map<std::string, std::pair<Schema, double>> json_per_row;
  std::vector<bool> ingested(sources.size(), false);
  // Two writes in flight keep both cores busy on small lakes (one table's
  // few columns cannot) without raising the scale-30 peak memory by much.
  // A failure waits for the running writes (the queue's destructor).
  WriteQueue writes(/*max_in_flight=*/2);
  std::vector<WriteResult> done;
  std::map<std::string, Built> built;
  const std::vector<ZoneTable> zones = StediZones(o.mode);
  const std::vector<QualityCheckSpec> checks = QualityCheckSpecs(o.mode);
  std::vector<std::optional<QualityCheck>> found(checks.size());
  for (size_t zone = 0; zone < zones.size(); ++zone) {
    const ZoneTable& z = zones[zone];
    // Sources are ingested when a zone first needs them, so a landing table
    // is being written while the next source is read.
    for (size_t i = 0; i < sources.size(); ++i) {
      const bool needed = std::count(z.inputs.begin(), z.inputs.end(), sources[i].table) > 0;
      if (!needed || ingested[i]) continue;
      STEDI_RETURN_IF_ERROR(IngestSource(o, sources[i], files[i], staging, &ctx,
                                         &building[sources[i].table], &json_per_row));
      ingested[i] = true;
    }
    Report(o, "build " + z.name, 0, 0);
    TableReport& t = building[z.name];
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
    writes.Add(
        z.name,
        {table, z.sort_by, z.inputs, (staging / z.path).string(), IdenticalInput(z, *table, built)},
        &done);
    built[z.name] = {table, z.sort_by};
    table.reset();
    // Each check runs once its tables exist, while the writes go on. Tables
    // nothing reads any more are let go before the checks run (their memory
    // can serve the checks) and after. Not in strict mode, whose removal
    // report below re-reads the landing tables.
    // A write that already failed is reported before any check runs.
    STEDI_RETURN_IF_ERROR(TakeWrites(o, &done, &building, &report));
    const bool release = o.mode == ZoneMode::kCompat;
    if (release) ReleaseUnread(zones, zone, checks, found, &built, &ctx);
    STEDI_RETURN_IF_ERROR(RunReadyChecks(o, checks, built, ctx, &found));
    if (release) ReleaseUnread(zones, zone, checks, found, &built, &ctx);
  }

  writes.FinishAll(&done);
  STEDI_RETURN_IF_ERROR(TakeWrites(o, &done, &building, &report));
  for (size_t i = 0; i < checks.size(); ++i) {
    // Every check's tables are zones, so all have run; a check naming
    // another table would fail here with that table's name.
    if (!found[i]) {
      STEDI_ASSIGN_OR_RETURN(found[i], RunQualityCheck(checks[i], ctx));
    }
    report.quality.push_back(std::move(*found[i]));
  }
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
