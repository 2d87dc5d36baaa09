#include "tools/gen/universe.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace stedi::gen {
namespace {

struct Totals {
  int trusted = 0;
  int64_t phone = 0, trusted_phone = 0, cross = 0;
};

Totals Sum(const Universe& u) {
  Totals t;
  for (const CustomerPlan& c : u.customers) {
    t.trusted += c.trusted;
    for (int k = 0; k < kReadingsPerCustomer; ++k) {
      const int m = c.phone_readings[k];
      EXPECT_GE(m, 1);
      t.phone += m;
      if (!c.trusted) continue;
      t.trusted_phone += m;
      if ((c.shared_with_trusted >> k) & 1u) t.cross += m;
    }
  }
  return t;
}

TEST(UniverseTest, EveryCopyCarriesTheReferenceTotals) {
  for (uint32_t copy : {0u, 1u, 99u}) {
    auto u = PlanUniverse(31, copy);
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    ASSERT_EQ(u->customers.size(), size_t{kCustomers});
    const Totals t = Sum(*u);
    EXPECT_EQ(t.trusted, kTrustedCustomers);
    EXPECT_EQ(t.phone, kAccelReadings);
    EXPECT_EQ(t.trusted_phone, kTrustedAccelReadings);
    EXPECT_EQ(t.cross, kCrossCustomerMatches);
  }
}

TEST(UniverseTest, IsAFunctionOfSeedAndCopy) {
  auto a = PlanUniverse(5, 2), b = PlanUniverse(5, 2), c = PlanUniverse(6, 2);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  auto key = [](const Universe& u) {
    std::vector<std::pair<int64_t, uint64_t>> v;
    for (const CustomerPlan& p : u.customers) v.emplace_back(p.first_reading_ms, p.serial_lo);
    return v;
  };
  EXPECT_EQ(key(*a), key(*b));
  EXPECT_NE(key(*a), key(*c));
}

TEST(UniverseTest, CopiesUseDisjointTimeWindows) {
  auto a = PlanUniverse(8, 0), b = PlanUniverse(8, 1);
  ASSERT_TRUE(a.ok() && b.ok());
  int64_t a_last = 0, b_first = INT64_MAX;
  for (const CustomerPlan& c : a->customers) {
    a_last = std::max(a_last, c.ReadingTime(kReadingsPerCustomer - 1));
    a_last = std::max(a_last, c.last_update_ms);
  }
  for (const CustomerPlan& c : b->customers) b_first = std::min(b_first, c.registration_ms);
  EXPECT_LT(a_last, b_first);
}

TEST(UniverseTest, CustomersHaveDistinctNamesAndSerials) {
  auto u = PlanUniverse(4, 0);
  ASSERT_TRUE(u.ok());
  std::set<uint16_t> names;
  std::set<uint64_t> serials;
  for (const CustomerPlan& c : u->customers) {
    names.insert(c.name_index);
    serials.insert(c.serial_lo);
    EXPECT_LE(c.registration_ms, c.last_update_ms);
  }
  EXPECT_EQ(names.size(), size_t{kCustomers});
  EXPECT_EQ(serials.size(), size_t{kCustomers});
}

TEST(UniverseTest, EmissionOrderListsEachReadingOnceNewestFirstPerCustomer) {
  auto u = PlanUniverse(11, 0);
  ASSERT_TRUE(u.ok());
  ASSERT_EQ(u->emission_order.size(), size_t{kCustomers} * kReadingsPerCustomer);
  std::vector<int> next(kCustomers, kReadingsPerCustomer - 1);
  int customer_changes = 0;
  for (size_t i = 0; i < u->emission_order.size(); ++i) {
    const ReadingRef r = u->emission_order[i];
    ASSERT_EQ(r.reading, next[r.customer]--) << "customer " << r.customer;
    customer_changes += i > 0 && r.customer != u->emission_order[i - 1].customer;
  }
  // Interleaved in runs, not one block per customer.
  EXPECT_GT(customer_changes, 3 * kCustomers);
}

}  // namespace
}  // namespace stedi::gen
