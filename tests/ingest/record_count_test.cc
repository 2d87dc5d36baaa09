#include "ingest/record_count.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace stedi {
namespace {

TEST(RecordCountTest, NewlinesMatchAPlainCountAcrossBlockSizes) {
  std::mt19937 rng(7);
  // Around the 64-byte lanes and the 255 x 64-byte blocks, and all newlines
  // (where a byte counter would wrap if it were not emptied in time).
  for (size_t size : {0, 1, 63, 64, 65, 127, 16319, 16320, 16321, 40000, 100003}) {
    for (int density : {0, 1, 10, 100}) {
      std::string text(size, 'x');
      for (char& c : text) {
        if (static_cast<int>(rng() % 100) < density) c = '\n';
      }
      EXPECT_EQ(CountNewlines(text),
                static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')))
          << size << " " << density;
    }
  }
}

TEST(RecordCountTest, LinesAsTakeLinesReadsThem) {
  EXPECT_EQ(CountLines(""), 0u);
  EXPECT_EQ(CountLines("\n"), 1u);
  EXPECT_EQ(CountLines("{}"), 1u);
  EXPECT_EQ(CountLines("{}\n"), 1u);
  EXPECT_EQ(CountLines("{}\n\n{}"), 3u);
  EXPECT_EQ(CountLines("{}\r\n  \r\n"), 2u);
}

TEST(RecordCountTest, ArrayElementsWithOneForABrokenTail) {
  EXPECT_EQ(CountArrayElements("[]"), 1u);
  EXPECT_EQ(CountArrayElements("[{\"a\":[1,2]},{\"b\":\",\"}]"), 3u);
  EXPECT_EQ(CountArrayElements("[{}, {}, {"), 3u);
}

}  // namespace
}  // namespace stedi
