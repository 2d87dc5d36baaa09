// Encode and decode speed per encoding, and whole-table reads.
//
// Names read as BM_<Encode|Decode>/<encoding>_<type>/<shape>; bytes/s counts
// the decoded (in-memory) size of the values, 8 bytes per int64 or double.
// Data are synthetic, generated with fixed seeds: 10M values for the
// bit-unpacking kernels, 1M for the others. BM_WriteTable writes a 1M-row,
// five-column sensor table (accelerometer-shaped) with 1 and 2 threads; its
// time is wall time.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "storage/encoding.h"
#include "storage/table_reader.h"
#include "storage/table_writer.h"

namespace stedi {
namespace {

ByteReader Reader(const std::string& s) {
  return ByteReader({reinterpret_cast<const uint8_t*>(s.data()), s.size()});
}

std::vector<int64_t> Ints(size_t n, const std::string& shape, int width = 11) {
  std::mt19937_64 rng(42);
  std::vector<int64_t> v(n);
  int64_t t = 1655564444103;
  for (size_t i = 0; i < n; ++i) {
    if (shape == "uniform")
      v[i] = 1000 + static_cast<int64_t>(rng() & ((uint64_t{1} << width) - 1));
    if (shape == "timestamps") v[i] = t += static_cast<int64_t>(rng() % 2000);
    if (shape == "runs") v[i] = static_cast<int64_t>((i / 100) * 7919);
    if (shape == "few") v[i] = static_cast<int64_t>(rng() % 5) * 1000003;
    if (shape == "ticks")
      v[i] = t -= static_cast<int64_t>(3933 * (rng() % 4)) + (i % 10 == 0 ? 977 : 0);
  }
  return v;
}

std::vector<double> Doubles(size_t n, const std::string& shape) {
  std::mt19937_64 rng(43);
  std::vector<double> v(n);
  for (auto& x : v) {
    if (shape == "axes") x = static_cast<double>(static_cast<int>(rng() % 3) - 1);
    if (shape == "decimals") x = static_cast<double>(static_cast<int64_t>(rng() % 200000)) / 100;
  }
  return v;
}

// Encoded with the same choice the writer makes for a chunk's top level.
std::string EncodeIntsBlock(const std::vector<int64_t>& v, bool top) {
  EncodeContext ctx;
  if (!top) return EncodeInts(v, ctx).bytes;
  return EncodeTopLevel([&](const EncodeContext& c) { return EncodeInts(v, c); }, ctx).bytes;
}

void DecodeIntsBench(benchmark::State& state, std::vector<int64_t> v, bool top) {
  const std::string block = EncodeIntsBlock(v, top);
  std::vector<int64_t> out(v.size());
  for (auto _ : state) {
    Status st = DecodeInts(Reader(block), v.size(), out.data());
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(out.data());
  }
  if (out != v) state.SkipWithError("decode mismatch");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * v.size() * 8));
  state.counters["encoded_bytes"] = static_cast<double>(block.size());
}

void EncodeIntsBench(benchmark::State& state, std::vector<int64_t> v, bool top) {
  for (auto _ : state) benchmark::DoNotOptimize(EncodeIntsBlock(v, top));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * v.size() * 8));
}

void DecodeDoublesBench(benchmark::State& state, std::vector<double> v) {
  const std::string block = EncodeDoubles(v, EncodeContext{}).bytes;
  std::vector<double> out(v.size());
  for (auto _ : state) {
    Status st = DecodeDoubles(Reader(block), v.size(), out.data());
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * v.size() * 8));
  state.counters["encoded_bytes"] = static_cast<double>(block.size());
}

void EncodeDoublesBench(benchmark::State& state, std::vector<double> v) {
  for (auto _ : state) benchmark::DoNotOptimize(EncodeDoubles(v, EncodeContext{}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * v.size() * 8));
}

void DecodeStringsBench(benchmark::State& state, size_t distinct) {
  StringDictionary dict;
  std::vector<int32_t> codes;
  std::mt19937_64 rng(44);
  for (int i = 0; i < 1000000; ++i) {
    codes.push_back(dict.Intern("user" + std::to_string(rng() % distinct) + "@test.com"));
  }
  const std::string block = EncodeStrings(codes, dict, EncodeContext{}).bytes;
  std::vector<int32_t> out(codes.size());
  for (auto _ : state) {
    StringDictionary d;
    Status st = DecodeStrings(Reader(block), codes.size(), &d, out.data());
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * codes.size() * 4));
  state.counters["encoded_bytes"] = static_cast<double>(block.size());
}

