#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include "engine/operators.h"
#include "engine/plan.h"
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
      {{"d", false}},                                 // 64 bits: no room for the row beside the key
      {{"row", false}}};
  for (const auto& keys : cases) {
    for (int threads : {1, 2}) {
      auto got = SortTable(t, keys, threads);
      ASSERT_TRUE(got.ok());
      EXPECT_TRUE(got->Equals(RefSort(t, keys))) << keys[0].column;
    }
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

// An int64 key holding both extremes spans all 2^64 images: no image is
// left for NULL, and descending inverts the whole range. NULLs still go last
// ascending and first descending, values in order, also beside another key.
TEST(SortTest, FullInt64RangeWithNulls) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  for (bool with_null : {false, true}) {
    Column v(TypeId::kInt64), other(TypeId::kInt64);
    const std::vector<int64_t> values = {0, kMax, kMin, -1, 1, kMax, kMin + 1};
    for (size_t i = 0; i < values.size(); ++i) {
      v.AppendInt64(values[i]);
      other.AppendInt64(static_cast<int64_t>(i % 2));
      if (with_null && i % 3 == 0) {
        v.AppendNull();
        other.AppendInt64(static_cast<int64_t>(i % 2));
      }
    }
    Table t = *Table::Make(Schema({{"v", TypeId::kInt64}, {"o", TypeId::kInt64}}), {v, other});
    for (const std::vector<SortKey>& keys :
         std::vector<std::vector<SortKey>>{{{"v", true}},
                                           {{"v", false}},
                                           {{"o", true}, {"v", false}},
                                           {{"v", true}, {"o", false}}}) {
      auto got = SortTable(t, keys);
      ASSERT_TRUE(got.ok());
      EXPECT_TRUE(got->Equals(RefSort(t, keys)))
          << with_null << " " << keys[0].column << keys.size() << keys[0].ascending;
    }
  }
}

// Rows already in order (packed keys and comparison sort) come back as they are.
TEST(SortTest, SortedInputIsKeptAsIs) {
  Table t = RandomTable({{"i", TypeId::kInt32, 30, 0.1},
                         {"big", TypeId::kInt64, 1000000, 0.1},
                         {"row", TypeId::kInt64, 1000000, 0}},
                        2000, 5);
  for (const std::vector<SortKey>& keys : std::vector<std::vector<SortKey>>{
           {{"i", true}, {"row", false}}, {{"big", true}, {"i", false}, {"big", false}}}) {
    auto once = SortTable(t, keys);
    ASSERT_TRUE(once.ok());
    auto twice = SortTable(*once, keys);
    ASSERT_TRUE(twice.ok());
    EXPECT_TRUE(twice->Equals(*once));
    EXPECT_TRUE(twice->Equals(RefSort(t, keys)));
  }
}

// Several threads pack keys in chunks of 65536 rows: one pair out of order
// on either side of a chunk boundary is still found, and threads do not
// change the result.
TEST(SortTest, ThreadsAndChunkBoundaries) {
  const size_t n = 3 * 65536 + 10;
  for (size_t bad : {size_t{65535}, size_t{65536}, size_t{65537}, n - 1}) {
    Column v(TypeId::kInt64), row(TypeId::kInt64);
    for (size_t i = 0; i < n; ++i) {
      v.AppendInt64(static_cast<int64_t>(i == bad ? i - 2 : i));
      row.AppendInt64(static_cast<int64_t>(i));
    }
    Table t = *Table::Make(Schema({{"v", TypeId::kInt64}, {"row", TypeId::kInt64}}), {v, row});
    auto one = SortTable(t, {{"v", true}}, 1);
    auto three = SortTable(t, {{"v", true}}, 3);
    ASSERT_TRUE(one.ok() && three.ok());
    EXPECT_TRUE(one->Equals(*three));
    EXPECT_FALSE(one->Equals(t)) << bad;  // the row moved
    const std::vector<int64_t>& sorted = one->column(0).data<int64_t>();
    EXPECT_TRUE(std::is_sorted(sorted.begin(), sorted.end())) << bad;
    auto again = SortTable(*one, {{"v", true}}, 3);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->Equals(*one));
  }
}

// String keys come out with codes in byte-wise order: values unchanged,
// nulls kept, codes non-decreasing along the sorted column.
TEST(SortTest, StringKeysGetASortedDictionary) {
  Table t = RandomTable({{"s", TypeId::kString, 50, 0.1},
                         {"u", TypeId::kString, 500, 0.2},
                         {"row", TypeId::kInt64, 1000000, 0}},
                        3000, 23);
  for (const std::vector<SortKey>& keys : std::vector<std::vector<SortKey>>{
           {{"s", true}, {"row", true}}, {{"s", false}, {"u", true}, {"s", true}}}) {
    auto got = SortTable(t, keys);
    ASSERT_TRUE(got.ok());
    EXPECT_TRUE(got->Equals(RefSort(t, keys)));
    for (const SortKey& key : keys) {
      const std::string& name = key.column;
      const Column& c = got->column(*got->ColumnIndex(name));
      if (c.type() != TypeId::kString) continue;
      const StringDictionary& dict = c.dictionary();
      for (int32_t code = 1; code < static_cast<int32_t>(dict.size()); ++code) {
        EXPECT_LT(dict.Get(code - 1), dict.Get(code)) << name;
      }
    }
    const Column& lead = got->column(0);
    int32_t last = -1;
    for (size_t i = 0; i < lead.size(); ++i) {
      if (lead.IsNull(i)) continue;
      const int32_t code = lead.codes()[i];
      EXPECT_TRUE(last < 0 || (keys[0].ascending ? last <= code : last >= code)) << i;
      last = code;
    }
  }
}

// A join on a sorted string column keeps the sorted order, where an unsorted
// dictionary (codes in first-appearance order) would reorder the keys.
TEST(SortTest, JoinOnSortedStringKeyKeepsTheOrder) {
  Column k(TypeId::kString), v(TypeId::kInt64), rk(TypeId::kString);
  const char* keys[] = {"m", "c", "x", "c", "a", "m", "x", "a"};
  for (int i = 0; i < 8; ++i) {
    k.AppendString(keys[i]);
    v.AppendInt64(i);
  }
  for (const char* s : {"x", "a", "m", "c"}) rk.AppendString(s);
  ExecContext ctx(1);
  ctx.RegisterTable("l",
                    *Table::Make(Schema({{"k", TypeId::kString}, {"v", TypeId::kInt64}}), {k, v}));
  ctx.RegisterTable("r", *Table::Make(Schema({{"rk", TypeId::kString}}), {rk}));
  auto plan = PlanBuilder::Scan("l")
                  .Sort({{"k", true}})
                  .Join(PlanBuilder::Scan("r"), {"k"}, {"rk"})
                  .Project({"k", "v"})
                  .Build();
  auto got = Execute(plan, ctx);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(testing::Rows(*got), (std::vector<std::string>{"a | 4", "a | 7", "c | 1", "c | 3",
                                                           "m | 0", "m | 5", "x | 2", "x | 6"}));
}

}  // namespace
}  // namespace stedi
