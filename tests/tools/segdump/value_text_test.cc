#include "tools/segdump/value_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

namespace stedi::segdump {
namespace {

TEST(ValueText, Iso8601FormatsKnownInstants) {
  EXPECT_EQ(FormatIso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(1655564444103), "2022-06-18T15:00:44.103Z");
  EXPECT_EQ(FormatIso8601(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatIso8601(951782400000), "2000-02-29T00:00:00.000Z");
}

TEST(ValueText, Iso8601RoundTrips) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 10000; ++i) {
    // Years 0000..9999: the four-digit years ISO-8601 writes without a sign.
    constexpr int64_t kYear0 = -62'167'219'200'000, kYear10000 = 253'402'300'800'000;
    const int64_t ms = kYear0 + static_cast<int64_t>(rng() % uint64_t(kYear10000 - kYear0));
    const std::string text = FormatIso8601(ms);
    auto back = ParseTimestamp(text);
    ASSERT_TRUE(back.ok()) << text << ": " << back.status().ToString();
    EXPECT_EQ(*back, ms) << text;
  }
}

TEST(ValueText, ParsesTimestampForms) {
  EXPECT_EQ(*ParseTimestamp("1655564444103"), 1655564444103);
  EXPECT_EQ(*ParseTimestamp("-5"), -5);
  EXPECT_EQ(*ParseTimestamp("2022-06-18"), 1655510400000);
  EXPECT_EQ(*ParseTimestamp("2022-06-18T15:00"), 1655564400000);
  EXPECT_EQ(*ParseTimestamp("2022-06-18 15:00:44Z"), 1655564444000);
  EXPECT_EQ(*ParseTimestamp("2022-06-18T15:00:44.1Z"), 1655564444100);
  EXPECT_EQ(*ParseTimestamp("2022-06-18T15:00:44.103Z"), 1655564444103);
  for (const char* bad :
       {"", "2022-06", "2022-13-01", "2022-02-30", "2022-06-18T25:00", "2022-06-18T15:00:44.1234Z",
        "2022-06-18T15:00+02:00", "12abc", "2022-06-18T15:60"}) {
    EXPECT_TRUE(ParseTimestamp(bad).status().IsInvalidArgument()) << bad;
  }
}

TEST(ValueText, DoublesReadBackEqual) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 10000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    const std::string text = FormatDouble(d);
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), d) << text;
  }
  EXPECT_EQ(FormatDouble(0.1), "0.1");
  EXPECT_EQ(FormatDouble(1e21), "1e+21");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(FormatDouble(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(ValueText, LiteralsTakeTheColumnType) {
  EXPECT_EQ(*ParseLiteral("42", TypeId::kInt32), Value::Int32(42));
  EXPECT_EQ(*ParseLiteral("-9000000000", TypeId::kInt64), Value::Int64(-9000000000));
  EXPECT_EQ(*ParseLiteral("2.5", TypeId::kDouble), Value::Double(2.5));
  EXPECT_EQ(*ParseLiteral("true", TypeId::kBool), Value::Bool(true));
  EXPECT_EQ(*ParseLiteral("2022-06-18", TypeId::kTimestamp), Value::Timestamp(1655510400000));
  EXPECT_EQ(*ParseLiteral("x y", TypeId::kString), Value::String("x y"));
  EXPECT_TRUE(ParseLiteral("9000000000", TypeId::kInt32).status().IsInvalidArgument());
  EXPECT_TRUE(ParseLiteral("1.5", TypeId::kInt64).status().IsInvalidArgument());
  EXPECT_TRUE(ParseLiteral("yes", TypeId::kBool).status().IsInvalidArgument());
  EXPECT_TRUE(ParseLiteral("", TypeId::kDouble).status().IsInvalidArgument());
}

}  // namespace
}  // namespace stedi::segdump
