// The STEDI-shaped join: step_trainer_landing ⋈ accelerometer_landing on
// sensorReadingTime = timestamp, the join behind machine_learning_curated,
// on stedi-gen data at scale 30 (860k step readings, 2.4M phone readings;
// 1-3 phone readings per step time, as in the real data).
//
// The landing data are generated once (tools/gen) and ingested once; each
// iteration runs only the engine's sort-merge join plan. Counter: input rows/s.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "engine/plan.h"
#include "ingest/jsonl_reader.h"
#include "stedi/sources.h"
#include "tools/gen/generator.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;

struct Inputs {
  Table step, accel;
  std::string error;
};

Inputs LoadScale(uint32_t scale) {
  Inputs in;
  const fs::path dir = fs::temp_directory_path() / ("stedi-join-bench-" + std::to_string(getpid()));
  gen::GenOptions options;
  options.out_dir = dir.string();
  options.scale = scale;
  options.seed = 42;
  options.force = true;
  auto generated = gen::Generate(options);
  if (!generated.ok()) {
    in.error = generated.status().ToString();
    return in;
  }
  for (const SourceSpec& s : StediSources()) {
    if (s.name == "customer") continue;
    auto files = ListLandingFiles((dir / s.landing_subdir).string());
    auto result = files.ok() ? IngestFiles(*files, s.schema, IngestOptions{})
                             : Result<IngestResult>(files.status());
    if (!result.ok()) {
      in.error = result.status().ToString();
      break;
    }
    (s.name == "step_trainer" ? in.step : in.accel) = std::move(result->table);
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return in;
}

void BM_StediStepAccelJoin(benchmark::State& state) {
  static Inputs in = LoadScale(30);
  if (!in.error.empty()) {
    state.SkipWithError(in.error.c_str());
    return;
  }
  ExecContext ctx(static_cast<int>(state.range(0)));
  ctx.RegisterTable("step_trainer", in.step);
  ctx.RegisterTable("accelerometer", in.accel);
  PlanNodePtr plan =
      PlanBuilder::Scan("step_trainer")
          .Join(PlanBuilder::Scan("accelerometer"), {"sensorReadingTime"}, {"timestamp"})
          .Build();
  uint64_t rows_out = 0;
  for (auto _ : state) {
    auto out = Execute(plan, ctx);
    if (!out.ok()) {
      state.SkipWithError(out.status().ToString().c_str());
      return;
    }
    rows_out = out->num_rows();
    benchmark::DoNotOptimize(rows_out);
  }
  const double input_rows = static_cast<double>(in.step.num_rows() + in.accel.num_rows());
  state.counters["input_rows_per_s"] =
      benchmark::Counter(input_rows, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rows_out"] = static_cast<double>(rows_out);
}

BENCHMARK(BM_StediStepAccelJoin)
    ->Name("BM_SortMergeJoin/stedi_step_x_accel/scale30")
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace stedi

BENCHMARK_MAIN();