void ReadTableBench(benchmark::State& state) {
  constexpr size_t kRows = 1 << 20;
  Column user(TypeId::kString), ts(TypeId::kTimestamp), x(TypeId::kDouble);
  const std::vector<int64_t> t = Ints(kRows, "ticks");
  const std::vector<double> d = Doubles(kRows, "axes");
  for (size_t i = 0; i < kRows; ++i) {
    user.AppendString("user" + std::to_string(i / 1000) + "@test.com");
    ts.AppendInt64(t[i]);
    x.AppendDouble(d[i]);
  }
  auto table = Table::Make(
      Schema(
          {{"user", TypeId::kString}, {"timestamp", TypeId::kTimestamp}, {"x", TypeId::kDouble}}),
      {user, ts, x});
  const std::string dir = "/tmp/stedi_storage_bench_table";
  auto info = WriteTable(*table, dir, WriteOptions{.zstd_level = 3});
  if (!info.ok()) return state.SkipWithError(info.status().ToString().c_str());
  for (auto _ : state) {
    auto back = ReadTable(dir, ReadOptions{});
    if (!back.ok()) state.SkipWithError(back.status().ToString().c_str());
    benchmark::DoNotOptimize(back);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kRows * (4 + 8 + 8)));
  state.counters["file_bytes"] = static_cast<double>(info->bytes);
}

// A table shaped like accelerometer landing: user (runs of ~100 rows),
// timestamp (per-device clock ticks), x, y, z (-1, 0, 1).
Table SensorWriteTable(size_t rows) {
  Column user(TypeId::kString), ts(TypeId::kTimestamp);
  std::vector<Column> axes(3, Column(TypeId::kDouble));
  const std::vector<int64_t> t = Ints(rows, "ticks");
  const std::vector<double> d = Doubles(rows * 3, "axes");
  for (size_t i = 0; i < rows; ++i) {
    user.AppendString("user" + std::to_string(i / 100) + "@test.com");
    ts.AppendInt64(t[i]);
    for (size_t a = 0; a < 3; ++a) axes[a].AppendDouble(d[i * 3 + a]);
  }
  return Table::Make(Schema({{"user", TypeId::kString},
                             {"timestamp", TypeId::kTimestamp},
                             {"x", TypeId::kDouble},
                             {"y", TypeId::kDouble},
                             {"z", TypeId::kDouble}}),
                     {user, ts, axes[0], axes[1], axes[2]})
      .value();
}

// Whole-table writes (encode, checksum, write, fsync) at the default options;
// state.range(0) is WriteOptions.threads. bytes/s counts in-memory bytes
// (4 per string code, 8 per timestamp or double).
void WriteTableBench(benchmark::State& state) {
  constexpr size_t kRows = 1 << 20;
  const Table table = SensorWriteTable(kRows);
  const std::string dir = "/tmp/stedi_storage_bench_write";
  WriteOptions options;
  options.threads = static_cast<int>(state.range(0));
  uint64_t file_bytes = 0;
  for (auto _ : state) {
    auto info = WriteTable(table, dir, options);
    if (!info.ok()) return state.SkipWithError(info.status().ToString().c_str());
    file_bytes = info->bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kRows * (4 + 8 * 4)));
  state.counters["rows_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kRows), benchmark::Counter::kIsRate);
  state.counters["file_bytes"] = static_cast<double>(file_bytes);
}

void Register() {
  constexpr size_t kBig = 10'000'000, kN = 1'000'000;
  for (int w : {5, 11, 17}) {
    benchmark::RegisterBenchmark(("BM_Decode/bitpack_int64/w" + std::to_string(w)).c_str(),
                                 DecodeIntsBench, Ints(kBig, "uniform", w), false);
  }
  benchmark::RegisterBenchmark("BM_Encode/bitpack_int64/w11", EncodeIntsBench, Ints(kN, "uniform"),
                               false);
  const std::pair<const char*, const char*> shapes[] = {{"delta_int64/timestamps", "timestamps"},
                                                        {"rle_int64/runs", "runs"},
                                                        {"dictionary_int64/few", "few"},
                                                        {"factor_int64/ticks", "ticks"}};
  for (auto [name, shape] : shapes) {
    benchmark::RegisterBenchmark((std::string("BM_Decode/") + name).c_str(), DecodeIntsBench,
                                 Ints(kN, shape), false);
    benchmark::RegisterBenchmark((std::string("BM_Encode/") + name).c_str(), EncodeIntsBench,
                                 Ints(kN, shape), false);
  }
  benchmark::RegisterBenchmark("BM_Decode/zstd_int64/timestamps", DecodeIntsBench,
                               Ints(kN, "timestamps"), true);
  benchmark::RegisterBenchmark("BM_Decode/dictionary_double/axes", DecodeDoublesBench,
                               Doubles(kN, "axes"));
  benchmark::RegisterBenchmark("BM_Encode/dictionary_double/axes", EncodeDoublesBench,
                               Doubles(kN, "axes"));
  benchmark::RegisterBenchmark("BM_Decode/decimal_double/decimals", DecodeDoublesBench,
                               Doubles(kN, "decimals"));
  benchmark::RegisterBenchmark("BM_Encode/decimal_double/decimals", EncodeDoublesBench,
                               Doubles(kN, "decimals"));
  benchmark::RegisterBenchmark("BM_Decode/dictionary_string/1000_emails", DecodeStringsBench,
                               size_t{1000});
  benchmark::RegisterBenchmark("BM_ReadTable/sensor_1M_rows", ReadTableBench);
  benchmark::RegisterBenchmark("BM_WriteTable/sensor_1M_rows", WriteTableBench)
      ->ArgName("threads")
      ->Arg(1)
      ->Arg(2)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace stedi

int main(int argc, char** argv) {
  stedi::Register();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
