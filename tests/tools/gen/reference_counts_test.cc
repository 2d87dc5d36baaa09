#include "reference_counts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scratch_dir.h"

namespace stedi::testing {
namespace {

namespace fs = std::filesystem;

void WriteLines(const fs::path& root, const std::string& table, const std::string& text) {
  fs::create_directories(root / table / "landing");
  std::ofstream(root / table / "landing" / (table + "-1.json")) << text;
}

TEST(ReferenceCountsTest, RealStarterDataGivesTheReferenceCounts) {
  const std::string real = STEDI_SOURCE_DIR "/../shared/stedi";
  if (!fs::exists(real + "/customer/landing")) GTEST_SKIP() << "no real STEDI data at " << real;
  const ReferenceCounts n = CountZones(real);
  ASSERT_EQ(n.error, "");
  EXPECT_EQ(n.customer_landing, 956u);
  EXPECT_EQ(n.accelerometer_landing, 81273u);
  EXPECT_EQ(n.step_trainer_landing, 28680u);
  EXPECT_EQ(n.customer_trusted, 482u);
  EXPECT_EQ(n.accelerometer_trusted, 40981u);
  EXPECT_EQ(n.customers_curated, 482u);
  EXPECT_EQ(n.step_trainer_trusted, 14460u);
  EXPECT_EQ(n.machine_learning_curated, 43681u);
}

// Hand-made landing data exercising each rule, counted by hand below.
TEST(ReferenceCountsTest, AppliesTheJoinRulesToDuplicatesNullsAndCoincidences) {
  ScratchDir dir("rules");
  WriteLines(dir.path(), "customer",
             // a@: trusted twice (duplicate email, two serials); b@: consent null;
             // c@: untrusted (field absent); d@: trusted but no phone readings.
             R"({"email":"a@x","serialNumber":"S1","shareWithResearchAsOfDate":5})"
             "\n"
             R"({"email":"a@x","serialNumber":"S2","shareWithResearchAsOfDate":6})"
             "\n"
             R"({"email":"b@x","serialNumber":"S3","shareWithResearchAsOfDate":null})"
             "\n"
             R"({"email":"c@x","serialNumber":"S4"})"
             "\n"
             R"({"serialNumber":"S5","shareWithResearchAsOfDate":7,"email":"d@x"})"
             "\n");
  WriteLines(dir.path(), "accelerometer",
             R"({"user":"a@x","timestamp":100,"x":0.0,"y":0.0,"z":0.0})"
             "\n"
             R"({"user":"a@x","timestamp":200,"x":0.0,"y":0.0,"z":0.0})"
             "\n"
             R"({"user":"b@x","timestamp":100,"x":0.0,"y":0.0,"z":0.0})"
             "\n"
             R"({"user":"c@x","timestamp":200,"x":0.0,"y":0.0,"z":0.0})"
             "\n");
  WriteLines(dir.path(), "step_trainer",
             R"({"sensorReadingTime":100,"serialNumber":"S1","distanceFromObject":1})"
             "\n"
             R"({"sensorReadingTime":200,"serialNumber":"S2","distanceFromObject":1})"
             "\n"
             R"({"sensorReadingTime":300,"serialNumber":"S2","distanceFromObject":1})"
             "\n"
             R"({"sensorReadingTime":100,"serialNumber":"S3","distanceFromObject":1})"
             "\n"
             R"({"sensorReadingTime":200,"serialNumber":"S5","distanceFromObject":1})"
             "\n");
  const ReferenceCounts n = CountZones(dir.path().string());
  ASSERT_EQ(n.error, "");
  EXPECT_EQ(n.customer_landing, 5u);
  EXPECT_EQ(n.accelerometer_landing, 4u);
  EXPECT_EQ(n.step_trainer_landing, 5u);
  EXPECT_EQ(n.customer_trusted, 3u);       // a@ twice, d@
  EXPECT_EQ(n.accelerometer_trusted, 4u);  // a@'s two readings, once per a@ row
  EXPECT_EQ(n.customers_curated, 2u);      // both a@ rows; d@ has no readings
  EXPECT_EQ(n.step_trainer_trusted, 3u);   // S1 and S2 readings; S3, S5 not curated
  // S1@100 and S2@200 each meet a@'s trusted rows twice; S2@300 meets nothing.
  EXPECT_EQ(n.machine_learning_curated, 4u);
}

TEST(ReferenceCountsTest, NamesTheFileAndLineOfABadRecord) {
  ScratchDir dir("bad");
  WriteLines(dir.path(), "customer",
             R"({"email":"a@x","serialNumber":"S1"})"
             "\n"
             R"({"email":"b@x","serialNumber":17})"
             "\n");
  WriteLines(dir.path(), "accelerometer", "");
  WriteLines(dir.path(), "step_trainer", "");
  const ReferenceCounts n = CountZones(dir.path().string());
  EXPECT_NE(n.error.find("customer-1.json: line 2"), std::string::npos) << n.error;
}

}  // namespace
}  // namespace stedi::testing
