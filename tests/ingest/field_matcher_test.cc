#include "ingest/field_matcher.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

TEST(FieldMatcherTest, MatchesIgnoringAsciiCaseWhateverTheHint) {
  FieldMatcher m(Schema({Field{"timeStamp", TypeId::kInt64}, Field{"user", TypeId::kString},
                         Field{"x", TypeId::kDouble}}));
  for (size_t hint : {0u, 1u, 2u, 3u, 99u}) {
    EXPECT_EQ(m.Match("timeStamp", hint), 0);
    EXPECT_EQ(m.Match("timestamp", hint), 0);
    EXPECT_EQ(m.Match("TIMESTAMP", hint), 0);
    EXPECT_EQ(m.Match("User", hint), 1);
    EXPECT_EQ(m.Match("X", hint), 2);
    EXPECT_EQ(m.Match("y", hint), -1);
    EXPECT_EQ(m.Match("users", hint), -1);
    EXPECT_EQ(m.Match("", hint), -1);
  }
}

TEST(FieldMatcherTest, OnlyAsciiLettersFold) {
  FieldMatcher m(Schema({Field{"caf\xC3\xA9", TypeId::kInt64}, Field{"a_b", TypeId::kInt64}}));
  EXPECT_EQ(m.Match("CAF\xC3\xA9", 0), 0);
  EXPECT_EQ(m.Match("caf\xC3\x89", 0), -1);  // É is not folded to é
  EXPECT_EQ(m.Match("A_B", 0), 1);
  EXPECT_EQ(m.Match("a\x7f"
                    "b",
                    0),
            -1);
}

TEST(FieldMatcherTest, LowerAscii) {
  EXPECT_EQ(LowerAscii("sensorReadingTIME@Z"), "sensorreadingtime@z");
  EXPECT_TRUE(EqualsLowercase("AbC", "abc"));
  EXPECT_FALSE(EqualsLowercase("AbC", "abd"));
  EXPECT_FALSE(EqualsLowercase("AbC", "abcd"));
}

}  // namespace
}  // namespace stedi
