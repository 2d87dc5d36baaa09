// The count-only join path (match_count.h) through key normalization, on
// int64 keys read in place (a per-side base), int32 keys (copied), NULLs,
// and every mix of sorted and shuffled sides.
#include "engine/match_count.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>

#include "engine/join_keys.h"
#include "engine/sort_merge_join.h"

namespace stedi {
namespace {

using Keys = std::vector<std::optional<int64_t>>;  // nullopt = NULL

Table MakeTable(const std::string& name, const Keys& keys, TypeId type) {
  Column c(type);
  for (const auto& k : keys) {
    if (!k) {
      c.AppendNull();
    } else if (type == TypeId::kInt32) {
      c.AppendInt32(static_cast<int32_t>(*k));
    } else {
      c.AppendInt64(*k);
    }
  }
  return *Table::Make(Schema({{name, type, true}}), {c});
}

uint64_t NaiveCount(const Keys& l, const Keys& r) {
  std::map<int64_t, uint64_t> seen;
  for (const auto& k : l)
    if (k) ++seen[*k];
  uint64_t c = 0;
  for (const auto& k : r) {
    if (!k) continue;
    auto it = seen.find(*k);
    if (it != seen.end()) c += it->second;
  }
  return c;
}

void ExpectCount(const Keys& l, const Keys& r, const std::string& what,
                 TypeId left_type = TypeId::kInt64, std::optional<uint64_t> known = std::nullopt) {
  const Table lt = MakeTable("k", l, left_type), rt = MakeTable("rk", r, TypeId::kInt64);
  const uint64_t expect = known ? *known : NaiveCount(l, r);
  for (int threads : {1, 2}) {
    auto keys = NormalizeJoinKeys(lt, rt, {"k"}, {"rk"}, threads);
    ASSERT_TRUE(keys.ok()) << keys.status().ToString();
    ASSERT_TRUE(keys->exact);
    EXPECT_EQ(CountKeyMatches(*keys, threads), expect) << what << " threads " << threads;
    EXPECT_EQ(SortMergeCount(*keys, threads), expect) << what;
    EXPECT_EQ(SortMergePairs(*keys, threads).left.size(), expect) << what << " pairs";
  }
}

// Each case shuffled and sorted on either side.
void ExpectCountAllOrders(Keys l, Keys r, const std::string& what) {
  std::mt19937_64 rng(what.size());
  auto sorted = [](Keys k) {
    std::sort(k.begin(), k.end());  // nullopt first: a side with NULLs never counts as sorted
    return k;
  };
  std::shuffle(l.begin(), l.end(), rng);
  std::shuffle(r.begin(), r.end(), rng);
  ExpectCount(l, r, what + " shuffled/shuffled");
  ExpectCount(sorted(l), r, what + " sorted/shuffled");
  ExpectCount(l, sorted(r), what + " shuffled/sorted");
  ExpectCount(sorted(l), sorted(r), what + " sorted/sorted");
}

Keys Range(int64_t n, int64_t step, int64_t from = 0, int copies = 1) {
  Keys k;
  for (int c = 0; c < copies; ++c)
    for (int64_t i = 0; i < n; ++i) {  // wrapping arithmetic, no signed overflow
      k.push_back(static_cast<int64_t>(static_cast<uint64_t>(from) +
                                       static_cast<uint64_t>(i) * static_cast<uint64_t>(step)));
    }
  return k;
}

TEST(MatchCountTest, SmallAndEmpty) {
  ExpectCountAllOrders({}, {}, "empty");
  ExpectCountAllOrders({}, {1, 2}, "empty left");
  ExpectCountAllOrders({3}, {}, "empty right");
  ExpectCountAllOrders({3}, {3}, "one");
  ExpectCountAllOrders({3}, {4}, "one, no match");
  ExpectCountAllOrders({std::nullopt}, {std::nullopt}, "NULLs never match");
}

TEST(MatchCountTest, UniqueDuplicateAndEqualKeys) {
  const int64_t m = 2654435761LL;
  ExpectCountAllOrders(Range(50000, m), Range(50000, m, m * 1000), "unique, partial overlap");
  ExpectCountAllOrders(Range(20000, m, 0, 3), Range(20000, m, 0, 3), "three copies a key");
  ExpectCountAllOrders(Keys(1500, 42), Keys(1000, 42), "all equal");
  Keys skew = Range(30000, 1);
  skew.insert(skew.end(), 1500, int64_t{777});  // a heavy key: its own crowded partition
  ExpectCountAllOrders(skew, skew, "one heavy key");
}

TEST(MatchCountTest, NegativeAndFullWidthKeys) {
  const int64_t lo = INT64_MIN, hi = INT64_MAX;
  ExpectCountAllOrders(Range(40000, -7919, 5), Range(40000, 7919, -300000000), "negative");
  Keys wide = Range(30000, 614891469123651LL, lo);  // spans all 64 bits
  wide.push_back(hi);
  wide.push_back(lo);
  Keys wide_r = wide;
  wide_r.push_back(-1);
  wide_r.push_back(0);
  ExpectCountAllOrders(wide, wide_r, "full 64-bit range");
  ExpectCountAllOrders({lo, hi, 0, -1, lo}, {hi, lo, -1, 1}, "extremes");
}

TEST(MatchCountTest, NullsAndMixedWidths) {
  std::mt19937_64 rng(3);
  Keys l, r;
  for (int i = 0; i < 40000; ++i) {
    l.push_back(i % 10 == 0 ? std::nullopt : std::optional<int64_t>(int64_t(rng() % 50000) - 9));
    r.push_back(i % 7 == 0 ? std::nullopt : std::optional<int64_t>(int64_t(rng() % 50000) - 9));
  }
  ExpectCount(l, r, "nulls");
  // int32 left keys are copied, int64 right keys read in place: different bases.
  ExpectCount(l, r, "int32 left", TypeId::kInt32);
}

TEST(MatchCountTest, LargeInputsUseManyPartitions) {
  const int64_t m = 2654435761LL;
  Keys l = Range(300000, m), r = Range(150000, m, m * 100000, 2);  // 2.4 MB of keys a side
  std::mt19937_64 rng(8);
  std::shuffle(l.begin(), l.end(), rng);
  std::shuffle(r.begin(), r.end(), rng);
  ExpectCount(l, r, "large");
}

// Over 64 partitions (1M keys and more): the write-combining scatter.
TEST(MatchCountTest, MillionsOfKeys) {
  const int64_t m = 2654435761LL;
  Keys l = Range(1200000, m), r = Range(600000, m, m * 900000, 2);
  std::mt19937_64 rng(9);
  std::shuffle(l.begin(), l.end(), rng);
  std::shuffle(r.begin(), r.end(), rng);
  // Keys 900000 .. 1199999 are on both sides, twice on the right.
  ExpectCount(l, r, "millions", TypeId::kInt64, 2 * 300000);
}

}  // namespace
}  // namespace stedi
