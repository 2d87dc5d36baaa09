#include "storage/table_reader.h"

#include <gtest/gtest.h>

#include "storage/table_writer.h"
#include "tests/storage/table_builders.h"
#include "tests/storage/test_util.h"

namespace stedi {
namespace {

class TableReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    table_ = MixedTable(1000, 3);
    WriteOptions opts;
    opts.row_group_rows = 100;
    opts.segment_max_rows = 400;
    ASSERT_TRUE(WriteTable(table_, dir_.Sub("t"), opts).ok());
  }
  TempDir dir_;
  Table table_;
};

TEST_F(TableReaderTest, ProjectionInAskedOrder) {
  ReadOptions opts;
  opts.columns = {"s", "ts", "b"};
  auto back = ReadTable(dir_.Sub("t"), opts);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  auto want = table_.Project(opts.columns);
  ASSERT_TRUE(want.ok());
  EXPECT_TRUE(back->Equals(*want));
  opts.columns = {"nope"};
  EXPECT_TRUE(ReadTable(dir_.Sub("t"), opts).status().IsNotFound());
}

TEST_F(TableReaderTest, ZoneMapsSkipRowGroups) {
  // ts is 1655564444103 + 1000 * row: rows [250, 349] touch row groups 2 and 3.
  ReadOptions opts;
  opts.columns = {"ts", "i32"};
  const int64_t base = 1655564444103;
  opts.predicates = {
      {"ts", ScanPredicate::Kind::kCompare, CompareOp::kGe, Value::Timestamp(base + 250 * 1000)},
      {"ts", ScanPredicate::Kind::kCompare, CompareOp::kLt, Value::Timestamp(base + 350 * 1000)},
  };
  ScanStats stats;
  auto back = ReadTable(dir_.Sub("t"), opts, &stats);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(stats.row_groups_total, 10u);
  EXPECT_EQ(stats.row_groups_skipped, 8u);
  EXPECT_GT(stats.bytes_read, 0u);
  std::vector<uint32_t> rows;
  for (uint32_t r = 200; r < 400; ++r) rows.push_back(r);
  auto want = table_.Gather(rows).Project(opts.columns);
  ASSERT_TRUE(want.ok());
  EXPECT_TRUE(back->Equals(*want));
}

TEST_F(TableReaderTest, NullPredicatesUseNullCounts) {
  ReadOptions opts;
  opts.predicates = {{"all_null", ScanPredicate::Kind::kIsNotNull, CompareOp::kEq, Value()}};
  ScanStats stats;
  auto back = ReadTable(dir_.Sub("t"), opts, &stats);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->num_rows(), 0u);
  EXPECT_EQ(stats.row_groups_skipped, 10u);
  EXPECT_EQ(back->schema(), table_.schema());
  opts.predicates = {{"ghost", ScanPredicate::Kind::kIsNull, CompareOp::kEq, Value()}};
  EXPECT_TRUE(ReadTable(dir_.Sub("t"), opts).status().IsNotFound());
}

TEST_F(TableReaderTest, StringPredicateAndSharedDictionary) {
  ReadOptions opts;
  opts.columns = {"s"};
  auto back = ReadTable(dir_.Sub("t"), opts);
  ASSERT_TRUE(back.ok());
  // One dictionary for the whole column: each distinct string once.
  EXPECT_LE(back->column(0).dictionary().size(), 6u);
  // Strings longer than kMaxStatStringBytes leave a chunk without min/max:
  // such row groups can never be skipped on that column.
  opts.predicates = {{"s", ScanPredicate::Kind::kCompare, CompareOp::kGt, Value::String("\xff")}};
  ScanStats stats;
  back = ReadTable(dir_.Sub("t"), opts, &stats);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(stats.row_groups_skipped, 0u);

  // Short strings have min/max: user = "user3@test.com" is in row group 3 only.
  ASSERT_TRUE(WriteTable(SensorTable(1000), dir_.Sub("sensor"), {.row_group_rows = 100}).ok());
  opts.columns = {"user"};
  opts.predicates = {
      {"user", ScanPredicate::Kind::kCompare, CompareOp::kEq, Value::String("user3@test.com")}};
  back = ReadTable(dir_.Sub("sensor"), opts, &stats);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(stats.row_groups_total, 10u);
  EXPECT_EQ(stats.row_groups_skipped, 9u);
  ASSERT_EQ(back->num_rows(), 100u);
  EXPECT_EQ(back->column(0).GetString(0), "user3@test.com");
  EXPECT_EQ(back->column(0).GetString(99), "user3@test.com");
}

TEST_F(TableReaderTest, MissingFolderAndMixedSchemas) {
  EXPECT_TRUE(ReadTable(dir_.Sub("absent"), {}).status().IsNotFound());
  EXPECT_TRUE(ReadTableSchema(dir_.Sub("absent")).status().IsNotFound());
  ASSERT_TRUE(WriteTable(SensorTable(10), dir_.Sub("other"), {}).ok());
  std::filesystem::copy_file(dir_.Sub("other/seg-000000.sds"), dir_.Sub("t/seg-000099.sds"));
  auto st = ReadTable(dir_.Sub("t"), {}).status();
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_NE(st.message().find("seg-000099.sds"), std::string::npos);
}

}  // namespace
}  // namespace stedi
