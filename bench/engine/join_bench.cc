// Sort-merge join benchmarks: int64 keys i * 2654435761 (spread over 55 bits,
// so no dense-range shortcut applies), unique or ~3 rows per key on each
// side, inputs in key order or shuffled. Each case times the whole join on
// two in-memory Tables: key normalization, sort (or sortedness check) and
// merge. `count` is CountJoinMatches, the path COUNT(*) over a join takes
// (keys only, no row ids); `pairs` materialises the (left, right) row id
// pairs; `table` builds the output table.
// Counter `rows/s` is input rows (left + right) per second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>

#include "engine/join_keys.h"
#include "engine/operators.h"
#include "engine/sort_merge_join.h"

namespace stedi {
namespace {

constexpr int64_t kMultiplier = 2654435761LL;

Table KeyTable(const std::string& name, size_t n, bool dup3, bool shuffled, uint64_t seed) {
  Column c(TypeId::kInt64);
  std::vector<int64_t>& v = c.data<int64_t>();
  v.resize(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<int64_t>(dup3 ? i / 3 : i) * kMultiplier;
  if (shuffled) std::shuffle(v.begin(), v.end(), std::mt19937_64(seed));
  c.mutable_validity().AppendValid(n);
  return *Table::Make(Schema({{name, TypeId::kInt64, false}}), {std::move(c)});
}

enum class Output { kCount, kPairs, kTable };

struct Inputs {
  Table left, right;
};

// Inputs are built once per (case, size) and shared by the repetitions.
const Inputs& GetInputs(size_t n, bool dup3, bool shuffled) {
  static std::map<std::tuple<size_t, bool, bool>, std::unique_ptr<Inputs>> cache;
  auto& slot = cache[{n, dup3, shuffled}];
  if (!slot) {
    cache.clear();  // keep one case in memory at a time
    auto in = std::make_unique<Inputs>();
    in->left = KeyTable("k", n, dup3, shuffled, 1);
    in->right = KeyTable("rk", n, dup3, shuffled, 2);
    // One untimed join first: the engine's buffer cache then holds the
    // memory a join needs, as it does in a process that runs many joins.
    // (The first, cold join of 10M x 10M also pays ~0.5-1 s of page faults.)
    (void)JoinTables(in->left, in->right, {"k"}, {"rk"}, JoinType::kInner, 2);
    (void)CountJoinMatches(in->left, in->right, {"k"}, {"rk"}, 2);
    return *(cache[{n, dup3, shuffled}] = std::move(in));
  }
  return *slot;
}

void RunJoin(benchmark::State& state, size_t n, bool dup3, bool shuffled, Output output) {
  const Inputs& in = GetInputs(n, dup3, shuffled);
  const int threads = static_cast<int>(state.range(0));
  uint64_t matches = 0;
  for (auto _ : state) {
    if (output == Output::kTable) {
      auto t = JoinTables(in.left, in.right, {"k"}, {"rk"}, JoinType::kInner, threads);
      matches = t->num_rows();
    } else if (output == Output::kCount) {
      matches = *CountJoinMatches(in.left, in.right, {"k"}, {"rk"}, threads);
    } else {
      auto keys = NormalizeJoinKeys(in.left, in.right, {"k"}, {"rk"}, threads);
      matches = SortMergePairs(*keys, threads).left.size();
    }
    benchmark::DoNotOptimize(matches);
  }
  const uint64_t expected = dup3 ? (n / 3) * 9 + (n % 3) * (n % 3) : n;
  if (matches != expected) state.SkipWithError("wrong match count");
  state.counters["matches"] = static_cast<double>(matches);
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(2 * n) * state.iterations(),
                                                benchmark::Counter::kIsRate);
}

void RegisterAll() {
  const std::pair<size_t, const char*> sizes[] = {{1'000'000, "1M"}, {10'000'000, "10M"}};
  const std::pair<Output, const char*> outputs[] = {
      {Output::kCount, "count"}, {Output::kPairs, "pairs"}, {Output::kTable, "table"}};
  for (auto [n, size_name] : sizes) {
    for (bool dup3 : {false, true}) {
      for (bool shuffled : {true, false}) {
        for (auto [output, out_name] : outputs) {
          const std::string name = std::string("BM_SortMergeJoin/") + (dup3 ? "dup3" : "unique") +
                                   "_" + (shuffled ? "shuffled" : "sorted") + "_" + out_name + "/" +
                                   size_name;
          benchmark::RegisterBenchmark(
              name.c_str(), [=](benchmark::State& s) { RunJoin(s, n, dup3, shuffled, output); })
              ->ArgName("threads")
              ->Arg(2)
              ->Unit(benchmark::kMillisecond)
              ->UseRealTime()
              ->MeasureProcessCPUTime();  // CPU column: all threads, robust to load
        }
      }
    }
  }
  // Scaling: the headline case on one thread.
  benchmark::RegisterBenchmark(
      "BM_SortMergeJoin/unique_shuffled_count/10M",
      [](benchmark::State& s) { RunJoin(s, 10'000'000, false, true, Output::kCount); })
      ->ArgName("threads")
      ->Arg(1)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->MeasureProcessCPUTime();  // CPU column: all threads, robust to load
}

}  // namespace
}  // namespace stedi

int main(int argc, char** argv) {
  stedi::RegisterAll();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
