// Tables with every type, null pattern and awkward value, for round trips.
#pragma once

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "core/table.h"
#include "tests/storage/test_util.h"

namespace stedi {

// Columns: b bool, i32 int32, i64 int64, d double, s string, ts timestamp,
// plus all_null (int64, every row null). Row i is a pure function of i.
inline Table MixedTable(size_t rows, uint64_t seed = 1) {
  std::mt19937_64 rng(seed);
  Column b(TypeId::kBool), i32(TypeId::kInt32), i64(TypeId::kInt64), d(TypeId::kDouble),
      s(TypeId::kString), ts(TypeId::kTimestamp), all_null(TypeId::kInt64);
  const double specials[] = {std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             -0.0,
                             0.0,
                             -1.0,
                             1.0,
                             0.5};
  const std::string strings[] = {"",
                                 "a",
                                 std::string(300, 'z'),
                                 "Grüße, 世界 🎉",
                                 "Santosh.Clayton@test.com",
                                 "50f7b4f3-7af5-4b07-a421-7b902c8d2b7c"};
  for (size_t i = 0; i < rows; ++i) {
    if (i % 7 == 3)
      b.AppendNull();
    else
      b.AppendBool(rng() % 2);
    if (i % 11 == 5)
      i32.AppendNull();
    else
      i32.AppendInt32(i % 5 == 0 ? std::numeric_limits<int32_t>::min() + static_cast<int32_t>(i % 3)
                                 : static_cast<int32_t>(rng()));
    if (i % 13 == 0)
      i64.AppendNull();
    else if (i % 17 == 1)
      i64.AppendInt64(std::numeric_limits<int64_t>::min());
    else if (i % 17 == 2)
      i64.AppendInt64(std::numeric_limits<int64_t>::max());
    else
      i64.AppendInt64(static_cast<int64_t>(rng() % 1000));
    if (i % 9 == 4)
      d.AppendNull();
    else
      d.AppendDouble(specials[rng() % 8]);
    if (i % 5 == 2)
      s.AppendNull();
    else
      s.AppendString(strings[rng() % 6]);
    ts.AppendInt64(1655564444103 + static_cast<int64_t>(i) * 1000);
    all_null.AppendNull();
  }
  return MakeTable({{"b", TypeId::kBool},
                    {"i32", TypeId::kInt32},
                    {"i64", TypeId::kInt64},
                    {"d", TypeId::kDouble},
                    {"s", TypeId::kString},
                    {"ts", TypeId::kTimestamp, false},
                    {"all_null", TypeId::kInt64}},
                   {b, i32, i64, d, s, ts, all_null});
}

// Sensor-like rows: user string, timestamp, x/y/z in {-1, 0, 1}.
inline Table SensorTable(size_t rows, uint64_t seed = 2) {
  std::mt19937_64 rng(seed);
  Column user(TypeId::kString), ts(TypeId::kTimestamp), x(TypeId::kDouble);
  int64_t t = 1655564444103;
  for (size_t i = 0; i < rows; ++i) {
    user.AppendString("user" + std::to_string(i / 100) + "@test.com");
    ts.AppendInt64(t += static_cast<int64_t>(rng() % 4000));
    x.AppendDouble(static_cast<double>(static_cast<int>(rng() % 3) - 1));
  }
  return MakeTable(
      {{"user", TypeId::kString}, {"timestamp", TypeId::kTimestamp}, {"x", TypeId::kDouble}},
      {user, ts, x});
}

}  // namespace stedi
