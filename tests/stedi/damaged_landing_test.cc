// A damaged landing folder (all three sources) through stedi-build-zones in
// every bad-record mode: the --json summary's per-table counts, and each
// LAKE/_rejected/<table>.jsonl line naming its file and line.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "tool_process.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;
using testing::RunTool;
using testing::TempDir;
using testing::ToolRun;
using testing::WriteText;

constexpr int kExitBadRecord = 4;  // stedi-build-zones --help

struct Expected {
  uint64_t lines, loaded, rejected, blank;
  std::vector<std::pair<std::string, uint64_t>> rejects;  // file name, line
};

class DamagedLandingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteText(Landing("customer/landing/c.json"),
              "{\"email\":\"a@x\",\"serialNumber\":\"s1\",\"shareWithResearchAsOfDate\":5}\n"
              "{\"email\":\"b@x\",\"serialNumber\":\"s2\"},\n"  // trailing comma
              "\n"
              "{\"email\":\"c@x\",\"serialNumber\":\"s3\",\"Email\":\"d@x\"}\n"  // keys collide
              "{\"email\":\"e@x\",\"serialNu");                                  // cut short
    WriteText(Landing("accelerometer/landing/a.json"),
              "{\"user\":\"a@x\",\"timestamp\":10,\"x\":1,\"y\":2,\"z\":3}\r\n"
              "{\"user\":\"a@x\",\"timestamp\":\"late\"}\r\n"  // wrong type
              "garbage\r\n"
              "{\"user\":\"a@x\",\"timestamp\":11}\r\n");
    WriteText(Landing("accelerometer/landing/b.json"),
              "\xEF\xBB\xBF{\"user\":\"a@x\",\"timestamp\":12}\n"
              "{\"user\":\"\xff\xfe\",\"timestamp\":13}\n"  // invalid UTF-8
              "  \n");
    WriteText(Landing("step_trainer/landing/s.json"),
              "{\"sensorReadingTime\":10,\"serialNumber\":\"s1\",\"distanceFromObject\":7}\n"
              "{\"sensorReadingTime\":99999999999999999999,\"serialNumber\":\"s1\"}\n"
              "{\"sensorReadingTime\":11,\"serialNumber\":\"s1\",\"distanceFromObject\":" +
                  std::string(2000, '[') + "\n");
  }

  std::string Landing(const std::string& rel = "") const {
    return tmp_.Sub("landing") + (rel.empty() ? "" : "/" + rel);
  }
  std::string Lake() const { return tmp_.Sub("lake"); }
  ToolRun Build(const std::string& mode) const {
    return RunTool("stedi-build-zones", {"--landing", Landing(), "--lake", Lake(), "--quiet",
                                         "--json", "--on-bad-record", mode});
  }

  static std::map<std::string, Expected> Want() {
    return {
        {"customer_landing", {5, 1, 3, 1, {{"c.json", 2}, {"c.json", 4}, {"c.json", 5}}}},
        {"accelerometer_landing", {7, 3, 3, 1, {{"a.json", 2}, {"a.json", 3}, {"b.json", 2}}}},
        {"step_trainer_landing", {3, 1, 2, 0, {{"s.json", 2}, {"s.json", 3}}}},
    };
  }

  // Checks the summary's ingest counts of each landing table; returns the
  // rejected_path of each (empty when none).
  std::map<std::string, std::string> CheckSummary(const std::string& json) {
    std::map<std::string, std::string> rejected_paths;
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    EXPECT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
    const auto want = Want();
    for (simdjson::dom::element t : doc["tables"].get_array()) {
      const std::string name(t["name"].get_string().value());
      if (!want.count(name)) continue;
      const Expected& w = want.at(name);
      simdjson::dom::element in = t["ingest"];
      EXPECT_EQ(in["lines_read"].get_uint64().value(), w.lines) << name;
      EXPECT_EQ(in["loaded"].get_uint64().value(), w.loaded) << name;
      EXPECT_EQ(in["rejected"].get_uint64().value(), w.rejected) << name;
      EXPECT_EQ(in["blank_lines"].get_uint64().value(), w.blank) << name;
      EXPECT_EQ(t["rows"].get_uint64().value(), w.loaded) << name;
      std::string_view path;
      if (in["rejected_path"].get_string().get(path) == simdjson::SUCCESS) {
        rejected_paths[name] = std::string(path);
      } else {
        rejected_paths[name] = "";
      }
    }
    EXPECT_EQ(rejected_paths.size(), want.size());
    return rejected_paths;
  }

  TempDir tmp_;
};

