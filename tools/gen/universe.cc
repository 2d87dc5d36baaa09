#include "tools/gen/universe.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "tools/gen/exact_sum.h"
#include "tools/gen/identity.h"
#include "tools/gen/prng.h"
#include "tools/gen/timeline.h"

namespace stedi::gen {

namespace {

constexpr uint64_t kPlanStream = 1;

// Partial Fisher-Yates: the first `k` entries become a uniform k-subset of [0, n).
std::vector<uint32_t> Sample(uint32_t n, uint32_t k, Prng& rng) {
  std::vector<uint32_t> v(n);
  std::iota(v.begin(), v.end(), 0);
  for (uint32_t i = 0; i < k; ++i) std::swap(v[i], v[i + rng.Below(n - i)]);
  v.resize(k);
  return v;
}

void ChooseTrusted(Prng& rng, std::vector<CustomerPlan>* customers) {
  for (uint32_t i : Sample(kCustomers, kTrustedCustomers, rng)) (*customers)[i].trusted = true;
}

// Phone readings per step reading, as measured: 3 (84%), 2 (16%), 1 (0.3%).
uint8_t DrawPhoneReadings(Prng& rng) {
  const uint64_t r = rng.Below(10'000);
  return r < 32 ? 1 : r < 1'632 ? 2 : 3;
}

// Makes three totals exact: phone readings of trusted customers at times a
// trusted other shares (the cross-customer join matches), of trusted
// customers elsewhere, and of untrusted customers.
Status AssignPhoneReadings(Prng& rng, std::vector<CustomerPlan>* customers) {
  std::vector<uint8_t*> shared, trusted_rest, untrusted;
  for (CustomerPlan& c : *customers) {
    for (int k = 0; k < kReadingsPerCustomer; ++k) {
      c.phone_readings[k] = DrawPhoneReadings(rng);
      std::vector<uint8_t*>& group = !c.trusted                          ? untrusted
                                     : (c.shared_with_trusted >> k) & 1u ? shared
                                                                         : trusted_rest;
      group.push_back(&c.phone_readings[k]);
    }
  }
  // With few shared readings, 2,700 matches need more phone readings per
  // reading than the real data's usual 1-3 (it has a few up to 6).
  const uint8_t shared_max = shared.size() * 3 >= kCrossCustomerMatches ? 3 : 6;
  const bool ok =
      NudgeToSum(&shared, kCrossCustomerMatches, 1, shared_max, rng) &&
      NudgeToSum(&trusted_rest, kTrustedAccelReadings - kCrossCustomerMatches, 1, 3, rng) &&
      NudgeToSum(&untrusted, kAccelReadings - kTrustedAccelReadings, 1, 3, rng);
  if (!ok) {
    return Status::Internal("stedi-gen: " + std::to_string(shared.size()) +
                            " shared trusted readings cannot carry the reference counts");
  }
  return Status::OK();
}

// Registration falls within the series (as measured: the last reading comes
// 54-74 s after it); most customers never updated; consents date from the
// last update.
void AssignIdentities(uint64_t seed, uint32_t copy, Prng& rng,
                      std::vector<CustomerPlan>* customers) {
  const std::vector<uint32_t> names = Sample(kNamePairs, kCustomers, rng);
  for (uint32_t i = 0; i < customers->size(); ++i) {
    CustomerPlan& c = (*customers)[i];
    c.name_index = static_cast<uint16_t>(names[i]);
    c.birth_year = static_cast<int32_t>(rng.Between(967, 1964));
    c.registration_ms = c.ReadingTime(kReadingsPerCustomer - 1) - rng.Between(54'000, 74'000);
    const uint64_t r = rng.Below(1'000);
    c.last_update_ms = c.registration_ms + (r < 954   ? 0
                                            : r < 960 ? 1
                                                      : rng.Between(58'000, 75'000));
    c.shares_public = rng.Chance(0.514);
    c.shares_friends = rng.Chance(0.531);
    SerialNumberBits(seed, copy, i, rng.Next(), &c.serial_hi, &c.serial_lo);
  }
}

// Each customer's readings newest first, cut into runs of 1-8; round r lists
// every customer's r-th run, so the files interleave customers like the real ones.
std::vector<ReadingRef> EmissionOrder(Prng& rng, const std::vector<CustomerPlan>& customers) {
  std::vector<std::vector<ReadingRef>> runs;  // runs[r]: round r, in customer order
  for (uint16_t c = 0; c < customers.size(); ++c) {
    int k = kReadingsPerCustomer - 1;
    for (size_t round = 0; k >= 0; ++round) {
      if (runs.size() <= round) runs.emplace_back();
      for (int n = static_cast<int>(rng.Between(1, 8)); n > 0 && k >= 0; --n, --k) {
        runs[round].push_back({c, static_cast<uint8_t>(k)});
      }
    }
  }
  std::vector<ReadingRef> order;
  order.reserve(customers.size() * kReadingsPerCustomer);
  for (const std::vector<ReadingRef>& round : runs)
    order.insert(order.end(), round.begin(), round.end());
  return order;
}

}  // namespace

Result<Universe> PlanUniverse(uint64_t seed, uint32_t copy) {
  Universe u;
  u.copy = copy;
  u.customers.resize(kCustomers);
  Prng rng(seed, copy, kPlanStream);
  ChooseTrusted(rng, &u.customers);
  const int64_t window_start = kFirstCopyStartMs + int64_t{copy} * kCopySpacingMs;
  STEDI_RETURN_IF_ERROR(PlaceTimelines(window_start, rng, &u.customers));
  STEDI_RETURN_IF_ERROR(AssignPhoneReadings(rng, &u.customers));
  AssignIdentities(seed, copy, rng, &u.customers);
  u.emission_order = EmissionOrder(rng, u.customers);
  return u;
}

}  // namespace stedi::gen
