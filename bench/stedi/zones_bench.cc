// The whole zone build: stedi::BuildLake from landing JSON to a published
// lake of eight tables (ingest, zone plans, segment writing, catalog).
//
// Landing data come from stedi-gen's library (tools/gen/generator.h) at
// scale 1 and 10, seed 42, written once per scale into a temporary folder and
// kept in the page cache across iterations. Each iteration builds a fresh
// lake; removing the previous one is not timed. Counters: rows/s counts
// landing records, bytes/s landing JSON bytes; lake_bytes is the segment
// bytes of the eight tables. A row count that differs from the generator's
// expectation fails the benchmark.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include "stedi/lake_builder.h"
#include "tools/gen/generator.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;

// One temporary folder for the whole run; landing data per scale inside it.
class Workspace {
 public:
  Workspace()
      : root_(fs::temp_directory_path() / ("stedi-zones-bench-" + std::to_string(getpid()))) {}
  ~Workspace() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }

  // Writes scale `scale` landing data on first use.
  Result<gen::GenStats> Landing(uint32_t scale) {
    auto it = landing_.find(scale);
    if (it != landing_.end()) return it->second;
    gen::GenOptions options;
    options.out_dir = LandingDir(scale);
    options.scale = scale;
    options.seed = 42;
    options.force = true;
    STEDI_ASSIGN_OR_RETURN(gen::GenStats stats, gen::Generate(options));
    landing_[scale] = stats;
    return stats;
  }

  std::string LandingDir(uint32_t scale) const {
    return (root_ / ("landing-" + std::to_string(scale))).string();
  }
  std::string LakeDir() const { return (root_ / "lake").string(); }

 private:
  fs::path root_;
  std::map<uint32_t, gen::GenStats> landing_;
};

Workspace& GetWorkspace() {
  static Workspace workspace;
  return workspace;
}

// Empty when every table has its expected row count, else the first mismatch.
std::string CountMismatch(const BuildReport& report) {
  for (const TableReport& t : report.tables) {
    if (!t.matches()) {
      return t.name + ": " + std::to_string(t.rows) + " rows, expected " +
             std::to_string(*t.expected);
    }
  }
  return "";
}

void BM_BuildLake(benchmark::State& state) {
  const auto scale = static_cast<uint32_t>(state.range(0));
  Workspace& ws = GetWorkspace();
  auto landing = ws.Landing(scale);
  if (!landing.ok()) {
    state.SkipWithError(landing.status().ToString().c_str());
    return;
  }
  BuildOptions options;
  options.landing_dir = ws.LandingDir(scale);
  options.lake_dir = ws.LakeDir();
  options.threads = static_cast<int>(state.range(1));
  uint64_t lake_bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::error_code ignored;
    fs::remove_all(options.lake_dir, ignored);
    state.ResumeTiming();
    auto report = BuildLake(options);
    if (!report.ok()) {
      state.SkipWithError(report.status().ToString().c_str());
      return;
    }
    if (std::string bad = CountMismatch(*report); !bad.empty()) {
      state.SkipWithError(bad.c_str());
      return;
    }
    lake_bytes = 0;
    for (const TableReport& t : report->tables) lake_bytes += t.bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(landing->bytes) * state.iterations());
  state.counters["rows/s"] = benchmark::Counter(
      static_cast<double>(landing->rows) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["landing_bytes"] = static_cast<double>(landing->bytes);
  state.counters["lake_bytes"] = static_cast<double>(lake_bytes);
}

BENCHMARK(BM_BuildLake)
    ->ArgNames({"scale", "threads"})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Args({10, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace stedi

BENCHMARK_MAIN();
