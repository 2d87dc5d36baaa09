#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "storage/encoding.h"

namespace stedi {
namespace {

// The memo answers exactly what the estimate would, for new and repeated
// contents, including ones that differ only in length or in one byte.
TEST(ZstdSizeMemoTest, SameAnswersAsTheEstimate) {
  std::vector<std::string> inputs = {"", std::string(100, 'a'), std::string(101, 'a')};
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::to_string(i * 7919 % 1000) + ",";
  inputs.push_back(text);
  text[500] = '#';
  inputs.push_back(text);
  ZstdSizeMemo memo;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& in : inputs) EXPECT_EQ(memo.Estimate(in), ZstdSizeEstimate(in));
  }
}

// The final level is skipped only where it cannot win: random text (UUIDs)
// that the fast level leaves above the rival. Text with matches (emails),
// small blocks, blocks past the fast level's window, and a rival that zstd
// beats still get compressed.
TEST(ZstdCannotWinTest, OnlyRandomTextAboveTheRival) {
  std::mt19937_64 rng(9);
  std::string uuids, emails;
  for (int i = 0; i < 900; ++i) {
    for (int k = 0; k < 36; ++k)
      uuids += (k == 8 || k == 13 || k == 18 || k == 23) ? '-' : "0123456789abcdef"[rng() % 16];
    emails += "user" + std::to_string(rng() % 100000) + ".name@test.com";
  }
  const size_t fast = ZstdSizeEstimate(uuids);
  EXPECT_TRUE(ZstdCannotWin(uuids, fast * 8 / 10));  // e.g. its byte-split columns
  EXPECT_FALSE(ZstdCannotWin(uuids, fast * 12 / 10));
  EXPECT_FALSE(ZstdCannotWin(uuids.substr(0, 4000), 1));
  EXPECT_FALSE(ZstdCannotWin(emails, ZstdSizeEstimate(emails) * 8 / 10));
  // Repeats within the fast level's window are found there.
  std::string near = uuids;
  while (near.size() <= (512 << 10)) near += uuids;
  EXPECT_FALSE(ZstdCannotWin(near, 1));
}

// Blocks larger than the fast level's 512 KB window are judged with a window
// over the whole block: random text still cannot win, but a block whose
// second half repeats its first, 600 KB back, can.
TEST(ZstdCannotWinTest, LargeBlocksSeeFarRepeats) {
  std::mt19937_64 rng(11);
  std::string uuids;
  while (uuids.size() < (600 << 10)) {
    for (int k = 0; k < 36; ++k)
      uuids += (k == 8 || k == 13 || k == 18 || k == 23) ? '-' : "0123456789abcdef"[rng() % 16];
  }
  std::string twice = uuids + uuids;
  std::string fresh = uuids;
  while (fresh.size() < twice.size()) {
    for (int k = 0; k < 36; ++k)
      fresh += (k == 8 || k == 13 || k == 18 || k == 23) ? '-' : "0123456789abcdef"[rng() % 16];
  }
  const size_t rival = fresh.size() * 4 / 10;  // below the fast level, as a byte split is
  EXPECT_TRUE(ZstdCannotWin(fresh, rival));
  EXPECT_FALSE(ZstdCannotWin(twice, rival));
  // The final level does find the repeat: the judge is right to let it run.
  EXPECT_LT(WrapZstd(Encoded{twice, {}}, 6).bytes.size(), twice.size() * 3 / 10);
}

}  // namespace
}  // namespace stedi
