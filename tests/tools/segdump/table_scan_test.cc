#include "tools/segdump/table_scan.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::TempDir;

class TableScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteSmallTable(tmp_.Sub("t"));  // three row groups of two rows
    auto target = ResolveTarget(tmp_.Sub("t"));
    ASSERT_TRUE(target.ok());
    auto segments = OpenSegments(*target);
    ASSERT_TRUE(segments.ok());
    segments_ = std::move(segments).value();
  }
  TempDir tmp_;
  Segments segments_;
};

TEST_F(TableScanTest, HeadWithoutWhereReadsOnlyTheRowGroupsItNeeds) {
  auto r = ScanTable(segments_, {{}, {}, 3});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.num_rows(), 3u);
  EXPECT_EQ(r->rows_read, 4u);
  EXPECT_EQ(r->stats.row_groups_total, 3u);
  EXPECT_EQ(r->stats.row_groups_skipped, 1u);
  EXPECT_TRUE(r->rows.Equals(testing::SmallTable().Gather(std::vector<uint32_t>{0, 1, 2})));
}

TEST_F(TableScanTest, WhereSkipsByZoneMapsThenFiltersExactly) {
  auto r = ScanTable(segments_, {{"id"}, {"id > 115", "id < 140"}, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->stats.row_groups_skipped, 2u);  // ids 100-110 and 140-150
  EXPECT_EQ(r->rows_read, 2u);
  EXPECT_EQ(r->rows_matched, 2u);
  ASSERT_EQ(r->rows.num_columns(), 1u);  // the --where column is not added to the output
  EXPECT_EQ(r->rows.RowToString(0), "120");
  EXPECT_EQ(r->rows.RowToString(1), "130");
}

TEST_F(TableScanTest, WhereOnAColumnNotShown) {
  auto r = ScanTable(segments_, {{"name"}, {"score IS NULL"}, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->stats.row_groups_skipped, 2u);  // only the last row group holds a null score
  ASSERT_EQ(r->rows.num_rows(), 1u);
  EXPECT_EQ(r->rows.schema().field(0).name, "name");
  EXPECT_TRUE(r->rows.column(0).IsNull(0));
}

TEST_F(TableScanTest, UnknownColumnIsInvalidArgument) {
  EXPECT_TRUE(ScanTable(segments_, {{"nope"}, {}, std::nullopt}).status().IsInvalidArgument());
  EXPECT_TRUE(ScanTable(segments_, {{}, {"nope = 1"}, std::nullopt}).status().IsInvalidArgument());
}

}  // namespace
}  // namespace stedi::segdump
