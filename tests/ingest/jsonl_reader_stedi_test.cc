// IngestFiles on the real STEDI landing files, when they are present.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "ingest/jsonl_reader.h"

namespace stedi {
namespace {

const std::string kLanding = STEDI_SOURCE_DIR "/../shared/stedi";

Schema CustomerSchema() {
  std::vector<Field> f;
  for (const char* s : {"customerName", "email", "phone", "birthDay", "serialNumber"}) {
    f.push_back(Field{s, TypeId::kString, true});
  }
  for (const char* t : {"registrationDate", "lastUpdateDate", "shareWithResearchAsOfDate",
                        "shareWithPublicAsOfDate", "shareWithFriendsAsOfDate"}) {
    f.push_back(Field{t, TypeId::kTimestamp, true});
  }
  return Schema(f);
}

Schema AccelerometerSchema() {
  return Schema({Field{"user", TypeId::kString, true}, Field{"timestamp", TypeId::kTimestamp, true},
                 Field{"x", TypeId::kDouble, true}, Field{"y", TypeId::kDouble, true},
                 Field{"z", TypeId::kDouble, true}});
}

Schema StepTrainerSchema() {
  return Schema({Field{"sensorReadingTime", TypeId::kTimestamp, true},
                 Field{"serialNumber", TypeId::kString, true},
                 Field{"distanceFromObject", TypeId::kInt32, true}});
}

struct Source {
  std::string folder;
  Schema schema;
  uint64_t rows;
};

class StediLandingTest : public ::testing::TestWithParam<Source> {};

TEST_P(StediLandingTest, LoadsEveryRecordWithoutRejections) {
  const Source& s = GetParam();
  const std::string dir = kLanding + "/" + s.folder + "/landing";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no STEDI landing data at " << dir;
  auto files = ListLandingFiles(dir);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_FALSE(files->empty());
  Table first;
  for (int threads : {1, 2}) {
    IngestOptions options;
    options.mode = BadRecordMode::kFail;
    options.threads = threads;
    auto r = IngestFiles(*files, s.schema, options);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->table.num_rows(), s.rows);
    EXPECT_EQ(r->stats.records_loaded, s.rows);
    EXPECT_EQ(r->stats.records_rejected, 0u);
    EXPECT_EQ(r->stats.unknown_fields, 0u);
    EXPECT_EQ(r->stats.files, files->size());
    EXPECT_EQ(r->stats.lines_read, r->stats.records_loaded + r->stats.blank_lines);
    if (threads == 1) {
      first = r->table;
    } else {
      EXPECT_TRUE(r->table.Equals(first));
    }
  }
  // Every declared column holds data: the schema's names really matched.
  for (size_t c = 0; c < first.num_columns(); ++c) {
    EXPECT_LT(first.column(c).null_count(), first.num_rows()) << first.schema().field(c).name;
  }
}

INSTANTIATE_TEST_SUITE_P(Real, StediLandingTest,
                         ::testing::Values(Source{"customer", CustomerSchema(), 956},
                                           Source{"accelerometer", AccelerometerSchema(), 81273},
                                           Source{"step_trainer", StepTrainerSchema(), 28680}),
                         [](const auto& info) { return info.param.folder; });

TEST(StediLandingTest, InferredSchemaMatchesTheDeclaredShapes) {
  const std::string dir = kLanding + "/accelerometer/landing";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no STEDI landing data at " << dir;
  auto files = ListLandingFiles(dir);
  ASSERT_TRUE(files.ok());
  auto schema = InferSchema(*files);
  ASSERT_TRUE(schema.ok());
  // x, y, z are written as 1.0, 0.0 ... so they infer as double; timestamp as int64.
  EXPECT_EQ(schema->ToString(), "user:string?, timestamp:int64?, x:double?, y:double?, z:double?");
}

}  // namespace
}  // namespace stedi
