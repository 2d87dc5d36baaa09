#include <gtest/gtest.h>

#include <set>

#include "engine/operators.h"
#include "tests/engine/random_table.h"

namespace stedi {
namespace {

using testing::RandomTable;
using testing::Rows;

TEST(DistinctTest, FirstOccurrencesMatchReference) {
  Table t = RandomTable({{"s", TypeId::kString, 6, 0.2},
                         {"i", TypeId::kInt32, 5, 0.2},
                         {"d", TypeId::kDouble, 4, 0.2},
                         {"x", TypeId::kInt64, 100000, 0}},
                        5000, 3);
  for (const std::vector<std::string>& cols :
       std::vector<std::vector<std::string>>{{"s"}, {"s", "i"}, {"i", "d", "s"}, {}}) {
    auto got = DistinctTable(t, cols);
    ASSERT_TRUE(got.ok());
    Table proj = cols.empty() ? t : *t.Project(cols);
    std::set<std::string> seen;
    std::vector<std::string> expect;
    for (size_t r = 0; r < proj.num_rows(); ++r) {
      if (seen.insert(proj.RowToString(r)).second) expect.push_back(proj.RowToString(r));
    }
    EXPECT_EQ(Rows(*got), expect);
  }
  EXPECT_TRUE(DistinctTable(t, {"nope"}).status().IsNotFound());
}

TEST(DistinctTest, NullsFormOneGroupAndZerosMerge) {
  Column d(TypeId::kDouble);
  d.AppendDouble(0.0);
  d.AppendNull();
  d.AppendDouble(-0.0);
  d.AppendNull();
  Table t = *Table::Make(Schema({{"d", TypeId::kDouble}}), {d});
  auto got = DistinctTable(t, {});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(Rows(*got), (std::vector<std::string>{"0", "NULL"}));
}

}  // namespace
}  // namespace stedi
