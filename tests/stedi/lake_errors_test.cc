// The lake builder's failure modes: clear errors, and the old lake untouched.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "stedi/catalog.h"
#include "stedi/lake_builder.h"
#include "test_dirs.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteText;

// A tiny landing folder: two customers (one consenting), readings, steps.
void WriteTinyLanding(const std::string& dir, const std::string& extra_accel_line = "") {
  WriteText(
      dir + "/customer/landing/c.json",
      R"({"customerName":"A B","email":"a@x","phone":"1","birthDay":"1990-01-01","serialNumber":"s1","registrationDate":1,"lastUpdateDate":1,"shareWithResearchAsOfDate":5})"
      "\n"
      R"({"customerName":"C D","email":"c@x","phone":"1","birthDay":"1990-01-01","serialNumber":"s2","registrationDate":1,"lastUpdateDate":1})"
      "\n");
  WriteText(dir + "/accelerometer/landing/a.json",
            R"({"user":"a@x","timestamp":10,"x":1.0,"y":0.0,"z":-1.0})"
            "\n"
            R"({"user":"c@x","timestamp":10,"x":1.0,"y":0.0,"z":-1.0})"
            "\n" +
                extra_accel_line);
  WriteText(dir + "/step_trainer/landing/s.json",
            R"({"sensorReadingTime":10,"serialNumber":"s1","distanceFromObject":200})"
            "\n"
            R"({"sensorReadingTime":10,"serialNumber":"s2","distanceFromObject":201})"
            "\n");
}

BuildOptions Options(const std::string& landing, const std::string& lake) {
  BuildOptions o;
  o.landing_dir = landing;
  o.lake_dir = lake;
  o.expectations = Expectations{};
  return o;
}

TEST(LakeErrorsTest, TinyLandingBuildsAllEightTables) {
  TempDir tmp;
  WriteTinyLanding(tmp.Sub("landing"));
  auto r = BuildLake(Options(tmp.Sub("landing"), tmp.Sub("lake")));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->tables.size(), 8u);
  std::map<std::string, uint64_t> rows;
  for (const auto& t : r->tables) rows[t.name] = t.rows;
  EXPECT_EQ(rows["customer_trusted"], 1u);
  EXPECT_EQ(rows["accelerometer_trusted"], 1u);
  EXPECT_EQ(rows["step_trainer_trusted"], 1u);
  EXPECT_EQ(rows["machine_learning_curated"], 1u);
  EXPECT_TRUE(fs::exists(tmp.Sub("lake/catalog.json")));
  EXPECT_TRUE(fs::is_directory(tmp.Sub("lake/step_trainer/curated")));
}

TEST(LakeErrorsTest, MissingLandingFolderOrSourceIsNamed) {
  TempDir tmp;
  auto r = BuildLake(Options(tmp.Sub("nope"), tmp.Sub("lake")));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("does not exist"), std::string::npos);
  WriteTinyLanding(tmp.Sub("landing"));
  fs::remove_all(tmp.Sub("landing/step_trainer"));
  r = BuildLake(Options(tmp.Sub("landing"), tmp.Sub("lake")));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("step_trainer"), std::string::npos) << r.status().ToString();
  EXPECT_FALSE(fs::exists(tmp.Sub("lake")));
}

TEST(LakeErrorsTest, RefusesToReplaceAFolderThatIsNotALake) {
  TempDir tmp;
  WriteTinyLanding(tmp.Sub("landing"));
  WriteText(tmp.Sub("precious/notes.txt"), "keep me");
  auto r = BuildLake(Options(tmp.Sub("landing"), tmp.Sub("precious")));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(fs::exists(tmp.Sub("precious/notes.txt")));
}

TEST(LakeErrorsTest, FailModeLeavesThePreviousLakeIntact) {
  TempDir tmp;
  WriteTinyLanding(tmp.Sub("landing"));
  ASSERT_TRUE(BuildLake(Options(tmp.Sub("landing"), tmp.Sub("lake"))).ok());
  auto before = ReadCatalog(tmp.Sub("lake"));
  ASSERT_TRUE(before.ok());
  WriteTinyLanding(tmp.Sub("landing"), "{\"user\": \"a@x\", \"timestamp\": \"late\"}\n");
  BuildOptions o = Options(tmp.Sub("landing"), tmp.Sub("lake"));
  o.on_bad_record = BadRecordMode::kFail;
  auto r = BuildLake(o);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsBadRecord()) << r.status().ToString();
  EXPECT_NE(r.status().message().find("a.json:3"), std::string::npos) << r.status().ToString();
  auto after = ReadCatalog(tmp.Sub("lake"));
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->tables.size(), before->tables.size());
  EXPECT_FALSE(fs::exists(tmp.Sub(".lake.staging")));
}

TEST(LakeErrorsTest, QuarantineKeepsBadRecordsWithFileAndLine) {
  TempDir tmp;
  WriteTinyLanding(tmp.Sub("landing"), "not json at all\n");
  auto r = BuildLake(Options(tmp.Sub("landing"), tmp.Sub("lake")));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TableReport& accel = r->tables[1];
  ASSERT_EQ(accel.name, "accelerometer_landing");
  ASSERT_TRUE(accel.ingest.has_value());
  EXPECT_EQ(accel.ingest->lines_read, 3u);
  EXPECT_EQ(accel.ingest->records_loaded, 2u);
  EXPECT_EQ(accel.ingest->records_rejected, 1u);
  EXPECT_EQ(accel.rejected_path, "_rejected/accelerometer_landing.jsonl");
  std::ifstream in(tmp.Sub("lake/_rejected/accelerometer_landing.jsonl"));
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_NE(line.find("a.json"), std::string::npos) << line;
  EXPECT_NE(line.find("\"line\":3"), std::string::npos) << line;
}

TEST(LakeErrorsTest, RebuildReplacesTheLakeWhole) {
  TempDir tmp;
  WriteTinyLanding(tmp.Sub("landing"));
  ASSERT_TRUE(BuildLake(Options(tmp.Sub("landing"), tmp.Sub("lake"))).ok());
  WriteText(tmp.Sub("lake/customer/landing/stale.sds"), "old junk");
  ASSERT_TRUE(BuildLake(Options(tmp.Sub("landing"), tmp.Sub("lake"))).ok());
  EXPECT_FALSE(fs::exists(tmp.Sub("lake/customer/landing/stale.sds")));
  EXPECT_FALSE(fs::exists(tmp.Sub(".lake.staging")));
}

}  // namespace
}  // namespace stedi
