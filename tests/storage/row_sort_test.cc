#include "storage/row_sort.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/storage/test_util.h"

namespace stedi {
namespace {

TEST(RowSortTest, StableNullsFirstMultiColumn) {
  Column s(TypeId::kString), d(TypeId::kDouble), i(TypeId::kInt64);
  const char* strs[] = {"b", "a", nullptr, "b", "a", nullptr};
  const double dbl[] = {1, 2, 3, -1, 2, std::nan("")};
  for (int r = 0; r < 6; ++r) {
    if (strs[r])
      s.AppendString(strs[r]);
    else
      s.AppendNull();
    d.AppendDouble(dbl[r]);
    i.AppendInt64(r);
  }
  Table t =
      MakeTable({{"s", TypeId::kString}, {"d", TypeId::kDouble}, {"i", TypeId::kInt64}}, {s, d, i});
  auto perm = SortPermutation(t, {"s", "d"});
  ASSERT_TRUE(perm.ok());
  EXPECT_EQ(*perm, (std::vector<uint32_t>{2, 5, 1, 4, 3, 0}));
  EXPECT_TRUE(SortPermutation(t, {"nope"}).status().IsNotFound());
}

}  // namespace
}  // namespace stedi
