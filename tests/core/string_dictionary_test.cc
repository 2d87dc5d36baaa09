#include "core/string_dictionary.h"

#include <gtest/gtest.h>

#include <string>

namespace stedi {
namespace {

TEST(StringDictionaryTest, InternIsStableAcrossRehash) {
  StringDictionary d;
  for (int i = 0; i < 10000; ++i) EXPECT_EQ(d.Intern("s" + std::to_string(i)), i);
  for (int i = 0; i < 10000; ++i) EXPECT_EQ(d.Find("s" + std::to_string(i)), i);
  EXPECT_EQ(d.Find("missing"), -1);
  EXPECT_EQ(d.Intern(""), 10000);
  EXPECT_EQ(d.Get(10000), "");
}

TEST(StringDictionaryTest, MergeAndRanks) {
  StringDictionary a, b;
  a.Intern("b");
  a.Intern("a");
  b.Intern("c");
  b.Intern("b");
  std::vector<int32_t> remap = a.Merge(b);
  EXPECT_EQ(remap, (std::vector<int32_t>{2, 0}));
  EXPECT_EQ(a.SortedRanks(), (std::vector<int32_t>{1, 0, 2}));
}

}  // namespace
}  // namespace stedi
