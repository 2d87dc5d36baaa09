#include "engine/compare_kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

namespace stedi {
namespace {

constexpr CompareOp kOps[] = {CompareOp::kEq, CompareOp::kNe, CompareOp::kLt,
                              CompareOp::kLe, CompareOp::kGt, CompareOp::kGe};

template <typename T>
std::vector<T> RandomValues(size_t n, std::mt19937_64& rng) {
  std::vector<T> v(n);
  std::uniform_int_distribution<int> small(-5, 5);
  for (size_t i = 0; i < n; ++i) {
    if constexpr (std::is_same_v<T, double>) {
      v[i] = small(rng) * 0.5;
      if (i % 17 == 3) v[i] = std::numeric_limits<double>::quiet_NaN();
      if (i % 23 == 5) v[i] = -0.0;
    } else if constexpr (std::is_same_v<T, uint8_t>) {
      v[i] = static_cast<uint8_t>(small(rng) & 1);
    } else {
      v[i] = static_cast<T>(small(rng));
      if (i % 31 == 7) v[i] = std::numeric_limits<T>::min();
      if (i % 37 == 9) v[i] = std::numeric_limits<T>::max();
    }
  }
  return v;
}

// Bit i of the scalar reference, computed one row at a time with plain C++.
template <typename T>
bool Holds(CompareOp op, T a, T b) {
  switch (op) {
    case CompareOp::kEq:
      return a == b;
    case CompareOp::kNe:
      return a != b;
    case CompareOp::kLt:
      return a < b;
    case CompareOp::kLe:
      return a <= b;
    case CompareOp::kGt:
      return a > b;
    case CompareOp::kGe:
      return a >= b;
  }
  return false;
}

template <typename T>
void CheckType() {
  std::mt19937_64 rng(42);
  // Lengths around word and batch boundaries, including the tails.
  for (size_t n : {0, 1, 7, 63, 64, 65, 127, 128, 200, 1000, 2048}) {
    const std::vector<T> a = RandomValues<T>(n, rng);
    const std::vector<T> b = RandomValues<T>(n, rng);
    for (CompareOp op : kOps) {
      const size_t words = BitmapWords(n);
      std::vector<uint64_t> simd(words + 1, 0xdeadbeef), scalar(words + 1, 0xdeadbeef);
      for (T lit : {a.empty() ? T{} : a[0], T{0}, T{1}}) {
        CompareLiteralSimd<T>(op, a.data(), lit, n, simd.data());
        CompareLiteralScalar<T>(op, a.data(), lit, n, scalar.data());
        for (size_t w = 0; w < words; ++w) ASSERT_EQ(simd[w], scalar[w]) << "n=" << n << " w=" << w;
        for (size_t i = 0; i < n; ++i) {
          ASSERT_EQ((scalar[i / 64] >> (i % 64)) & 1, Holds(op, a[i], lit)) << i;
        }
      }
      CompareColumnsSimd<T>(op, a.data(), b.data(), n, simd.data());
      CompareColumnsScalar<T>(op, a.data(), b.data(), n, scalar.data());
      for (size_t w = 0; w < words; ++w) ASSERT_EQ(simd[w], scalar[w]);
      for (size_t i = 0; i < n; ++i)
        ASSERT_EQ((simd[i / 64] >> (i % 64)) & 1, Holds(op, a[i], b[i]));
      if (n % 64) {
        ASSERT_EQ(simd[words - 1] >> (n % 64), 0u) << "bits past n must be zero";
      }
      EXPECT_EQ(simd[words], 0xdeadbeefu) << "wrote past the bitmap";
    }
  }
}

TEST(CompareKernelsTest, SimdMatchesScalarUint8) { CheckType<uint8_t>(); }
TEST(CompareKernelsTest, SimdMatchesScalarInt32) { CheckType<int32_t>(); }
TEST(CompareKernelsTest, SimdMatchesScalarInt64) { CheckType<int64_t>(); }
TEST(CompareKernelsTest, SimdMatchesScalarDoubleWithNaN) { CheckType<double>(); }

// The fused range kernel against the one-row-at-a-time definition, for every
// pair of operators and literals that straddle, touch and miss the values.
template <typename T>
void CheckRange() {
  std::mt19937_64 rng(7);
  for (size_t n : {0, 1, 63, 64, 65, 200, 2048}) {
    const std::vector<T> a = RandomValues<T>(n, rng);
    const size_t words = BitmapWords(n);
    for (CompareOp op1 : kOps) {
      for (CompareOp op2 : kOps) {
        for (auto [lo, hi] : {std::pair<T, T>{T(-2), T(3)}, {T(1), T(1)}, {T(4), T(-4)}}) {
          std::vector<uint64_t> simd(words + 1, 0xdeadbeef), scalar(words + 1, 0xdeadbeef);
          CompareRangeSimd<T>(op1, lo, op2, hi, a.data(), n, simd.data());
          CompareRangeScalar<T>(op1, lo, op2, hi, a.data(), n, scalar.data());
          for (size_t i = 0; i < n; ++i) {
            const bool want = Holds(op1, a[i], lo) && Holds(op2, a[i], hi);
            ASSERT_EQ((simd[i / 64] >> (i % 64)) & 1, want) << "n=" << n << " i=" << i;
            ASSERT_EQ((scalar[i / 64] >> (i % 64)) & 1, want) << "n=" << n << " i=" << i;
          }
          if (n % 64) {
            ASSERT_EQ(simd[words - 1] >> (n % 64), 0u);
          }
          EXPECT_EQ(simd[words], 0xdeadbeefu) << "wrote past the bitmap";
        }
      }
    }
  }
}

TEST(CompareKernelsTest, RangeMatchesDefinitionInt32) { CheckRange<int32_t>(); }
TEST(CompareKernelsTest, RangeMatchesDefinitionInt64) { CheckRange<int64_t>(); }
TEST(CompareKernelsTest, RangeMatchesDefinitionDoubleWithNaN) { CheckRange<double>(); }

TEST(CompareKernelsTest, BitmapToSelection) {
  std::vector<uint64_t> words = {0b1011, 0, 1ull << 63, ~0ull};
  std::vector<uint32_t> sel(256);
  const size_t n = BitmapToSelection(words.data(), 200, 1000, sel.data());
  ASSERT_EQ(n, 3u + 1 + 8);  // the last word is cut at row 200
  EXPECT_EQ(sel[0], 1000u);
  EXPECT_EQ(sel[2], 1003u);
  EXPECT_EQ(sel[3], 1000u + 191);
  EXPECT_EQ(sel[4], 1000u + 192);
  EXPECT_EQ(sel[11], 1000u + 199);
}

}  // namespace
}  // namespace stedi
