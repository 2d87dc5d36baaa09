#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "engine/operators.h"
#include "tests/engine/random_table.h"

namespace stedi {
namespace {

using testing::RandomTable;

struct RefAgg {
  int64_t count_star = 0, count = 0, isum = 0;
  double dsum = 0;
  bool any = false;
  std::set<std::string> distinct;
  std::optional<Value> min, max;
};

TEST(AggregateTest, MatchesMapReference) {
  Table t = RandomTable({{"g", TypeId::kString, 7, 0.1},
                         {"h", TypeId::kInt32, 3, 0.1},
                         {"v", TypeId::kInt64, 50, 0.2},
                         {"d", TypeId::kDouble, 20, 0.2},
                         {"s", TypeId::kString, 30, 0.2}},
                        4000, 21);
  auto got = AggregateTable(t, {"g", "h"},
                            {{AggKind::kCount, "", "n"},
                             {AggKind::kCount, "v", "nv"},
                             {AggKind::kCountDistinct, "s", "ds"},
                             {AggKind::kSum, "v", "sv"},
                             {AggKind::kSum, "d", "sd"},
                             {AggKind::kMin, "s", "mins"},
                             {AggKind::kMax, "d", "maxd"}});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  std::map<std::string, RefAgg> ref;
  const Column &g = t.column(0), &h = t.column(1), &v = t.column(2), &d = t.column(3),
               &s = t.column(4);
  for (size_t r = 0; r < t.num_rows(); ++r) {
    RefAgg& a = ref[g.ValueToString(r) + " | " + h.ValueToString(r)];
    ++a.count_star;
    if (!v.IsNull(r)) ++a.count, a.isum += v.data<int64_t>()[r];
    if (!d.IsNull(r)) a.dsum += d.data<double>()[r], a.any = true;
    if (!s.IsNull(r)) {
      a.distinct.insert(std::string(s.GetString(r)));
      if (!a.min || s.GetValue(r).Compare(*a.min) < 0) a.min = s.GetValue(r);
    }
    if (!d.IsNull(r) && (!a.max || d.GetValue(r).Compare(*a.max) > 0)) a.max = d.GetValue(r);
  }
  ASSERT_EQ(got->num_rows(), ref.size());
  for (size_t r = 0; r < got->num_rows(); ++r) {
    const std::string key =
        got->column(0).ValueToString(r) + " | " + got->column(1).ValueToString(r);
    ASSERT_TRUE(ref.count(key)) << key;
    const RefAgg& a = ref[key];
    std::string expect =
        key + " | " + std::to_string(a.count_star) + " | " + std::to_string(a.count) + " | " +
        std::to_string(a.distinct.size()) + " | " + (a.count ? std::to_string(a.isum) : "NULL") +
        " | " + (a.any ? Value::Double(a.dsum).ToString() : "NULL") + " | " +
        (a.min ? a.min->ToString() : "NULL") + " | " + (a.max ? a.max->ToString() : "NULL");
    EXPECT_EQ(got->RowToString(r), expect);
  }
  EXPECT_EQ(got->schema().field(3).type, TypeId::kInt64);
  EXPECT_EQ(got->schema().field(6).type, TypeId::kDouble);
  EXPECT_EQ(got->schema().field(7).type, TypeId::kString);
}

TEST(AggregateTest, NoGroupByGivesOneRowEvenWhenEmpty) {
  Table t = RandomTable({{"v", TypeId::kInt64, 10, 0}}, 0, 1);
  auto got = AggregateTable(t, {},
                            {{AggKind::kCount, "", "n"},
                             {AggKind::kCountDistinct, "v", "d"},
                             {AggKind::kSum, "v", "s"},
                             {AggKind::kMin, "v", "m"}});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(testing::Rows(*got), (std::vector<std::string>{"0 | 0 | NULL | NULL"}));
  Table t2 = RandomTable({{"v", TypeId::kInt64, 10, 0}}, 100, 1);
  auto got2 = AggregateTable(t2, {}, {{AggKind::kCount, "", "n"}});
  ASSERT_TRUE(got2.ok());
  EXPECT_EQ(testing::Rows(*got2), (std::vector<std::string>{"100"}));
}

}  // namespace
}  // namespace stedi
