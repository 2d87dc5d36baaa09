// Filter benchmarks: the comparison kernels, SIMD against scalar, on 1M
// values (kernel output: a bitmap), and the whole Filter operator (bind,
// evaluate in 2048-row batches, selection vector, gather) on a 10M-row table.
// Counter `rows/s` is input rows per second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "engine/compare_kernels.h"
#include "engine/operators.h"

namespace stedi {
namespace {

template <typename T>
std::vector<T> Values(size_t n) {
  std::mt19937_64 rng(1);
  std::vector<T> v(n);
  for (T& x : v) x = static_cast<T>(rng() % 1000);
  return v;
}

template <typename T, bool kSimd>
void BM_CompareLiteral(benchmark::State& state) {
  const size_t n = 1 << 20;
  const std::vector<T> v = Values<T>(n);
  std::vector<uint64_t> out(BitmapWords(n));
  for (auto _ : state) {
    if constexpr (kSimd) {
      CompareLiteralSimd<T>(CompareOp::kLt, v.data(), T(500), n, out.data());
    } else {
      CompareLiteralScalar<T>(CompareOp::kLt, v.data(), T(500), n, out.data());
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(n) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CompareLiteral<int32_t, true>)->Name("BM_CompareLiteral/int32/simd");
BENCHMARK(BM_CompareLiteral<int32_t, false>)->Name("BM_CompareLiteral/int32/scalar");
BENCHMARK(BM_CompareLiteral<int64_t, true>)->Name("BM_CompareLiteral/int64/simd");
BENCHMARK(BM_CompareLiteral<int64_t, false>)->Name("BM_CompareLiteral/int64/scalar");
BENCHMARK(BM_CompareLiteral<double, true>)->Name("BM_CompareLiteral/double/simd");
BENCHMARK(BM_CompareLiteral<double, false>)->Name("BM_CompareLiteral/double/scalar");

// The int64 range filter `lo <= x <= hi` into a bitmap, on 16K values (128 KB,
// in L2: the kernel's own speed) and 1M (8 MB, from memory), half
// the rows selected. `simd` is the fused kernel the engine runs for BETWEEN
// (and `x >= lo AND x <= hi` on one column). `scalar` is the plain one-row-at-a-time
// loop, kept scalar (GCC would otherwise vectorise it itself at -O3, which
// `autovec` shows: the same loop with the compiler's vectoriser on).
void RangeLoop(const int64_t* v, size_t n, int64_t lo, int64_t hi, uint64_t* out) {
  for (size_t w = 0; w < BitmapWords(n); ++w) {
    uint64_t bits = 0;
    const size_t end = std::min(n, (w + 1) * 64);
    for (size_t i = w * 64; i < end; ++i) {
      bits |= static_cast<uint64_t>(lo <= v[i] && v[i] <= hi) << (i - w * 64);
    }
    out[w] = bits;
  }
}
__attribute__((optimize("no-tree-vectorize"))) void RangeLoopScalar(const int64_t* v, size_t n,
                                                                    int64_t lo, int64_t hi,
                                                                    uint64_t* out) {
  for (size_t w = 0; w < BitmapWords(n); ++w) {
    uint64_t bits = 0;
    const size_t end = std::min(n, (w + 1) * 64);
    for (size_t i = w * 64; i < end; ++i) {
      bits |= static_cast<uint64_t>(lo <= v[i] && v[i] <= hi) << (i - w * 64);
    }
    out[w] = bits;
  }
}

enum class RangeImpl { kSimd, kScalar, kAutovec };

void BM_RangeFilterInt64(benchmark::State& state, RangeImpl impl) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<int64_t> v = Values<int64_t>(n);
  const int64_t lo = 250, hi = 749;
  std::vector<uint64_t> out(BitmapWords(n));
  for (auto _ : state) {
    if (impl == RangeImpl::kSimd) {
      CompareRangeSimd<int64_t>(CompareOp::kGe, lo, CompareOp::kLe, hi, v.data(), n, out.data());
    } else if (impl == RangeImpl::kScalar) {
      RangeLoopScalar(v.data(), n, lo, hi, out.data());
    } else {
      RangeLoop(v.data(), n, lo, hi, out.data());
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(n) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_RangeFilterInt64, simd, RangeImpl::kSimd)
    ->Name("BM_RangeFilter/int64/simd")
    ->Arg(16 << 10)
    ->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_RangeFilterInt64, scalar, RangeImpl::kScalar)
    ->Name("BM_RangeFilter/int64/scalar")
    ->Arg(16 << 10)
    ->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_RangeFilterInt64, autovec, RangeImpl::kAutovec)
    ->Name("BM_RangeFilter/int64/autovec")
    ->Arg(16 << 10)
    ->Arg(1 << 20);

void BM_FilterTable(benchmark::State& state, ExprPtr pred) {
  const size_t n = 10'000'000;
  static Table t = [] {
    Column ts(TypeId::kTimestamp), user(TypeId::kString), x(TypeId::kDouble);
    std::mt19937_64 rng(2);
    for (size_t i = 0; i < 10'000'000; ++i) {
      ts.AppendInt64(1700000000000 + static_cast<int64_t>(i) * 10);
      user.AppendString("user" + std::to_string(rng() % 1000));
      if (i % 10 == 0) {
        x.AppendNull();
      } else {
        x.AppendDouble(static_cast<double>(rng() % 1000) / 10);
      }
    }
    return *Table::Make(
        Schema({{"ts", TypeId::kTimestamp}, {"user", TypeId::kString}, {"x", TypeId::kDouble}}),
        {ts, user, x});
  }();
  const int threads = static_cast<int>(state.range(0));
  size_t rows = 0;
  for (auto _ : state) rows = FilterTable(t, pred, threads)->num_rows();
  state.counters["selected"] = static_cast<double>(rows);
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(n) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_FilterTable, ts_range_half,
                  Between(Col("ts"), LitTimestamp(1700000000000), LitTimestamp(1700050000000)))
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FilterTable, string_eq_and_double,
                  And(Eq(Col("user"), LitString("user7")), Gt(Col("x"), LitDouble(50))))
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace stedi

BENCHMARK_MAIN();
