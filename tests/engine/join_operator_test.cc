#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "engine/join_keys.h"
#include "engine/operators.h"
#include "engine/plan.h"
#include "engine/sort_merge_join.h"
#include "tests/engine/random_table.h"

namespace stedi {
namespace {

using testing::RandomTable;
using testing::Rows;
using testing::SortedRows;

// Nested-loop reference: does left row i match right row j on all keys?
bool RefMatch(const Table& l, const Table& r, const std::vector<std::string>& lk,
              const std::vector<std::string>& rk, size_t i, size_t j) {
  for (size_t k = 0; k < lk.size(); ++k) {
    const Column& a = l.column(*l.ColumnIndex(lk[k]));
    const Column& b = r.column(*r.ColumnIndex(rk[k]));
    if (a.IsNull(i) || b.IsNull(j)) return false;
    if (a.GetValue(i).Compare(b.GetValue(j)) != 0) return false;
  }
  return true;
}

Table RefJoin(const Table& l, const Table& r, const std::vector<std::string>& lk,
              const std::vector<std::string>& rk) {
  std::vector<uint32_t> li, ri;
  for (size_t i = 0; i < l.num_rows(); ++i) {
    for (size_t j = 0; j < r.num_rows(); ++j) {
      if (RefMatch(l, r, lk, rk, i, j)) li.push_back(i), ri.push_back(j);
    }
  }
  Table a = l.Gather(li), b = r.Gather(ri);
  std::vector<Field> fields = a.schema().fields();
  std::vector<Column> cols = a.columns();
  for (size_t c = 0; c < b.num_columns(); ++c) {
    fields.push_back(b.schema().field(c));
    cols.push_back(b.column(c));
  }
  return *Table::Make(Schema(fields), cols);
}

Table RefSemi(const Table& l, const Table& r, const std::vector<std::string>& lk,
              const std::vector<std::string>& rk, bool anti) {
  std::vector<uint32_t> rows;
  for (size_t i = 0; i < l.num_rows(); ++i) {
    bool any = false;
    for (size_t j = 0; j < r.num_rows() && !any; ++j) any = RefMatch(l, r, lk, rk, i, j);
    if (any != anti) rows.push_back(i);
  }
  return l.Gather(rows);
}

struct JoinCase {
  TypeId left_type;
  TypeId right_type;
  int distinct;
  double nulls;
};

class JoinRandomTest : public ::testing::TestWithParam<JoinCase> {};

TEST_P(JoinRandomTest, MatchesNestedLoops) {
  const JoinCase c = GetParam();
  for (int threads : {1, 2}) {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
      Table l =
          RandomTable({{"k", c.left_type, c.distinct, c.nulls}, {"lv", TypeId::kInt64, 1000, 0.1}},
                      300 + seed * 37, seed);
      Table r =
          RandomTable({{"rk", c.right_type, c.distinct, c.nulls}, {"rv", TypeId::kString, 50, 0.1}},
                      250 + seed * 11, seed + 100);
      auto got = JoinTables(l, r, {"k"}, {"rk"}, JoinType::kInner, threads);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(SortedRows(*got), SortedRows(RefJoin(l, r, {"k"}, {"rk"})));
      // In left order, the nested loop's order: left rows, then right rows.
      auto in_left_order =
          JoinTables(l, r, {"k"}, {"rk"}, JoinType::kInner, threads, JoinOrder::kLeft);
      ASSERT_TRUE(in_left_order.ok()) << in_left_order.status().ToString();
      EXPECT_EQ(Rows(*in_left_order), Rows(RefJoin(l, r, {"k"}, {"rk"})));
      for (bool anti : {false, true}) {
        auto semi =
            JoinTables(l, r, {"k"}, {"rk"}, anti ? JoinType::kAnti : JoinType::kSemi, threads);
        ASSERT_TRUE(semi.ok()) << semi.status().ToString();
        // Semi and anti joins keep the left order, so compare row by row.
        EXPECT_EQ(Rows(*semi), Rows(RefSemi(l, r, {"k"}, {"rk"}, anti)));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Types, JoinRandomTest,
                         ::testing::Values(JoinCase{TypeId::kInt64, TypeId::kInt64, 40, 0.1},
                                           JoinCase{TypeId::kInt32, TypeId::kInt64, 40, 0.1},
                                           JoinCase{TypeId::kTimestamp, TypeId::kTimestamp, 10,
                                                    0.0},
                                           JoinCase{TypeId::kDouble, TypeId::kInt32, 30, 0.1},
                                           JoinCase{TypeId::kString, TypeId::kString, 40, 0.1},
                                           JoinCase{TypeId::kBool, TypeId::kBool, 2, 0.2},
                                           JoinCase{TypeId::kInt64, TypeId::kInt64, 3, 0.0}));

TEST(JoinTest, MultiKeyMatchesNestedLoops) {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    Table l = RandomTable({{"a", TypeId::kString, 5, 0.1},
                           {"b", TypeId::kInt64, 8, 0.1},
                           {"lv", TypeId::kInt32, 100, 0}},
                          400, seed);
    Table r = RandomTable({{"ra", TypeId::kString, 5, 0.1},
                           {"rb", TypeId::kInt32, 8, 0.1},
                           {"rv", TypeId::kDouble, 100, 0}},
                          300, seed + 7);
    auto got = JoinTables(l, r, {"a", "b"}, {"ra", "rb"}, JoinType::kInner, 2);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(SortedRows(*got), SortedRows(RefJoin(l, r, {"a", "b"}, {"ra", "rb"})));
    auto ordered =
        JoinTables(l, r, {"a", "b"}, {"ra", "rb"}, JoinType::kInner, 2, JoinOrder::kLeft);
    ASSERT_TRUE(ordered.ok());
    EXPECT_EQ(Rows(*ordered), Rows(RefJoin(l, r, {"a", "b"}, {"ra", "rb"})));
    auto semi = JoinTables(l, r, {"a", "b"}, {"ra", "rb"}, JoinType::kSemi, 2);
    ASSERT_TRUE(semi.ok());
    EXPECT_EQ(Rows(*semi), Rows(RefSemi(l, r, {"a", "b"}, {"ra", "rb"}, false)));
  }
}

// Three full-range int64 keys need 192 bits: keys are hashed and every
// candidate pair is confirmed.
TEST(JoinTest, WideMultiKeyUsesHashedKeys) {
  auto make = [](const std::vector<int64_t>& a, const std::vector<int64_t>& b, const char* p) {
    Column x(TypeId::kInt64), y(TypeId::kInt64), z(TypeId::kInt64);
    for (size_t i = 0; i < a.size(); ++i) {
      x.AppendInt64(a[i]);
      y.AppendInt64(b[i]);
      z.AppendInt64(a[i] ^ b[i]);
    }
    std::string s(p);
    return *Table::Make(
        Schema({{s + "x", TypeId::kInt64}, {s + "y", TypeId::kInt64}, {s + "z", TypeId::kInt64}}),
        {x, y, z});
  };
  const int64_t big = INT64_MAX, small = INT64_MIN;
  Table l = make({big, small, 0, 5, 5}, {small, big, 0, 6, 7}, "l");
  Table r = make({5, big, 0, 0, small, 5}, {7, small, 1, 0, big, 7}, "r");
  auto keys = NormalizeJoinKeys(l, r, {"lx", "ly", "lz"}, {"rx", "ry", "rz"});
  ASSERT_TRUE(keys.ok());
  EXPECT_FALSE(keys->exact);
  EXPECT_EQ(SortMergeCount(*keys, 1), 5u);
  auto got = JoinTables(l, r, {"lx", "ly", "lz"}, {"rx", "ry", "rz"}, JoinType::kInner, 1);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(SortedRows(*got), SortedRows(RefJoin(l, r, {"lx", "ly", "lz"}, {"rx", "ry", "rz"})));
}

TEST(JoinTest, ManyToManyCountAndOrder) {
  // Keys 0..99 three times on the left, twice on the right: 600 pairs, in key order.
  Column lk(TypeId::kInt64), rk(TypeId::kInt64);
  for (int rep = 0; rep < 3; ++rep)
    for (int k = 99; k >= 0; --k) lk.AppendInt64(k * 2654435761LL);
  for (int rep = 0; rep < 2; ++rep)
    for (int k = 0; k < 100; ++k) rk.AppendInt64(k * 2654435761LL);
  Table l = *Table::Make(Schema({{"k", TypeId::kInt64}}), {lk});
  Table r = *Table::Make(Schema({{"rk", TypeId::kInt64}}), {rk});
  auto keys = NormalizeJoinKeys(l, r, {"k"}, {"rk"});
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(SortMergeCount(*keys, 2), 600u);
  JoinPairs pairs = SortMergePairs(*keys, 2);
  ASSERT_EQ(pairs.left.size(), 600u);
  for (size_t i = 1; i < pairs.left.size(); ++i) {
    const int64_t prev = l.column(0).data<int64_t>()[pairs.left[i - 1]];
    const int64_t cur = l.column(0).data<int64_t>()[pairs.left[i]];
    ASSERT_LE(prev, cur);
    if (prev == cur) {  // within a key: left row order, then right row order
      ASSERT_TRUE(pairs.left[i - 1] < pairs.left[i] ||
                  (pairs.left[i - 1] == pairs.left[i] && pairs.right[i - 1] < pairs.right[i]));
    }
  }
}

TEST(JoinTest, StringKeysAcrossDictionaries) {
  Column a(TypeId::kString), b(TypeId::kString);
  for (const char* s : {"x", "y", "z", "y"}) a.AppendString(s);
  for (const char* s : {"w", "y", "q", "x", "y"}) b.AppendString(s);  // different codes
  b.AppendNull();
  Table l = *Table::Make(Schema({{"k", TypeId::kString}}), {a});
  Table r = *Table::Make(Schema({{"rk", TypeId::kString}}), {b});
  auto got = JoinTables(l, r, {"k"}, {"rk"}, JoinType::kInner, 1);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(SortedRows(*got),
            (std::vector<std::string>{"x | x", "y | y", "y | y", "y | y", "y | y"}));
  auto anti = JoinTables(l, r, {"k"}, {"rk"}, JoinType::kAnti, 1);
  ASSERT_TRUE(anti.ok());
  EXPECT_EQ(Rows(*anti), (std::vector<std::string>{"z"}));
}

TEST(JoinTest, LargeRandomParallelMatchesSingleThread) {
  Table l = RandomTable({{"k", TypeId::kInt64, 200000, 0.01}}, 300000, 5);
  Table r = RandomTable({{"rk", TypeId::kInt64, 200000, 0.01}}, 200000, 6);
  auto keys = NormalizeJoinKeys(l, r, {"k"}, {"rk"});
  ASSERT_TRUE(keys.ok());
  JoinPairs one = SortMergePairs(*keys, 1);
  JoinPairs two = SortMergePairs(*keys, 2);
  EXPECT_TRUE(std::equal(one.left.begin(), one.left.end(), two.left.begin(), two.left.end()));
  EXPECT_TRUE(std::equal(one.right.begin(), one.right.end(), two.right.begin(), two.right.end()));
  EXPECT_EQ(SortMergeCount(*keys, 2), one.left.size());
  // Independent check of the count: per-key multiplicities.
  std::map<int64_t, uint64_t> lcount;
  for (size_t i = 0; i < l.num_rows(); ++i)
    if (!l.column(0).IsNull(i)) ++lcount[l.column(0).data<int64_t>()[i]];
  uint64_t expect = 0;
  for (size_t i = 0; i < r.num_rows(); ++i)
    if (!r.column(0).IsNull(i)) {
      auto it = lcount.find(r.column(0).data<int64_t>()[i]);
      if (it != lcount.end()) expect += it->second;
    }
  EXPECT_EQ(one.left.size(), expect);
}

TEST(JoinTest, ErrorsAreStatuses) {
  Table l = RandomTable({{"k", TypeId::kInt64, 5, 0}, {"v", TypeId::kString, 5, 0}}, 10, 1);
  Table r = RandomTable({{"k2", TypeId::kString, 5, 0}, {"v", TypeId::kInt64, 5, 0}}, 10, 2);
  EXPECT_TRUE(JoinTables(l, r, {"nope"}, {"k2"}, JoinType::kSemi, 1).status().IsNotFound());
  auto clash = JoinTables(l, r, {"v"}, {"k2"}, JoinType::kInner, 1);  // both sides have "v"
  ASSERT_TRUE(clash.status().IsInvalidArgument());
  EXPECT_NE(clash.status().message().find("'v'"), std::string::npos);
  EXPECT_TRUE(JoinTables(l, r, {"k"}, {"k2"}, JoinType::kSemi, 1).status().IsInvalidArgument());
  EXPECT_TRUE(JoinTables(l, r, {"v"}, {"k2"}, JoinType::kInner, 1).status().IsInvalidArgument());
  EXPECT_TRUE(JoinTables(l, r, {"k"}, {}, JoinType::kInner, 1).status().IsInvalidArgument());
}

// COUNT(*) with no GROUP BY directly over a join runs as a count of matches
// (CountJoinMatches); it must equal counting the join's rows, and explain
// analyze still shows the join with its row count.
TEST(JoinTest, CountStarOverJoinCountsFromKeys) {
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    Table l =
        RandomTable({{"k", TypeId::kInt64, 60, 0.1}, {"lv", TypeId::kInt32, 9, 0}}, 500, seed);
    Table r = RandomTable({{"rk", TypeId::kInt64, 60, 0.1}}, 400, seed + 50);
    const uint64_t rows = RefJoin(l, r, {"k"}, {"rk"}).num_rows();
    ExecContext ctx(2);
    const auto join = PlanBuilder::Values("l", l).Join(PlanBuilder::Values("r", r), {"k"}, {"rk"});
    auto counted =
        Execute(PlanBuilder(join)
                    .Aggregate({}, {{AggKind::kCount, "", "n"}, {AggKind::kCount, "", ""}})
                    .Build(),
                ctx);
    ASSERT_TRUE(counted.ok()) << counted.status().ToString();
    EXPECT_EQ(Rows(*counted),
              (std::vector<std::string>{std::to_string(rows) + " | " + std::to_string(rows)}));
    EXPECT_EQ(counted->schema().ToString(), "n:int64?, count:int64?");
    auto direct = CountJoinMatches(l, r, {"k"}, {"rk"}, 1);
    ASSERT_TRUE(direct.ok());
    EXPECT_EQ(*direct, rows);
    // A count of a column is not COUNT(*): the join's rows are built.
    auto by_column =
        Execute(PlanBuilder(join).Aggregate({}, {{AggKind::kCount, "lv", "n"}}).Build(), ctx);
    ASSERT_TRUE(by_column.ok());
    EXPECT_EQ(Rows(*by_column), (std::vector<std::string>{std::to_string(rows)}));
    auto text =
        ExplainAnalyze(PlanBuilder(join).Aggregate({}, {{AggKind::kCount, "", "n"}}).Build(), ctx);
    ASSERT_TRUE(text.ok());
    EXPECT_NE(
        text->find("SortMergeJoin left=[k] right=[rk] (count only)  [rows=" + std::to_string(rows)),
        std::string::npos)
        << *text;
  }
  Table l = RandomTable({{"k", TypeId::kInt64, 5, 0}}, 10, 1);
  ExecContext ctx(1);
  auto clash = Execute(PlanBuilder::Values("l", l)
                           .Join(PlanBuilder::Values("r", l), {"k"}, {"k"})
                           .Aggregate({}, {{AggKind::kCount, "", "n"}})
                           .Build(),
                       ctx);
  EXPECT_TRUE(clash.status().IsInvalidArgument()) << "same errors as the full join";
}

}  // namespace
}  // namespace stedi
