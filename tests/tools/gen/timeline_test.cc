#include "tools/gen/timeline.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace stedi::gen {
namespace {

constexpr int64_t kWindow = kFirstCopyStartMs;

std::vector<CustomerPlan> Customers(Prng& rng) {
  std::vector<CustomerPlan> customers(kCustomers);
  int trusted = 0;
  for (CustomerPlan& c : customers) trusted += c.trusted = rng.Chance(0.5);
  EXPECT_GT(trusted, 400);
  return customers;
}

class TimelineTest : public ::testing::TestWithParam<uint64_t> {};

TEST_P(TimelineTest, SharesTimesOnlyInPlannedPairsInsideTheWindow) {
  Prng rng(GetParam(), 0, 0);
  std::vector<CustomerPlan> customers = Customers(rng);
  ASSERT_TRUE(PlaceTimelines(kWindow, rng, &customers).ok());

  std::map<int64_t, std::vector<int>> owners;  // time -> customers with a reading then
  for (int c = 0; c < kCustomers; ++c) {
    const CustomerPlan& p = customers[c];
    EXPECT_GE(p.period_ms, 2033);
    EXPECT_LE(p.period_ms, 4000);
    EXPECT_GE(p.ReadingTime(0), kWindow);
    EXPECT_LT(p.ReadingTime(kReadingsPerCustomer - 1), kWindow + kCopyWindowMs);
    for (int k = 0; k < kReadingsPerCustomer; ++k) owners[p.ReadingTime(k)].push_back(c);
  }
  int shared_trusted_pairs = 0;
  int shared = 0;
  for (const auto& [time, who] : owners) {
    ASSERT_LE(who.size(), 2u) << "three customers share " << time;
    if (who.size() == 2) {
      ++shared;
      shared_trusted_pairs += customers[who[0]].trusted && customers[who[1]].trusted;
    }
  }
  // The mask marks exactly the readings whose time a trusted other shares.
  for (int c = 0; c < kCustomers; ++c) {
    for (int k = 0; k < kReadingsPerCustomer; ++k) {
      const std::vector<int>& who = owners[customers[c].ReadingTime(k)];
      const bool trusted_other =
          who.size() == 2 && customers[who[0] == c ? who[1] : who[0]].trusted;
      EXPECT_EQ((customers[c].shared_with_trusted >> k) & 1u, trusted_other ? 1u : 0u);
    }
  }
  EXPECT_EQ(shared_trusted_pairs, kSharedTrustedTrusted);
  EXPECT_GT(shared, kSharedTrustedTrusted + 500);  // plus cosmetic coincidences
}

INSTANTIATE_TEST_SUITE_P(Seeds, TimelineTest, ::testing::Values(1, 2, 3, 77, 12345));

}  // namespace
}  // namespace stedi::gen
