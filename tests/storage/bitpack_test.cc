#include "storage/bitpack.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace stedi {
namespace {

TEST(BitpackTest, SizesFollowTheLayout) {
  EXPECT_EQ(BitpackedSize(0, 5), 0u);
  EXPECT_EQ(BitpackedSize(64, 5), 40u);
  EXPECT_EQ(BitpackedSize(65, 5), 41u);
  EXPECT_EQ(BitpackedSize(3, 3), 2u);
  EXPECT_EQ(BitpackedSize(100, 0), 0u);
  EXPECT_EQ(BitpackedSize(128, 64), 1024u);
}

TEST(BitpackTest, KnownBytes) {
  // 1, 2, 3 at width 2: bits 01 10 11 -> 0b00111001.
  std::vector<int64_t> v = {1, 2, 3};
  std::string out;
  BitPack(v, 0, 2, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(static_cast<uint8_t>(out[0]), 0x39);
}

TEST(BitpackTest, RoundTripsEveryWidthAndLength) {
  std::mt19937_64 rng(7);
  for (int width = 0; width <= 64; ++width) {
    for (size_t n : {0, 1, 63, 64, 65, 127, 128, 200}) {
      const int64_t base = static_cast<int64_t>(rng()) >> 3;
      std::vector<int64_t> v(n);
      for (auto& x : v) {
        const uint64_t r = width == 64 ? rng() : rng() & ((uint64_t{1} << width) - 1);
        x = static_cast<int64_t>(static_cast<uint64_t>(base) + r);
      }
      std::string packed;
      BitPack(v, base, width, &packed);
      ASSERT_EQ(packed.size(), BitpackedSize(n, width));
      std::vector<int64_t> back(n);
      BitUnpack(reinterpret_cast<const uint8_t*>(packed.data()), n, width, base, back.data());
      ASSERT_EQ(back, v) << "width " << width << " n " << n;
      // The bits past the last value in the last group are zero (the layout
      // of docs/FORMAT.md): a file's bytes depend only on its values.
      const size_t rest = n % 64;
      const size_t used_bits = rest * static_cast<size_t>(width) % 8;
      if (rest != 0 && used_bits != 0) {
        const auto last = static_cast<uint8_t>(packed.back());
        ASSERT_EQ(last >> used_bits, 0) << "width " << width << " n " << n;
      }
    }
  }
}

TEST(BitpackTest, BitWidth) {
  EXPECT_EQ(BitWidth(0), 0);
  EXPECT_EQ(BitWidth(1), 1);
  EXPECT_EQ(BitWidth(255), 8);
  EXPECT_EQ(BitWidth(~uint64_t{0}), 64);
}

}  // namespace
}  // namespace stedi
