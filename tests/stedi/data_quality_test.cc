// Data-quality checks and strict-mode removals: exact counts on planted
// problems, and the known figures of the real data.
#include "stedi/data_quality.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "stedi/lake_builder.h"
#include "stedi/summary.h"
#include "test_dirs.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteText;

std::string Customer(const std::string& email, const std::string& serial,
                     const std::string& consent) {
  return R"({"customerName":"N","email":")" + email +
         R"(","phone":"1","birthDay":"1990-01-01","serialNumber":")" + serial +
         R"(","registrationDate":1,"lastUpdateDate":1)" +
         (consent.empty() ? "" : R"(,"shareWithResearchAsOfDate":)" + consent) + "}\n";
}

std::string Reading(const std::string& user, int ts) {
  return R"({"user":")" + user + R"(","timestamp":)" + std::to_string(ts) +
         R"(,"x":1.0,"y":0.0,"z":-1.0})" + "\n";
}

std::string Step(const std::string& serial, int ts) {
  return R"({"sensorReadingTime":)" + std::to_string(ts) + R"(,"serialNumber":")" + serial +
         R"(","distanceFromObject":200})" + "\n";
}

// Planted: a@x twice (duplicate email, and s1 twice); b@x owns s2; c@x has
// no consent; ghost@x is nobody; s9 is nobody's device.
// a@x consented at 5: its reading at 3 predates consent. b@x consented at 20.
// Without the duplicate (`duplicate` false), strict mode's joins to customers
// keep one row per reading, so removal counts are plain differences.
void WritePlantedLanding(const std::string& dir, bool duplicate = true) {
  WriteText(dir + "/customer/landing/c.json",
            Customer("a@x", "s1", "5") + (duplicate ? Customer("a@x", "s1", "5") : "") +
                Customer("b@x", "s2", "20") + Customer("c@x", "s3", ""));
  WriteText(dir + "/accelerometer/landing/a.json",
            Reading("a@x", 3) + Reading("a@x", 10) + Reading("a@x", 11) + Reading("b@x", 10) +
                Reading("b@x", 30) + Reading("c@x", 10) + Reading("ghost@x", 10) +
                Reading("ghost@x", 12));
  WriteText(dir + "/step_trainer/landing/s.json",
            Step("s1", 10) + Step("s1", 12) + Step("s2", 30) + Step("s2", 3) + Step("s9", 10));
}

std::map<std::string, QualityCheck> ByName(const std::vector<QualityCheck>& checks) {
  std::map<std::string, QualityCheck> m;
  for (const QualityCheck& q : checks) m[q.name] = q;
  return m;
}

Result<BuildReport> Build(const std::string& landing, const std::string& lake, ZoneMode mode) {
  BuildOptions o;
  o.landing_dir = landing;
  o.lake_dir = lake;
  o.mode = mode;
  o.expectations = Expectations{};
  return BuildLake(o);
}

TEST(DataQualityTest, PlantedProblemsAreCountedExactly) {
  TempDir tmp;
  WritePlantedLanding(tmp.Sub("landing"));
  auto r = Build(tmp.Sub("landing"), tmp.Sub("lake"), ZoneMode::kCompat);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto q = ByName(r->quality);
  ASSERT_EQ(q.size(), 8u);
  EXPECT_EQ(q["duplicate_emails"].count, 1u);
  ASSERT_EQ(q["duplicate_emails"].examples.size(), 1u);
  EXPECT_EQ(q["duplicate_emails"].examples[0], "a@x | 2");
  EXPECT_EQ(q["duplicate_serial_numbers"].count, 1u);
  EXPECT_EQ(q["unknown_users"].count, 2u);
  EXPECT_EQ(q["unknown_serial_numbers"].count, 1u);
  // a@x@3 (consent 5) twice, as a@x has two customer rows; b@x@10 (consent 20).
  EXPECT_EQ(q["readings_before_consent"].count, 3u);
  // Trusted accelerometer (compat, a semi-join): a@x 3,10,11 and b@x 10,30.
  // Trusted steps: s1@10, s1@12, s2@30, s2@3. Accelerometer timestamps {3,10,11,30}.
  EXPECT_EQ(q["steps_without_accelerometer"].count, 1u);  // s1@12
  EXPECT_EQ(q["accelerometer_without_steps"].count, 1u);  // a@x@11
  // ml compat: s1@10 pairs a@x@10 and b@x@10; s2@30 b@x; s2@3 a@x@3 -> 2 cross pairs.
  EXPECT_EQ(q["cross_customer_matches"].count, 2u);
  EXPECT_LE(q["unknown_users"].examples.size(), kMaxQualityExamples);
  EXPECT_TRUE(r->strict_removed.empty());
  EXPECT_NE(SummaryTable(*r).find("cross_customer_matches"), std::string::npos);
  EXPECT_NE(SummaryJson(*r).find("\"quality\""), std::string::npos);
}

