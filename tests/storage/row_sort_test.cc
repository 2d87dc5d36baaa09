#include "storage/row_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <random>

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

// The old comparison sort, as the reference: nulls first, then values.
std::vector<uint32_t> ReferenceOrder(const std::vector<std::vector<std::optional<int64_t>>>& cols,
                                     size_t n) {
  std::vector<uint32_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) {
    for (const auto& c : cols) {
      if (c[a] != c[b]) return c[a] < c[b];  // nullopt sorts first
    }
    return false;
  });
  return perm;
}

// Random int64 columns with nulls, narrow and full-range, so the keys need
// more than one 64-bit word and the null flag of a full-range column.
TEST(RowSortTest, MatchesComparisonSortOnWideKeys) {
  std::mt19937_64 rng(7);
  const size_t n = 5000;
  const int64_t ranges[] = {3, 0, 1000, 1 << 20};  // 0: full 64-bit range
  std::vector<std::vector<std::optional<int64_t>>> ref(4);
  std::vector<Column> cols;
  std::vector<Field> fields;
  for (int c = 0; c < 4; ++c) {
    Column col(TypeId::kInt64);
    for (size_t i = 0; i < n; ++i) {
      if (rng() % 7 == 0) {
        col.AppendNull();
        ref[c].push_back(std::nullopt);
        continue;
      }
      int64_t v = static_cast<int64_t>(rng());
      if (ranges[c] != 0) v = v % ranges[c];
      if (c == 1 && i % 2) v = i % 4 ? INT64_MIN : INT64_MAX;
      col.AppendInt64(v);
      ref[c].push_back(v);
    }
    cols.push_back(std::move(col));
    fields.push_back({"c" + std::to_string(c), TypeId::kInt64});
  }
  Table t = MakeTable(fields, cols);
  auto perm = SortPermutation(t, {"c0", "c1", "c2", "c3"});
  ASSERT_TRUE(perm.ok());
  EXPECT_EQ(*perm, ReferenceOrder(ref, n));
  auto perm2 = SortPermutation(t, {"c2", "c0"});
  ASSERT_TRUE(perm2.ok());
  EXPECT_EQ(*perm2, ReferenceOrder({ref[2], ref[0]}, n));
}

TEST(RowSortTest, SortedInputAllNullAndEmpty) {
  Column a(TypeId::kInt32), b(TypeId::kBool);
  for (int i = 0; i < 300; ++i) {
    a.AppendInt32(i / 3 - 20);
    b.AppendNull();
  }
  Table t = MakeTable({{"a", TypeId::kInt32}, {"b", TypeId::kBool}}, {a, b});
  auto perm = SortPermutation(t, {"b", "a"});
  ASSERT_TRUE(perm.ok());
  EXPECT_TRUE(perm->empty());  // already in order: no permutation to apply
  Table empty = MakeTable({{"a", TypeId::kInt32}}, {Column(TypeId::kInt32)});
  auto none = SortPermutation(empty, {"a"});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

Table OneColumn(Column c) {
  const TypeId type = c.type();
  return MakeTable({{"c", type}}, {std::move(c)});
}

Table Int64s(const std::vector<std::optional<int64_t>>& values) {
  Column c(TypeId::kInt64);
  for (const auto& v : values) v ? c.AppendInt64(*v) : c.AppendNull();
  return OneColumn(std::move(c));
}

bool Sorted(const Table& t, const std::vector<std::string>& columns = {"c"}) {
  auto sorted = IsSortedBy(t, columns);
  EXPECT_TRUE(sorted.ok()) << sorted.status().ToString();
  return sorted.ok() && *sorted;
}

TEST(RowSortTest, SortedCheckIntegersAndNullsFirst) {
  EXPECT_TRUE(Sorted(Int64s({})));
  EXPECT_TRUE(Sorted(Int64s({5})));
  EXPECT_TRUE(Sorted(Int64s({INT64_MIN, -1, 0, 0, 7, INT64_MAX})));
  EXPECT_FALSE(Sorted(Int64s({1, 2, 3, 4, 0})));  // only the last row is out of order
  EXPECT_FALSE(Sorted(Int64s({2, 1, 3, 4, 5})));
  EXPECT_TRUE(Sorted(Int64s({std::nullopt, std::nullopt, -5, 3})));
  EXPECT_FALSE(Sorted(Int64s({-5, std::nullopt})));
  EXPECT_FALSE(Sorted(Int64s({std::nullopt, 1, std::nullopt})));
  // A null's slot holds some value: it must not be compared.
  Column c(TypeId::kInt64);
  c.AppendInt64(9);
  c.AppendInt64(10);
  c.mutable_validity().SetNull(1);
  EXPECT_FALSE(Sorted(OneColumn(c)));
  EXPECT_TRUE(IsSortedBy(Int64s({1}), {"nope"}).status().IsNotFound());
}

// Rows tied on the first column are ordered by the second, and only those.
TEST(RowSortTest, SortedCheckTiesGoToTheNextColumn) {
  Column a(TypeId::kInt32), b(TypeId::kInt64);
  const int32_t as[] = {1, 1, 1, 2, 2, 3};
  const int64_t bs[] = {5, 6, 6, 0, 9, -4};  // sorted within each run of a only
  for (int i = 0; i < 6; ++i) {
    a.AppendInt32(as[i]);
    b.AppendInt64(bs[i]);
  }
  Table t = MakeTable({{"a", TypeId::kInt32}, {"b", TypeId::kInt64}}, {a, b});
  EXPECT_TRUE(Sorted(t, {"a", "b"}));
  EXPECT_TRUE(Sorted(t, {"a"}));
  EXPECT_FALSE(Sorted(t, {"b"}));
  EXPECT_FALSE(Sorted(t, {"b", "a"}));
  EXPECT_TRUE(Sorted(t, {}));                              // no columns: every row ties
  std::vector<uint32_t> swap_in_run = {0, 2, 1, 3, 4, 5};  // two equal rows
  EXPECT_TRUE(Sorted(t.Gather(swap_in_run), {"a", "b"}));
  std::vector<uint32_t> swap_b = {1, 0, 2, 3, 4, 5};  // b 6 before 5 within a = 1
  EXPECT_FALSE(Sorted(t.Gather(swap_b), {"a", "b"}));
  EXPECT_TRUE(Sorted(t.Gather(swap_b), {"a"}));
}

// Strings compare by their bytes (unsigned), not by dictionary code.
TEST(RowSortTest, SortedCheckStringsByteWise) {
  Column s(TypeId::kString);
  for (const char* v : {"z", "b", "a", "B", "\xc3\xa9", "ab"}) s.AppendString(v);
  // Codes follow first appearance, so these rows have descending codes.
  const std::vector<uint32_t> by_bytes = {3, 2, 5, 1, 0, 4};  // B a ab b z \xc3\xa9
  Table t = OneColumn(s.Gather(by_bytes));
  EXPECT_TRUE(Sorted(t));
  auto perm = SortPermutation(t, {"c"});
  ASSERT_TRUE(perm.ok());
  EXPECT_TRUE(perm->empty());
  EXPECT_FALSE(Sorted(OneColumn(s)));
  EXPECT_FALSE(Sorted(OneColumn(s.Gather(std::vector<uint32_t>{3, 2, 5, 1, 4, 0}))));
  EXPECT_TRUE(Sorted(OneColumn(s.Gather(std::vector<uint32_t>{2, 2, 2, 5}))));
}

Table Doubles(const std::vector<double>& values) {
  Column c(TypeId::kDouble);
  for (double v : values) c.AppendDouble(v);
  return OneColumn(std::move(c));
}

TEST(RowSortTest, SortedCheckDoublesInTotalOrder) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(Sorted(Doubles({-nan, -inf, -1.5, -0.0, -0.0, 0.0, 0.0, 2, inf, nan})));
  EXPECT_FALSE(Sorted(Doubles({0.0, -0.0})));
  EXPECT_FALSE(Sorted(Doubles({nan, inf})));
  EXPECT_FALSE(Sorted(Doubles({-inf, -nan})));
  EXPECT_FALSE(Sorted(Doubles({1, 2, 3, -0.0})));
  // Whatever the check says, the permutation agrees with it.
  for (const Table& t : {Doubles({0.0, -0.0}), Doubles({-0.0, 0.0, nan})}) {
    auto perm = SortPermutation(t, {"c"});
    ASSERT_TRUE(perm.ok());
    EXPECT_EQ(perm->empty(), Sorted(t));
  }
}

