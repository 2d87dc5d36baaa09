// seed_writer: builds seed inputs for the fuzz targets (not a fuzz target).
//
//   seed_writer samples OUT   small tables of every type and encoding as
//                             segment, decoder and segdump_path seeds in
//                             OUT/<target>/
//   seed_writer pack DIR FILE a folder (a lake or a table) as one
//                             segdump_path input; files over 64 KB left out
// fuzz/make_seeds.sh runs both; the committed fuzz/seeds/ came from `samples`.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_temp_dir.h"
#include "fuzz/fuzz_tree.h"
#include "storage/encoding.h"
#include "storage/table_writer.h"

namespace {

namespace fs = std::filesystem;
using stedi::fuzz::WriteFileOrDie;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// 40 rows: runs, a constant, deltas, decimals, a dictionary of strings, nulls.
stedi::Table SampleTable() {
  stedi::Schema schema({{"id", stedi::TypeId::kInt64, false},
                        {"ts", stedi::TypeId::kTimestamp},
                        {"flag", stedi::TypeId::kBool},
                        {"small", stedi::TypeId::kInt32},
                        {"x", stedi::TypeId::kDouble},
                        {"name", stedi::TypeId::kString}});
  std::vector<stedi::Column> cols;
  for (const stedi::Field& f : schema.fields()) cols.emplace_back(f.type);
  for (int i = 0; i < 40; ++i) {
    cols[0].AppendInt64(i / 8);
    cols[1].AppendInt64(1655564444000 + 1000 * i);
    if (i % 7 == 3) {
      cols[2].AppendNull();
    } else {
      cols[2].AppendBool(i % 3 == 0);
    }
    cols[3].AppendInt32(42);
    cols[4].AppendDouble(i % 5 == 0 ? NAN : std::round(i * 12.5) / 100);
    if (i % 9 == 0) {
      cols[5].AppendNull();
    } else {
      cols[5].AppendString(i % 2 ? "alpha" : "beta-" + std::to_string(i % 4));
    }
  }
  return *stedi::Table::Make(schema, std::move(cols));
}

// The table as a folder of segments; every segment is also a segment seed.
void WriteSegments(const stedi::Table& table, const fs::path& table_dir, const fs::path& seeds) {
  stedi::WriteOptions options;
  options.row_group_rows = 16;
  options.threads = 1;
  auto info = stedi::WriteTable(table, table_dir.string(), options);
  if (!info.ok()) {
    std::fprintf(stderr, "seed_writer: %s\n", info.status().message().c_str());
    std::exit(1);
  }
  for (const auto& f : info->files) {
    const std::string bytes = ReadFile(table_dir / f.name);
    WriteFileOrDie(seeds / "segment" / ("plain-checksums-" + f.name), "\x00" + bytes);
    WriteFileOrDie(seeds / "segment" / ("repair-checksums-" + f.name), "\x01" + bytes);
  }
}

std::string DecoderSeed(uint8_t kind, size_t n, const std::string& block) {
  std::string s(1, static_cast<char>(kind));
  s.push_back(static_cast<char>(n & 0xff));
  s.push_back(static_cast<char>(n >> 8));
  return s + block;
}

void WriteDecoderSeeds(const stedi::Table& table, const fs::path& dir) {
  stedi::EncodeContext ctx;
  ctx.zstd_level = 3;
  const auto& ints = table.column(1).data<int64_t>();
  const auto& ids = table.column(0).data<int64_t>();
  const auto& doubles = table.column(4).data<double>();
  const stedi::Column& names = table.column(5);
  WriteFileOrDie(dir / "ints_delta",
                 DecoderSeed(2, ints.size(), stedi::EncodeInts(ints, ctx).bytes));
  WriteFileOrDie(dir / "ints_rle", DecoderSeed(2, ids.size(), stedi::EncodeInts(ids, ctx).bytes));
  WriteFileOrDie(dir / "doubles",
                 DecoderSeed(3, doubles.size(), stedi::EncodeDoubles(doubles, ctx).bytes));
  WriteFileOrDie(dir / "strings",
                 DecoderSeed(4, names.size(),
                             stedi::EncodeStrings(names.codes(), names.dictionary(), ctx).bytes));
  const std::string text = "the quick brown fox jumps over the lazy dog, the quick brown fox";
  const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  WriteFileOrDie(
      dir / "bytes_zstd",
      DecoderSeed(5, text.size(), stedi::WrapZstd(stedi::EncodeBytes(bytes, ctx), 3).bytes));
  // Round-trip seeds: the raw values follow the three header bytes.
  WriteFileOrDie(
      dir / "roundtrip_ints",
      DecoderSeed(6, 0, std::string(reinterpret_cast<const char*>(ints.data()), ints.size() * 8)));
  WriteFileOrDie(
      dir / "roundtrip_doubles",
      DecoderSeed(7, 0,
                  std::string(reinterpret_cast<const char*>(doubles.data()), doubles.size() * 8)));
  WriteFileOrDie(dir / "roundtrip_strings", DecoderSeed(8, 0, "a,b,a,ccc,,b,a"));
}

// Every file and folder under `dir`, files over 64 KB left out.
stedi::fuzz::TreeInput PackFolder(const fs::path& dir, uint8_t mode, uint8_t path) {
  stedi::fuzz::TreeInput t;
  t.mode = mode;
  t.path = path;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    stedi::fuzz::TreeEntry e;
    e.name = fs::relative(p, dir).string();
    if (fs::is_directory(p)) {
      e.kind = stedi::fuzz::kTreeFolder;
    } else if (fs::file_size(p) <= 65536) {
      e.content = ReadFile(p);
    } else {
      continue;
    }
    t.entries.push_back(std::move(e));
  }
  return t;
}

