#include "tools/gen/generator.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>

#include "core/json_writer.h"
#include "tools/gen/copy_writer.h"
#include "tools/gen/reference_shape.h"
#include "tools/gen/universe.h"

namespace stedi::gen {

namespace {

namespace fs = std::filesystem;

constexpr const char* kTables[] = {"customer", "accelerometer", "step_trainer"};
constexpr const char* kManifest = "stedi-gen.json";

// Deletes what an earlier run wrote: landing *.json files and the manifest.
Status RemoveEarlierOutput(const fs::path& out) {
  std::error_code ec;
  fs::remove(out / kManifest, ec);
  if (ec) return Status::IOError((out / kManifest).string() + ": " + ec.message());
  for (const char* table : kTables) {
    const fs::path landing = out / table / "landing";
    if (!fs::is_directory(landing, ec)) continue;
    for (const fs::directory_entry& e : fs::directory_iterator(landing, ec)) {
      if (e.path().extension() != ".json") continue;
      fs::remove(e.path(), ec);
      if (ec) return Status::IOError(e.path().string() + ": " + ec.message());
    }
    if (ec) return Status::IOError(landing.string() + ": " + ec.message());
  }
  return Status::OK();
}

Status PrepareOutDir(const GenOptions& options) {
  const fs::path out(options.out_dir);
  std::error_code ec;
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      return Status::InvalidArgument(options.out_dir + ": exists and is not a directory");
    }
    const bool empty = fs::is_empty(out, ec);
    if (ec) return Status::IOError(options.out_dir + ": " + ec.message());
    if (!empty && !options.force) {
      return Status::InvalidArgument(options.out_dir +
                                     ": exists and is not empty (use --force to overwrite)");
    }
    if (!empty) STEDI_RETURN_IF_ERROR(RemoveEarlierOutput(out));
  }
  for (const char* table : kTables) {
    fs::create_directories(out / table / "landing", ec);
    if (ec) return Status::IOError((out / table / "landing").string() + ": " + ec.message());
  }
  return Status::OK();
}

Status WriteManifest(const GenOptions& options) {
  const std::string path = (fs::path(options.out_dir) / kManifest).string();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << ManifestJson(options.scale, options.seed) << "\n";
  file.close();
  if (!file) return Status::IOError(path + ": cannot write");
  return Status::OK();
}

// Copies go to whichever worker asks next; each copy's files depend only on
// (seed, copy), so the assignment cannot change the output.
class CopyWorkers {
 public:
  CopyWorkers(const GenOptions& options, const GenProgress& progress)
      : options_(options), progress_(progress) {}

  Status Run(unsigned threads) {
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i) {
      // Fewer threads only make the run slower, never different.
      try {
        workers.emplace_back([this] { Work(); });
      } catch (const std::system_error&) {
        break;
      }
    }
    Work();
    for (std::thread& t : workers) t.join();
    return status_;
  }
  const GenStats& stats() const { return stats_; }

 private:
  void Work() {
    for (uint32_t copy = next_++; copy < options_.scale && !failed_; copy = next_++) {
      CopyStats copy_stats;
      Status st;
      Result<Universe> universe = PlanUniverse(options_.seed, copy);
      st = universe.ok() ? WriteCopy(*universe, options_.seed, options_.out_dir, &copy_stats)
                         : universe.status();
      std::lock_guard<std::mutex> lock(mu_);
      if (!st.ok()) {
        if (status_.ok()) status_ = st;
        failed_ = true;
        return;
      }
      stats_.files += copy_stats.files;
      stats_.bytes += copy_stats.bytes;
      stats_.rows += copy_stats.rows;
      if (progress_) progress_(++done_, options_.scale, stats_.bytes);
    }
  }

  const GenOptions& options_;
  const GenProgress& progress_;
  std::atomic<uint32_t> next_{0};
  std::atomic<bool> failed_{false};
  std::mutex mu_;
  uint32_t done_ = 0;  // guarded by mu_
  GenStats stats_;     // guarded by mu_
  Status status_;      // guarded by mu_
};

}  // namespace

std::vector<std::pair<std::string, uint64_t>> ExpectedCounts(uint32_t scale) {
  const uint64_t n = scale;
  return {
      {"customer_landing", n * kCustomers},
      {"accelerometer_landing", n * kAccelReadings},
      {"step_trainer_landing", n * kCustomers * kReadingsPerCustomer},
      {"customer_trusted", n * kTrustedCustomers},
      {"accelerometer_trusted", n * kTrustedAccelReadings},
      {"customers_curated", n * kTrustedCustomers},
      {"step_trainer_trusted", n * kTrustedCustomers * kReadingsPerCustomer},
      {"machine_learning_curated", n * (kTrustedAccelReadings + kCrossCustomerMatches)},
  };
}

std::string ManifestJson(uint32_t scale, uint64_t seed) {
  JsonWriter json(2);
  json.BeginObject().Key("generator").String("stedi-gen").Key("version").Int(1);
  json.Key("scale").Uint(scale).Key("seed").Uint(seed).Key("expected").BeginObject();
  for (const auto& [table, rows] : ExpectedCounts(scale)) json.Key(table).Uint(rows);
  json.EndObject().EndObject();
  return json.str();
}

Result<GenStats> Generate(const GenOptions& options, const GenProgress& progress) {
  if (options.scale < 1 || options.scale > kMaxScale) {
    return Status::InvalidArgument("scale must be in 1.." + std::to_string(kMaxScale) + ", not " +
                                   std::to_string(options.scale));
  }
  if (options.out_dir.empty()) return Status::InvalidArgument("no output directory");
  STEDI_RETURN_IF_ERROR(PrepareOutDir(options));
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(std::thread::hardware_concurrency(), 1u);
  threads = std::min<unsigned>(threads, options.scale);
  CopyWorkers workers(options, progress);
  STEDI_RETURN_IF_ERROR(workers.Run(threads));
  STEDI_RETURN_IF_ERROR(WriteManifest(options));
  return workers.stats();
}

}  // namespace stedi::gen
