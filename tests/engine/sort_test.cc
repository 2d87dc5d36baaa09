#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "engine/operators.h"
#include "tests/engine/random_table.h"

namespace stedi {
namespace {

using testing::RandomTable;

// Reference: std::stable_sort with Value::Compare, NULLs last ascending, first descending.
Table RefSort(const Table& t, const std::vector<SortKey>& keys) {
  std::vector<uint32_t> order(t.num_rows());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    for (const SortKey& k : keys) {
      const Column& c = t.column(*t.ColumnIndex(k.column));
      const bool na = c.IsNull(a), nb = c.IsNull(b);
      if (na || nb) {
        if (na == nb) continue;
        return k.ascending ? nb : na;
      }
      int cmp = c.GetValue(a).Compare(c.GetValue(b));
      if (cmp != 0) return k.ascending ? cmp < 0 : cmp > 0;
    }
    return false;
  });
  return t.Gather(order);
}

TEST(SortTest, MatchesStableReference) {
  Table t = RandomTable({{"s", TypeId::kString, 20, 0.1},
                         {"i", TypeId::kInt32, 30, 0.1},
                         {"d", TypeId::kDouble, 30, 0.1},
                         {"big", TypeId::kInt64, 1000000, 0.1},
                         {"b", TypeId::kBool, 2, 0.1},
                         {"row", TypeId::kInt64, 1000000, 0}},
                        3000, 11);
  const std::vector<std::vector<SortKey>> cases = {
      {{"i", true}},
      {{"s", false}},
      {{"d", true}, {"s", false}},
      {{"b", false}, {"i", true}, {"s", true}},
      {{"big", true}, {"d", false}, {"big", false}},  // > 64 bits: comparison sort
      {{"row", false}}};
  for (const auto& keys : cases) {
    auto got = SortTable(t, keys);
    ASSERT_TRUE(got.ok());
    EXPECT_TRUE(got->Equals(RefSort(t, keys))) << keys[0].column;
  }
}

TEST(SortTest, NegativeZeroAndEmpty) {
  Column d(TypeId::kDouble);
  for (double v : {1.0, -0.0, -2.0, 0.0}) d.AppendDouble(v);
  Table t = *Table::Make(Schema({{"d", TypeId::kDouble}}), {d});
  auto got = SortTable(t, {{"d", true}});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(testing::Rows(*got), (std::vector<std::string>{"-2", "-0", "0", "1"}));
  auto empty = SortTable(Table::Empty(t.schema()), {{"d", false}});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->num_rows(), 0u);
}

}  // namespace
}  // namespace stedi
