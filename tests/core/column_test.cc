#include "core/column.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace stedi {
namespace {

TEST(ColumnTest, AppendAndReadEveryType) {
  Column b(TypeId::kBool), i32(TypeId::kInt32), i64(TypeId::kInt64), d(TypeId::kDouble),
      s(TypeId::kString), ts(TypeId::kTimestamp);
  b.AppendBool(true);
  i32.AppendInt32(-7);
  i64.AppendInt64(std::numeric_limits<int64_t>::min());
  d.AppendDouble(1.5);
  s.AppendString("héllo");
  ts.AppendInt64(1655564376361);
  EXPECT_EQ(b.ValueToString(0), "true");
  EXPECT_EQ(i32.ValueToString(0), "-7");
  EXPECT_EQ(i64.ValueToString(0), "-9223372036854775808");
  EXPECT_EQ(d.ValueToString(0), "1.5");
  EXPECT_EQ(s.GetString(0), "héllo");
  EXPECT_EQ(ts.GetValue(0), Value::Timestamp(1655564376361));
}

TEST(ColumnTest, NullsAreTrackedAndGathered) {
  Column c(TypeId::kInt64);
  for (int i = 0; i < 100; ++i) {
    if (i % 3 == 0) {
      c.AppendNull();
    } else {
      c.AppendInt64(i);
    }
  }
  EXPECT_EQ(c.null_count(), 34u);
  std::vector<uint32_t> rows = {0, 1, 2, 99};
  Column g = c.Gather(rows);
  ASSERT_EQ(g.size(), 4u);
  EXPECT_TRUE(g.IsNull(0));
  EXPECT_EQ(g.data<int64_t>()[1], 1);
  EXPECT_TRUE(g.IsNull(3));
  EXPECT_EQ(g.null_count(), 2u);
}

TEST(ColumnTest, StringGatherSharesDictionaryAndAppendMerges) {
  Column a(TypeId::kString);
  a.AppendString("x");
  a.AppendString("y");
  a.AppendString("x");
  std::vector<uint32_t> rows = {2, 1};
  Column g = a.Gather(rows);
  EXPECT_EQ(g.shared_dictionary(), a.shared_dictionary());
  EXPECT_EQ(g.GetString(0), "x");
  Column b(TypeId::kString);
  b.AppendString("z");
  b.AppendString("x");
  g.AppendColumn(b);
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(g.GetString(2), "z");
  EXPECT_EQ(g.GetString(3), "x");
  // Copy-on-write: the original column's dictionary was not touched.
  EXPECT_EQ(a.dictionary().size(), 2u);
}

TEST(ColumnTest, EqualsComparesStringsByContentAndNaNBitwise) {
  Column a(TypeId::kString), b(TypeId::kString);
  b.AppendString("other");  // b's codes differ from a's
  b = Column(TypeId::kString);
  b.mutable_dictionary().Intern("zzz");
  a.AppendString("p");
  b.AppendString("p");
  EXPECT_TRUE(a.Equals(b));
  Column d1(TypeId::kDouble), d2(TypeId::kDouble);
  d1.AppendDouble(std::nan(""));
  d2.AppendDouble(std::nan(""));
  EXPECT_TRUE(d1.Equals(d2));
  d2.AppendDouble(1);
  EXPECT_FALSE(d1.Equals(d2));
}

TEST(ColumnTest, CopiesShareValuesUntilOneChanges) {
  Column a(TypeId::kInt64);
  for (int64_t v : {1, 2, 3}) a.AppendInt64(v);
  const Column b = a;
  // A copy reads the same vector: no values were copied.
  EXPECT_EQ(b.data<int64_t>().data(), std::as_const(a).data<int64_t>().data());

  a.data<int64_t>()[0] = 10;  // the writer gets its own copy first
  a.AppendInt64(4);
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.data<int64_t>(), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(std::as_const(a).data<int64_t>(), (std::vector<int64_t>{10, 2, 3, 4}));

  // Once unique again, a column writes in place.
  const int64_t* before = std::as_const(a).data<int64_t>().data();
  a.data<int64_t>()[1] = 20;
  EXPECT_EQ(std::as_const(a).data<int64_t>().data(), before);
}

TEST(ColumnTest, StringCopiesShareCodesUntilOneChanges) {
  Column a(TypeId::kString);
  a.AppendString("x");
  a.AppendString("y");
  Column b = a;
  b.AppendString("z");
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(a.codes().size(), 2u);
  EXPECT_EQ(b.GetString(2), "z");
  EXPECT_EQ(a.GetString(1), "y");
}

}  // namespace
}  // namespace stedi
