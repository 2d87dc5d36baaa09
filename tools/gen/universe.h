// Universe: one copy of the STEDI world, planned before any byte is written.
//
// A copy holds kCustomers customers whose readings, consents and timestamp
// coincidences are arranged so that the eight zone tables built from the copy
// have exactly the reference row counts (reference_shape.h). Copies differ in
// their random choices, emails, serial numbers and time window, so no join
// matches rows of two different copies.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "tools/gen/reference_shape.h"

namespace stedi::gen {

struct CustomerPlan {
  // Step reading k (0 <= k < kReadingsPerCustomer) is at first_reading_ms + k * period_ms.
  int64_t first_reading_ms = 0;
  int32_t period_ms = 0;
  bool trusted = false;  // has shareWithResearchAsOfDate
  // Bit k: reading k's time is also the time of a reading of another trusted customer.
  uint32_t shared_with_trusted = 0;
  // Phone (accelerometer) readings at the time of step reading k.
  std::array<uint8_t, kReadingsPerCustomer> phone_readings{};

  uint16_t name_index = 0;  // see identity.h
  int32_t birth_year = 0;
  int64_t registration_ms = 0;
  int64_t last_update_ms = 0;
  bool shares_public = false;
  bool shares_friends = false;
  uint64_t serial_hi = 0;  // the UUID's two halves
  uint64_t serial_lo = 0;

  int64_t ReadingTime(int k) const { return first_reading_ms + int64_t{k} * period_ms; }
};

// One step reading, in the order the landing files list them.
struct ReadingRef {
  uint16_t customer;
  uint8_t reading;
};

struct Universe {
  uint32_t copy = 0;
  std::vector<CustomerPlan> customers;
  // Step readings in file order: rounds in which each customer, in customer
  // order, reports its next few readings newest first (as the real files do).
  // Phone readings follow the same order, phone_readings of them per entry.
  std::vector<ReadingRef> emission_order;
};

// Plans copy `copy` of the world for `seed`. Deterministic in (seed, copy).
// Fails only with Internal, if the random coincidence plan cannot be
// completed (a bug, never seen for any tested seed).
Result<Universe> PlanUniverse(uint64_t seed, uint32_t copy);

}  // namespace stedi::gen
