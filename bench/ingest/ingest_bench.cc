// Ingest throughput: JSON Lines files -> in-memory columns, bytes of JSON per second.
//
// Data: STEDI_BENCH_LANDING=DIR (as written by stedi-gen: DIR/<source>/landing/*.json)
// ingests customer, accelerometer and step_trainer with their schemas;
// otherwise ~200 MB of accelerometer-shaped JSON Lines are synthesized into a
// temporary folder (removed at exit). Files are read from the page cache
// after the first iteration, so this measures parsing, not the disk.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;

struct Source {
  std::string name;
  Schema schema;
  std::vector<std::string> files;
};

Schema AccelerometerSchema() {
  return Schema({Field{"user", TypeId::kString}, Field{"timestamp", TypeId::kTimestamp},
                 Field{"x", TypeId::kDouble}, Field{"y", TypeId::kDouble},
                 Field{"z", TypeId::kDouble}});
}

Schema CustomerSchema() {
  std::vector<Field> f;
  for (const char* s : {"customerName", "email", "phone", "birthDay", "serialNumber"}) {
    f.push_back(Field{s, TypeId::kString});
  }
  for (const char* t : {"registrationDate", "lastUpdateDate", "shareWithResearchAsOfDate",
                        "shareWithPublicAsOfDate", "shareWithFriendsAsOfDate"}) {
    f.push_back(Field{t, TypeId::kTimestamp});
  }
  return Schema(f);
}

Schema StepTrainerSchema() {
  return Schema({Field{"sensorReadingTime", TypeId::kTimestamp},
                 Field{"serialNumber", TypeId::kString},
                 Field{"distanceFromObject", TypeId::kInt32}});
}

// Accelerometer-shaped lines as in the real data: ~2,000 users, readings
// with x/y/z among a few small values, like {"user":"A.B@test.com",...}.
std::string SynthesizeFile(std::mt19937_64& rng, size_t bytes) {
  static const char* kAxis[] = {"0.0", "1.0", "-1.0", "0.5", "-0.5", "2.0"};
  std::string text;
  text.reserve(bytes + 256);
  char line[256];
  while (text.size() < bytes) {
    const unsigned user = static_cast<unsigned>(rng() % 2000);
    const long long ts = 1655564000000LL + static_cast<long long>(rng() % 100000000);
    const int n = std::snprintf(line, sizeof line,
                                "{\"user\":\"User%u.Name%u@test.com\",\"timestamp\":%lld,"
                                "\"x\":%s,\"y\":%s,\"z\":%s}\n",
                                user, user * 7 % 1000, ts, kAxis[rng() % 6], kAxis[rng() % 6],
                                kAxis[rng() % 6]);
    text.append(line, static_cast<size_t>(n));
  }
  return text;
}

class Data {
 public:
  Data() {
    if (const char* dir = std::getenv("STEDI_BENCH_LANDING")) {
      AddSource(dir, "customer", CustomerSchema());
      AddSource(dir, "accelerometer", AccelerometerSchema());
      AddSource(dir, "step_trainer", StepTrainerSchema());
      return;
    }
    temp_ = fs::temp_directory_path() / ("stedi-ingest-bench-" + std::to_string(::getpid()));
    fs::create_directories(temp_);
    std::mt19937_64 rng(42);
    Source s{"accelerometer (synthetic)", AccelerometerSchema(), {}};
    for (int f = 0; f < 8; ++f) {  // 8 files of 25 MB
      const std::string path = (temp_ / ("accelerometer-" + std::to_string(f) + ".json")).string();
      std::ofstream(path, std::ios::binary) << SynthesizeFile(rng, size_t{25} << 20);
      s.files.push_back(path);
    }
    sources_.push_back(std::move(s));
  }
  ~Data() {
    if (!temp_.empty()) fs::remove_all(temp_);
  }
  const std::vector<Source>& sources() const { return sources_; }

 private:
  void AddSource(const std::string& dir, const std::string& name, Schema schema) {
    auto files = ListLandingFiles(dir + "/" + name + "/landing");
    if (files.ok()) sources_.push_back(Source{name, std::move(schema), std::move(*files)});
  }
  fs::path temp_;
  std::vector<Source> sources_;
};

// CPU seconds of the whole process (all threads): on a shared machine the
// wall clock says little, bytes per CPU-second says what a core does.
double ProcessCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

const Data& GetData() {
  static const Data data;
  return data;
}

void BM_Ingest(benchmark::State& state) {
  IngestOptions options;
  options.threads = static_cast<int>(state.range(0));
  uint64_t bytes = 0, rows = 0;
  GetData();  // synthesize outside the timed loop
  const double cpu_start = ProcessCpuSeconds();
  for (auto _ : state) {
    for (const Source& s : GetData().sources()) {
      auto r = IngestFiles(s.files, s.schema, options);
      if (!r.ok()) {
        state.SkipWithError(r.status().ToString().c_str());
        return;
      }
      bytes += r->stats.bytes;
      rows += r->table.num_rows();
      benchmark::DoNotOptimize(r->table.num_rows());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["MB_per_cpu_s"] =
      static_cast<double>(bytes) / 1e6 / (ProcessCpuSeconds() - cpu_start);
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_Ingest)->Arg(1)->Arg(2)->ArgName("threads")->UseRealTime()->MinTime(2.0)->Unit(
    benchmark::kMillisecond);

}  // namespace
}  // namespace stedi

BENCHMARK_MAIN();
