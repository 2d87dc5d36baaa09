// Places every customer's series of step readings in a copy's time window.
//
// Readings of two customers share a millisecond only where this planner
// decides so, and then exactly two customers share it (never three), which
// makes the machine-learning join's cross-customer matches a plain sum over
// the shared readings. About kShared* timestamps per copy are shared, mostly
// single crossings of two series, sometimes runs of two series with the same
// period in step (as in the real data).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "tools/gen/prng.h"
#include "tools/gen/universe.h"

namespace stedi::gen {

// Sets first_reading_ms, period_ms and shared_with_trusted of each customer.
// Every reading time falls in [window_start_ms, window_start_ms + kCopyWindowMs).
// REQUIRES: `trusted` is set on each customer; customers->size() < 65536.
// Returns Internal if a series could not be placed.
Status PlaceTimelines(int64_t window_start_ms, Prng& rng, std::vector<CustomerPlan>* customers);

}  // namespace stedi::gen
