#include "storage/row_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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
  std::vector<uint32_t> identity(300);
  std::iota(identity.begin(), identity.end(), 0);
  EXPECT_EQ(*perm, identity);
  Table empty = MakeTable({{"a", TypeId::kInt32}}, {Column(TypeId::kInt32)});
  auto none = SortPermutation(empty, {"a"});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace stedi
