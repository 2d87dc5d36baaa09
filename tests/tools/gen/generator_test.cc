#include "tools/gen/generator.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "reference_counts.h"
#include "scratch_dir.h"

namespace stedi::gen {
namespace {

namespace fs = std::filesystem;
using stedi::testing::CountZones;
using stedi::testing::ScratchDir;

std::map<std::string, uint64_t> Expected(uint32_t scale) {
  std::map<std::string, uint64_t> m;
  for (const auto& [table, rows] : ExpectedCounts(scale)) m[table] = rows;
  return m;
}

// Relative path -> contents of every file under `root`.
std::map<std::string, std::string> ReadTree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::ostringstream text;
    text << std::ifstream(e.path(), std::ios::binary).rdbuf();
    files[fs::relative(e.path(), root).string()] = text.str();
  }
  return files;
}

Result<GenStats> Gen(const std::string& out, uint32_t scale, uint64_t seed, unsigned threads = 2,
                     bool force = false) {
  GenOptions options;
  options.out_dir = out;
  options.scale = scale;
  options.seed = seed;
  options.threads = threads;
  options.force = force;
  return Generate(options);
}

TEST(GeneratorTest, ExpectedCountsAreScaleTimesTheReferenceCounts) {
  const std::map<std::string, uint64_t> reference = {
      {"customer_landing", 956},        {"accelerometer_landing", 81273},
      {"step_trainer_landing", 28680},  {"customer_trusted", 482},
      {"accelerometer_trusted", 40981}, {"customers_curated", 482},
      {"step_trainer_trusted", 14460},  {"machine_learning_curated", 43681}};
  EXPECT_EQ(Expected(1), reference);
  for (const auto& [table, rows] : Expected(7)) EXPECT_EQ(rows, 7 * reference.at(table)) << table;
}

TEST(GeneratorTest, ScaleOneHasExactlyTheReferenceCounts) {
  ScratchDir dir("scale1");
  auto stats = Gen(dir.Sub("out"), 1, 42);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  const auto n = CountZones(dir.Sub("out"));
  ASSERT_EQ(n.error, "");
  EXPECT_EQ(n.ToMap(), Expected(1));
  EXPECT_EQ(stats->rows, 956u + 81273u + 28680u);
}

TEST(GeneratorTest, ScaleThreeHasExactlyThreeTimesTheReferenceCounts) {
  ScratchDir dir("scale3");
  auto stats = Gen(dir.Sub("out"), 3, 9);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  const auto n = CountZones(dir.Sub("out"));
  ASSERT_EQ(n.error, "");
  EXPECT_EQ(n.ToMap(), Expected(3));
}

TEST(GeneratorTest, ManifestStatesScaleSeedAndExpectedCounts) {
  ScratchDir dir("manifest");
  ASSERT_TRUE(Gen(dir.Sub("out"), 2, 123).ok());
  simdjson::ondemand::parser parser;
  simdjson::padded_string text = simdjson::padded_string::load(dir.Sub("out/stedi-gen.json"));
  simdjson::ondemand::document doc = parser.iterate(text);
  EXPECT_EQ(std::string_view(doc["generator"]), "stedi-gen");
  EXPECT_EQ(uint64_t(doc["version"]), 1u);
  EXPECT_EQ(uint64_t(doc["scale"]), 2u);
  EXPECT_EQ(uint64_t(doc["seed"]), 123u);
  std::map<std::string, uint64_t> expected;
  for (auto field : doc["expected"].get_object()) {
    expected[std::string(std::string_view(field.unescaped_key()))] = uint64_t(field.value());
  }
  EXPECT_EQ(expected, Expected(2));
}

TEST(GeneratorTest, SameSeedGivesTheSameBytesForAnyThreadCount) {
  ScratchDir dir("determinism");
  ASSERT_TRUE(Gen(dir.Sub("a"), 3, 5, /*threads=*/1).ok());
  ASSERT_TRUE(Gen(dir.Sub("b"), 3, 5, /*threads=*/2).ok());
  const auto a = ReadTree(dir.Sub("a"));
  EXPECT_EQ(a.size(), 3u * 13u + 1u);  // per copy 1 + 9 + 3 files, and the manifest
  EXPECT_TRUE(a == ReadTree(dir.Sub("b")));
}

TEST(GeneratorTest, DifferentSeedsGiveDifferentData) {
  ScratchDir dir("seeds");
  ASSERT_TRUE(Gen(dir.Sub("a"), 1, 1).ok());
  ASSERT_TRUE(Gen(dir.Sub("b"), 1, 2).ok());
  const auto a = ReadTree(dir.Sub("a"));
  const auto b = ReadTree(dir.Sub("b"));
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, text] : a) {
    if (name != "stedi-gen.json") {
      EXPECT_NE(text, b.at(name)) << name;
    }
  }
}

TEST(GeneratorTest, FilesHoldAtMostTenThousandLines) {
  ScratchDir dir("split");
  ASSERT_TRUE(Gen(dir.Sub("out"), 1, 3).ok());
  std::map<std::string, std::vector<size_t>> lines;  // table -> lines per file
  for (const auto& [name, text] : ReadTree(dir.Sub("out"))) {
    if (name == "stedi-gen.json") continue;
    lines[name.substr(0, name.find('/'))].push_back(std::count(text.begin(), text.end(), '\n'));
    EXPECT_EQ(text.back(), '\n') << name;
  }
  EXPECT_EQ(lines["customer"], (std::vector<size_t>{956}));
  EXPECT_EQ(lines["step_trainer"], (std::vector<size_t>{10000, 10000, 8680}));
  ASSERT_EQ(lines["accelerometer"].size(), 9u);
  EXPECT_EQ(lines["accelerometer"].back(), 1273u);
}

TEST(GeneratorTest, RefusesANonEmptyFolderUnlessForced) {
  ScratchDir dir("force");
  const std::string out = dir.Sub("out");
  ASSERT_TRUE(Gen(out, 2, 1).ok());
  std::ofstream(out + "/notes.txt") << "keep me";
  auto refused = Gen(out, 1, 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.status().IsInvalidArgument());
  EXPECT_NE(refused.status().message().find("--force"), std::string::npos);

  ASSERT_TRUE(Gen(out, 1, 1, 2, /*force=*/true).ok());
  EXPECT_EQ(CountZones(out).ToMap(), Expected(1));  // no files left from scale 2
  EXPECT_TRUE(fs::exists(out + "/notes.txt"));
}

TEST(GeneratorTest, RejectsScaleOutOfRange) {
  ScratchDir dir("scale");
  EXPECT_TRUE(Gen(dir.Sub("out"), 0, 1).status().IsInvalidArgument());
  EXPECT_TRUE(Gen(dir.Sub("out"), 1'000'000, 1).status().IsInvalidArgument());
}

TEST(GeneratorTest, ReportsAnUncreatableFolderAsIOError) {
  ScratchDir dir("io");
  std::ofstream(dir.Sub("file")) << "x";
  auto result = Gen(dir.Sub("file") + "/out", 1, 1);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.status().IsIOError()) << result.status().ToString();
  EXPECT_NE(result.status().message().find("file/out"), std::string::npos);
}

}  // namespace
}  // namespace stedi::gen
