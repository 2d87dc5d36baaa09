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

// Random UUID-like text of at least `bytes` bytes.
std::string Uuids(std::mt19937_64& rng, size_t bytes) {
  std::string out;
  while (out.size() < bytes) {
    for (int k = 0; k < 36; ++k)
      out += (k == 8 || k == 13 || k == 18 || k == 23) ? '-' : "0123456789abcdef"[rng() % 16];
  }
  return out;
}

constexpr int kLevel = 6;  // the writer's default final level

// The final level is skipped only where it cannot win: random text (UUIDs)
// that the fast level leaves above the rival. Text with matches (emails, a
// block repeating itself), small blocks, a rival that zstd beats, and
// levels that look for 3-byte matches still get compressed.
TEST(ZstdCannotWinTest, OnlyRandomTextAboveTheRival) {
  std::mt19937_64 rng(9);
  const std::string uuids = Uuids(rng, 32400);
  std::string emails;
  for (int i = 0; i < 900; ++i)
    emails += "user" + std::to_string(rng() % 100000) + ".name@test.com";
  const size_t fast = ZstdSizeEstimate(uuids);
  EXPECT_TRUE(ZstdCannotWin(uuids, fast * 8 / 10, kLevel));  // e.g. its byte-split columns
  EXPECT_FALSE(ZstdCannotWin(uuids, fast * 12 / 10, kLevel));
  EXPECT_FALSE(ZstdCannotWin(uuids.substr(0, 4000), 1, kLevel));
  EXPECT_FALSE(ZstdCannotWin(uuids, fast * 8 / 10, 19));  // looks for 3-byte matches
  EXPECT_FALSE(ZstdCannotWin(emails, ZstdSizeEstimate(emails) * 8 / 10, kLevel));
  std::string repeated = uuids;
  while (repeated.size() + uuids.size() <= (512 << 10)) repeated += uuids;
  EXPECT_FALSE(ZstdCannotWin(repeated, 1, kLevel));
}

// Blocks larger than the fast level's own 512 KB window are judged with a
// window over the whole block: random text still cannot win, but a block
// whose second half repeats its first, 600 KB back, can.
TEST(ZstdCannotWinTest, LargeBlocksSeeFarRepeats) {
  std::mt19937_64 rng(11);
  const std::string uuids = Uuids(rng, 600 << 10);
  const std::string twice = uuids + uuids;
  const std::string fresh = uuids + Uuids(rng, uuids.size());
  const size_t rival = fresh.size() * 4 / 10;  // below the fast level, as a byte split is
  EXPECT_TRUE(ZstdCannotWin(fresh, rival, kLevel));
  EXPECT_FALSE(ZstdCannotWin(twice, rival, kLevel));
  // The final level does find the repeat: the judge is right to let it run.
  EXPECT_LT(WrapZstd(Encoded{twice, {}}, kLevel).bytes.size(), twice.size() * 3 / 10);
}

// Repeats as short as the final level's shortest match (5 bytes for blocks
// this large at level 6; the fast level's own is 6 or 7) count: text of
// random 5-byte tokens from a small vocabulary is not random to level 6,
// which compresses it well below a rival the fast level's defaults would
// have let win.
TEST(ZstdCannotWinTest, ShortRepeatsCount) {
  std::mt19937_64 rng(12);
  std::vector<std::string> words(4096);
  for (std::string& w : words) {
    for (int k = 0; k < 5; ++k) w += static_cast<char>('a' + rng() % 26);
  }
  for (const size_t bytes : {size_t{400} << 10, size_t{1200} << 10}) {
    std::string text;
    while (text.size() < bytes) text += words[rng() % words.size()];
    const size_t rival = text.size() / 2;
    EXPECT_FALSE(ZstdCannotWin(text, rival, kLevel)) << bytes;
    EXPECT_LT(WrapZstd(Encoded{text, {}}, kLevel).bytes.size(), rival) << bytes;
  }
}

// Judging uses the thread's compression context with its own parameters;
// compressions after it come out byte for byte as before.
TEST(ZstdCannotWinTest, LeavesLaterCompressionsAsTheyWere) {
  std::mt19937_64 rng(13);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "row" + std::to_string(rng() % 5000) + ";";
  const std::string before = WrapZstd(Encoded{text, {}}, kLevel).bytes;
  const size_t estimate = ZstdSizeEstimate(text);
  const std::string large = Uuids(rng, 700 << 10);
  (void)ZstdCannotWin(large, large.size() / 3, kLevel);
  EXPECT_EQ(WrapZstd(Encoded{text, {}}, kLevel).bytes, before);
  EXPECT_EQ(ZstdSizeEstimate(text), estimate);
}

}  // namespace
}  // namespace stedi
