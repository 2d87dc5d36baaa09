// The shape of the real STEDI starter data that every generated copy mirrors.
//
// Measured on the Udacity landing files (see docs/GENERATOR.md): every email
// and serial number is unique, every customer has 30 step readings at a fixed
// period and 1-3 phone readings at each step reading's time, and 2,700 of the
// machine-learning join's rows pair a step reading with another trusted
// customer's phone reading that happens to share its timestamp.
#pragma once

#include <cstdint>

namespace stedi::gen {

inline constexpr int kCustomers = 956;
inline constexpr int kTrustedCustomers = 482;  // shareWithResearchAsOfDate present
inline constexpr int kReadingsPerCustomer = 30;
inline constexpr int64_t kAccelReadings = 81'273;
inline constexpr int64_t kTrustedAccelReadings = 40'981;
// Rows of step_trainer_trusted JOIN accelerometer_trusted contributed by a
// different trusted customer's reading at the same millisecond.
inline constexpr int64_t kCrossCustomerMatches = 2'700;

// Shared timestamps planned per copy, by the consent of the two customers
// involved; only the trusted-trusted ones change a reference count.
inline constexpr int kSharedTrustedTrusted = 475;
inline constexpr int kSharedTrustedUntrusted = 690;
inline constexpr int kSharedUntrustedUntrusted = 330;

// Step reading periods are k * 100/3 ms for k in [61, 120] (2,033..4,000 ms).
inline constexpr int kMinPeriodTicks = 61;
inline constexpr int kMaxPeriodTicks = 120;

// Copy c occupies [kFirstCopyStartMs + c * kCopySpacingMs, + kCopyWindowMs).
inline constexpr int64_t kFirstCopyStartMs = 1'655'560'800'000;  // 2022-06-18T14:00Z
inline constexpr int64_t kCopySpacingMs = 3'600'000;
inline constexpr int64_t kCopyWindowMs = 45 * 60'000;
// The largest --scale whose timestamps stay in 2022.
inline constexpr uint32_t kMaxScale = 4'700;

}  // namespace stedi::gen