// The builder runs a check once its declared inputs are built and drops
// tables no later check declares: each check must read only those tables.
TEST(DataQualityTest, EachCheckReadsOnlyItsDeclaredInputs) {
  TempDir tmp;
  WritePlantedLanding(tmp.Sub("landing"));
  for (ZoneMode mode : {ZoneMode::kCompat, ZoneMode::kStrict}) {
    BuildOptions o;
    o.landing_dir = tmp.Sub("landing");
    o.lake_dir = tmp.Sub(std::string("lake_") + ZoneModeName(mode));
    o.mode = mode;
    o.expectations = Expectations{};
    o.keep_tables = true;
    auto r = BuildLake(o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    std::map<std::string, const Table*> tables;
    for (const TableReport& t : r->tables) tables[t.name] = &t.table;
    for (const QualityCheckSpec& spec : QualityCheckSpecs(mode)) {
      ExecContext ctx(1);
      for (const std::string& input : spec.inputs) {
        ASSERT_TRUE(tables.count(input)) << spec.name << " reads " << input;
        ctx.RegisterTable(input, *tables[input]);
      }
      auto check = RunQualityCheck(spec, ctx);
      EXPECT_TRUE(check.ok()) << spec.name << ": " << check.status().ToString();
    }
  }
}

TEST(DataQualityTest, StrictModeReportsWhatItRemoved) {
  TempDir tmp;
  WritePlantedLanding(tmp.Sub("landing"), /*duplicate=*/false);
  auto r = Build(tmp.Sub("landing"), tmp.Sub("lake"), ZoneMode::kStrict);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(ByName(r->quality)["cross_customer_matches"].count, 0u);
  std::map<std::string, StrictRemoval> removed;
  for (const StrictRemoval& s : r->strict_removed) removed[s.table] = s;
  ASSERT_EQ(removed.size(), 4u);
  std::map<std::string, uint64_t> rows;
  for (const TableReport& t : r->tables) rows[t.name] = t.rows;
  for (const auto& [name, s] : removed) {
    EXPECT_EQ(s.strict_rows, rows[name]) << name;
    EXPECT_FALSE(s.reason.empty()) << name;
  }
  EXPECT_EQ(removed["accelerometer_trusted"].compat_rows, 5u);
  EXPECT_EQ(removed["accelerometer_trusted"].removed(), 2u);  // a@x@3, b@x@10
  EXPECT_EQ(removed["customers_curated"].removed(), 0u);
  EXPECT_EQ(removed["step_trainer_trusted"].removed(), 1u);  // s2@3 before b's consent at 20
  EXPECT_NE(SummaryTable(*r).find("removed by strict mode"), std::string::npos);
  EXPECT_NE(SummaryJson(*r).find("\"strict_removed\""), std::string::npos);
}

TEST(DataQualityTest, RealDataKnownFigures) {
  const std::string landing = testing::RealLandingDir();
  if (landing.empty()) GTEST_SKIP() << "real STEDI data not present";
  TempDir tmp;
  BuildOptions o;
  o.landing_dir = landing;
  o.lake_dir = tmp.Sub("compat");
  auto compat = BuildLake(o);
  ASSERT_TRUE(compat.ok()) << compat.status().ToString();
  auto q = ByName(compat->quality);
  EXPECT_EQ(q["cross_customer_matches"].count, 2700u);
  EXPECT_EQ(q["readings_before_consent"].count, 8956u);
  EXPECT_EQ(q["duplicate_emails"].count, 0u);
  EXPECT_EQ(q["unknown_users"].count, 0u);

  o.lake_dir = tmp.Sub("strict");
  o.mode = ZoneMode::kStrict;
  auto strict = BuildLake(o);
  ASSERT_TRUE(strict.ok()) << strict.status().ToString();
  uint64_t strict_accel = 0;
  for (const TableReport& t : strict->tables)
    if (t.name == "accelerometer_trusted") strict_accel = t.rows;
  bool found = false;
  for (const StrictRemoval& s : strict->strict_removed) {
    if (s.table != "accelerometer_trusted") continue;
    found = true;
    EXPECT_EQ(s.compat_rows, 40981u);
    EXPECT_EQ(s.removed(), 40981u - strict_accel);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace stedi