std::string CatalogFor(const fs::path& table_dir) {
  std::string files;
  for (const auto& e : fs::directory_iterator(table_dir)) {
    if (!files.empty()) files += ",";
    files += "{\"name\":\"" + e.path().filename().string() +
             "\",\"bytes\":" + std::to_string(fs::file_size(e.path())) +
             ",\"rows\":40,\"checksum\":\"xxh3:0\"}";
  }
  return "{\"format_version\":1,\"generator\":\"seed_writer\",\"mode\":\"compat\",\"tables\":["
         "{\"name\":\"sample\",\"zone\":\"trusted\",\"path\":\"sample/trusted\",\"rows\":40,"
         "\"bytes\":0,\"inputs\":[],\"schema\":[{\"name\":\"id\",\"type\":\"int64\","
         "\"nullable\":false}],\"files\":[" +
         files + "]}]}";
}

void Samples(const fs::path& out) {
  for (const char* t : {"segment", "decoder", "segdump_path"}) fs::create_directories(out / t);
  const stedi::Table table = SampleTable();
  const fs::path lake = stedi::fuzz::FuzzTempDir() / "lake";
  const fs::path table_dir = lake / "sample" / "trusted";
  WriteSegments(table, table_dir, out);
  WriteDecoderSeeds(table, out / "decoder");
  WriteFileOrDie(lake / "catalog.json", CatalogFor(table_dir));
  // Lake listing, a table's rows with --where, verify of the table, a segment's metadata.
  stedi::fuzz::TreeInput t = PackFolder(lake, 0, 0);
  WriteFileOrDie(out / "segdump_path" / "lake_listing", stedi::fuzz::SerializeTreeInput(t));
  t.mode = 3;
  t.table = "sample";
  t.where = "id >= 2";
  WriteFileOrDie(out / "segdump_path" / "lake_table_rows_where",
                 stedi::fuzz::SerializeTreeInput(t));
  t = PackFolder(table_dir, 4, 0);
  WriteFileOrDie(out / "segdump_path" / "table_verify", stedi::fuzz::SerializeTreeInput(t));
  t.mode = 8 | 16;
  t.path = 1;
  WriteFileOrDie(out / "segdump_path" / "segment_json_row_groups",
                 stedi::fuzz::SerializeTreeInput(t));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "samples" && argc == 3) {
    Samples(argv[2]);
  } else if (cmd == "pack" && argc == 4) {
    WriteFileOrDie(argv[3], stedi::fuzz::SerializeTreeInput(PackFolder(argv[2], 0, 0)));
  } else {
    std::fprintf(stderr, "usage: seed_writer samples OUT | seed_writer pack DIR FILE\n");
    return 2;
  }
  return 0;
}