TEST_F(DamagedLandingTest, QuarantineKeepsEveryRejectWithFileAndLine) {
  const ToolRun run = Build("quarantine");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto paths = CheckSummary(run.out);
  for (const auto& [table, w] : Want()) {
    ASSERT_EQ(paths.at(table), "_rejected/" + table + ".jsonl");
    std::ifstream in(Lake() + "/" + paths.at(table), std::ios::binary);
    std::string line;
    simdjson::dom::parser parser;
    size_t i = 0;
    while (std::getline(in, line)) {
      ASSERT_LT(i, w.rejects.size()) << table;
      simdjson::dom::element doc;
      ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS) << line;
      const std::string file(doc["file"].get_string().value());
      EXPECT_EQ(fs::path(file).filename(), w.rejects[i].first) << table << ": " << line;
      EXPECT_EQ(doc["line"].get_uint64().value(), w.rejects[i].second) << table << ": " << line;
      EXPECT_FALSE(doc["reason"].get_string().value().empty());
      EXPECT_FALSE(doc["raw"].get_string().value().empty());
      ++i;
    }
    EXPECT_EQ(i, w.rejects.size()) << table;
  }
}

TEST_F(DamagedLandingTest, SkipCountsTheSameAndKeepsNothing) {
  const ToolRun run = Build("skip");
  ASSERT_EQ(run.status, 0) << run.err;
  for (const auto& [table, path] : CheckSummary(run.out)) EXPECT_EQ(path, "") << table;
  EXPECT_FALSE(fs::exists(Lake() + "/_rejected"));
}

TEST_F(DamagedLandingTest, FailStopsAtTheFirstBadLine) {
  const ToolRun run = Build("fail");
  EXPECT_EQ(run.status, kExitBadRecord) << run.err;
  EXPECT_NE(run.err.find(Landing("customer/landing/c.json") + ":2: "), std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(Lake()));
}

// Writes that fail (a file size limit) on the first file of the build, the
// customer rejects, and on the last, catalog.json (the largest file of this
// small lake), are reported with the file and the reason.
TEST_F(DamagedLandingTest, WriteFailuresNameTheFileAndReason) {
  ASSERT_EQ(Build("quarantine").status, 0);
  // The catalog holds timings, so its size varies by a few bytes from run to
  // run: the limit sits just above every other file, well below the catalog.
  const uintmax_t catalog = fs::file_size(Lake() + "/catalog.json");
  uintmax_t largest_other = 0;
  for (const auto& e : fs::recursive_directory_iterator(Lake())) {
    if (e.is_regular_file() && e.path().filename() != "catalog.json") {
      largest_other = std::max<uintmax_t>(largest_other, e.file_size());
    }
  }
  ASSERT_LT(largest_other + 256, catalog);
  const std::string staging = tmp_.Sub(".lake.staging/");
  const std::pair<uintmax_t, std::string> cases[] = {
      {100, staging + "_rejected/customer_landing.jsonl: write failed: File too large"},
      {largest_other + 1, staging + "catalog.json: write failed: File too large"}};
  for (const auto& [limit, message] : cases) {
    testing::ChildLimits limits;
    limits.file_size = limit;
    const ToolRun run =
        RunTool("stedi-build-zones", {"--landing", Landing(), "--lake", Lake(), "--quiet"}, limits);
    EXPECT_EQ(run.status, 1) << run.err;
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace stedi
