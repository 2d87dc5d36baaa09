#include "ingest/column_builder.h"

#include <gtest/gtest.h>

#include <vector>

namespace stedi {
namespace {

TEST(ColumnBuilderTest, OwnColumnGrowsAndKeepsNullSlotsZero) {
  ColumnBuilder b(TypeId::kInt64);
  EXPECT_FALSE(b.shared());
  for (int64_t k = 0; k < 1000; ++k) {
    if (k % 3 == 0) {
      b.AppendNull();
    } else {
      b.AppendInt64(k);
    }
  }
  EXPECT_FALSE(b.full());
  const Column c = b.Finish();
  ASSERT_EQ(c.size(), 1000u);
  EXPECT_EQ(c.null_count(), 334u);
  for (size_t k = 0; k < 1000; ++k) {
    EXPECT_EQ(c.data<int64_t>()[k], k % 3 == 0 ? 0 : static_cast<int64_t>(k));
    EXPECT_EQ(c.IsNull(k), k % 3 == 0);
  }
}

TEST(ColumnBuilderTest, SharedRowsSayWhenFull) {
  Column column(TypeId::kInt64);
  column.data<int64_t>().resize(4);
  ColumnBuilder b(&column, 1, 2);
  EXPECT_TRUE(b.shared());
  EXPECT_FALSE(b.full());
  b.AppendInt64(5);
  b.AppendNull();
  EXPECT_TRUE(b.full());
  const ColumnPart part = b.FinishPart();
  EXPECT_EQ(part.rows, 2u);
  EXPECT_EQ(part.nulls, (std::vector<uint32_t>{1}));
  EXPECT_EQ(column.data<int64_t>(), (std::vector<int64_t>{0, 5, 0, 0}));
}

}  // namespace
}  // namespace stedi