// Random tables with nulls, ties and more rows than one check block: the
// check agrees with the reference order, and a table gathered into that order
// is recognised as sorted unless one pair of rows is then swapped.
TEST(RowSortTest, SortedCheckMatchesReferenceOrder) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 20; ++round) {
    const size_t n = 1 + rng() % 3000;
    std::vector<std::vector<std::optional<int64_t>>> ref(2);
    std::vector<Column> cols;
    for (int c = 0; c < 2; ++c) {
      Column col(TypeId::kInt64);
      for (size_t i = 0; i < n; ++i) {
        const bool null = rng() % 5 == 0;
        const int64_t v = static_cast<int64_t>(rng() % (c == 0 ? 4 : 1000)) - 2;
        null ? col.AppendNull() : col.AppendInt64(v);
        ref[c].push_back(null ? std::nullopt : std::optional<int64_t>(v));
      }
      cols.push_back(std::move(col));
    }
    Table t = MakeTable({{"a", TypeId::kInt64}, {"b", TypeId::kInt64}}, cols);
    const std::vector<uint32_t> order = ReferenceOrder(ref, n);
    std::vector<uint32_t> identity(n);
    std::iota(identity.begin(), identity.end(), 0);
    EXPECT_EQ(Sorted(t, {"a", "b"}), order == identity);
    Table sorted = t.Gather(order);
    EXPECT_TRUE(Sorted(sorted, {"a", "b"}));
    auto perm = SortPermutation(sorted, {"a", "b"});
    ASSERT_TRUE(perm.ok());
    EXPECT_TRUE(perm->empty());
    // Swapping two rows with different keys breaks the order wherever they are.
    const size_t i = rng() % n, j = rng() % n;
    if (sorted.RowToString(std::min(i, j)) == sorted.RowToString(std::max(i, j))) continue;
    std::vector<uint32_t> swapped = identity;
    std::swap(swapped[i], swapped[j]);
    EXPECT_FALSE(Sorted(sorted.Gather(swapped), {"a", "b"})) << "rows " << i << ", " << j;
  }
}

// The block the check works in ends at row 1024: pairs on either side count.
TEST(RowSortTest, SortedCheckAcrossBlocks) {
  for (size_t bad : {1023u, 1024u, 1025u, 2047u, 2048u, 4099u}) {
    std::vector<std::optional<int64_t>> v(4100);
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int64_t>(i / 2);
    EXPECT_TRUE(Sorted(Int64s(v)));
    v[bad] = -1;  // row bad is below row bad - 1
    EXPECT_FALSE(Sorted(Int64s(v))) << bad;
  }
}

}  // namespace
}  // namespace stedi
