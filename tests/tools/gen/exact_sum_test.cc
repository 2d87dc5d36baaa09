#include "tools/gen/exact_sum.h"

#include <gtest/gtest.h>

#include <numeric>

namespace stedi::gen {
namespace {

std::vector<uint8_t*> Pointers(std::vector<uint8_t>& v) {
  std::vector<uint8_t*> p;
  for (uint8_t& x : v) p.push_back(&x);
  return p;
}

TEST(ExactSumTest, ReachesTheTargetWithinBounds) {
  Prng rng(1, 0, 0);
  for (int64_t target : {1000, 1500, 2400, 2999, 3000}) {
    std::vector<uint8_t> v(1000, 2);
    auto p = Pointers(v);
    ASSERT_TRUE(NudgeToSum(&p, target, 1, 3, rng));
    EXPECT_EQ(std::accumulate(v.begin(), v.end(), int64_t{0}), target);
    for (uint8_t x : v) {
      EXPECT_GE(x, 1);
      EXPECT_LE(x, 3);
    }
  }
}

TEST(ExactSumTest, ChangesFewEntriesWhenCloseToTheTarget) {
  Prng rng(2, 0, 0);
  std::vector<uint8_t> v(1000, 3);
  auto p = Pointers(v);
  ASSERT_TRUE(NudgeToSum(&p, 2990, 1, 3, rng));
  EXPECT_GE(std::count(v.begin(), v.end(), 3), 990);
}

TEST(ExactSumTest, RefusesAnUnreachableTargetAndChangesNothing) {
  Prng rng(3, 0, 0);
  std::vector<uint8_t> v(10, 2);
  auto p = Pointers(v);
  EXPECT_FALSE(NudgeToSum(&p, 9, 1, 3, rng));
  EXPECT_FALSE(NudgeToSum(&p, 31, 1, 3, rng));
  EXPECT_EQ(v, std::vector<uint8_t>(10, 2));
}

}  // namespace
}  // namespace stedi::gen
