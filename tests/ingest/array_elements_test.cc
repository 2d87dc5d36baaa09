#include "ingest/array_elements.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stedi {
namespace {

struct Scan {
  std::vector<std::string> elements;
  std::string broken;
  std::string rest;
};

Scan ScanArray(std::string_view text) {
  Scan s;
  std::string_view rest;
  s.broken = ForEachArrayElement(
      text,
      [&](std::string_view e, uint64_t index) {
        EXPECT_EQ(index, s.elements.size() + 1);
        s.elements.emplace_back(e);
        return true;
      },
      &rest);
  s.rest = std::string(rest);
  return s;
}

TEST(ArrayElementsTest, SplitsAtTopLevelCommasOnly) {
  Scan s = ScanArray(" [ {\"a\":[1,2],\"s\":\"x,]}\\\"\"} ,\n\t3, \"y\" ,[[]] ] \n");
  EXPECT_EQ(s.broken, "");
  EXPECT_EQ(s.elements,
            (std::vector<std::string>{"{\"a\":[1,2],\"s\":\"x,]}\\\"\"}", "3", "\"y\"", "[[]]"}));
}

TEST(ArrayElementsTest, EmptyArrays) {
  EXPECT_TRUE(ScanArray("[]").elements.empty());
  EXPECT_TRUE(ScanArray("\r\n[ \n ]\n").elements.empty());
  EXPECT_EQ(ScanArray("[]").broken, "");
}

TEST(ArrayElementsTest, EmptyElementsAreDeliveredForTheParserToReject) {
  EXPECT_EQ(ScanArray("[1,,2]").elements, (std::vector<std::string>{"1", "", "2"}));
  EXPECT_EQ(ScanArray("[1,]").elements, (std::vector<std::string>{"1", ""}));
}

TEST(ArrayElementsTest, CutShortOrFollowedByJunk) {
  Scan cut = ScanArray("[{\"a\":1}, {\"a\":2");
  EXPECT_EQ(cut.elements, (std::vector<std::string>{"{\"a\":1}"}));
  EXPECT_EQ(cut.broken, "invalid JSON array: it ends before its closing ']'");
  EXPECT_EQ(cut.rest, "{\"a\":2");
  Scan junk = ScanArray("[1] x");
  EXPECT_EQ(junk.elements, (std::vector<std::string>{"1"}));
  EXPECT_EQ(junk.broken, "trailing content after the top-level array");
  EXPECT_EQ(junk.rest, "x");
}

TEST(ArrayElementsTest, StopsWhenAsked) {
  std::string_view rest;
  int calls = 0;
  EXPECT_EQ(ForEachArrayElement(
                "[1,2,3]", [&](std::string_view, uint64_t) { return ++calls < 2; }, &rest),
            "");
  EXPECT_EQ(calls, 2);
}

TEST(ArrayElementsTest, IsJsonArrayText) {
  EXPECT_TRUE(IsJsonArrayText(" \n[1]"));
  EXPECT_FALSE(IsJsonArrayText("{\"a\":[1]}"));
  EXPECT_FALSE(IsJsonArrayText("  "));
  EXPECT_FALSE(IsJsonArrayText(""));
}

}  // namespace
}  // namespace stedi
