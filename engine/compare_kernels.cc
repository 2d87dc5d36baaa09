#include "engine/compare_kernels.h"

#include <immintrin.h>

#include <cstring>
#include <type_traits>
#include <xsimd/xsimd.hpp>

namespace stedi {

namespace {

// xsimd 8.1's batch_bool has no mask(): AVX-512 registers already are bit
// masks, older instruction sets need a movemask on the lane width.
template <typename B>
uint64_t MaskBits(const B& b) {
  using Reg = typename B::register_type;
  constexpr size_t kLanes = B::size;
  Reg reg = b;
  if constexpr (std::is_integral_v<Reg>) {
    return static_cast<uint64_t>(reg) & (kLanes == 64 ? ~0ull : (1ull << kLanes) - 1);
#if defined(__AVX2__)
  } else if constexpr (sizeof(Reg) == 32) {
    __m256i r;
    std::memcpy(&r, &reg, 32);
    if constexpr (kLanes == 4)
      return static_cast<uint32_t>(_mm256_movemask_pd(_mm256_castsi256_pd(r)));
    if constexpr (kLanes == 8)
      return static_cast<uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(r)));
    return static_cast<uint32_t>(_mm256_movemask_epi8(r));
#endif
  } else if constexpr (sizeof(Reg) == 16) {
    __m128i r;
    std::memcpy(&r, &reg, 16);
    if constexpr (kLanes == 2) return static_cast<uint32_t>(_mm_movemask_pd(_mm_castsi128_pd(r)));
    if constexpr (kLanes == 4) return static_cast<uint32_t>(_mm_movemask_ps(_mm_castsi128_ps(r)));
    return static_cast<uint32_t>(_mm_movemask_epi8(r));
  } else {
    bool lanes[kLanes];
    b.store_unaligned(lanes);
    uint64_t bits = 0;
    for (size_t i = 0; i < kLanes; ++i) bits |= static_cast<uint64_t>(lanes[i]) << i;
    return bits;
  }
}

template <typename T, typename Cmp>
void ScalarTail(const T* a, const T* b, bool b_is_scalar, size_t from, size_t n, uint64_t* out,
                Cmp cmp) {
  for (size_t i = from; i < n; ++i) {
    const bool r = cmp(a[i], b_is_scalar ? b[0] : b[i]);
    if ((i & 63) == 0) out[i >> 6] = 0;
    out[i >> 6] |= static_cast<uint64_t>(r) << (i & 63);
  }
}

// One output word per 64 rows: 64 / lanes batch compares OR-ed together.
template <typename T, typename Cmp>
void SimdImpl(const T* a, const T* b, bool b_is_scalar, size_t n, uint64_t* out, Cmp cmp) {
  using B = xsimd::batch<T>;
  constexpr size_t kLanes = B::size;
  static_assert(64 % kLanes == 0);
  const size_t full_words = n / 64;
  const B lit = b_is_scalar ? B(b[0]) : B(T{});
  for (size_t w = 0; w < full_words; ++w) {
    uint64_t bits = 0;
    const T* pa = a + w * 64;
    const T* pb = b + w * 64;
    for (size_t j = 0; j < 64; j += kLanes) {
      const B vb = b_is_scalar ? lit : B::load_unaligned(pb + j);
      bits |= MaskBits(cmp(B::load_unaligned(pa + j), vb)) << j;
    }
    out[w] = bits;
  }
  ScalarTail(a, b, b_is_scalar, full_words * 64, n, out, cmp);
}

template <typename T, typename Cmp1, typename Cmp2>
void RangeScalarImpl(const T* a, T lit1, T lit2, size_t from, size_t n, uint64_t* out, Cmp1 cmp1,
                     Cmp2 cmp2) {
  for (size_t i = from; i < n; ++i) {
    const bool r = cmp1(a[i], lit1) && cmp2(a[i], lit2);
    if ((i & 63) == 0) out[i >> 6] = 0;
    out[i >> 6] |= static_cast<uint64_t>(r) << (i & 63);
  }
}

template <typename T, typename Cmp>
void ScalarImpl(const T* a, const T* b, bool b_is_scalar, size_t n, uint64_t* out, Cmp cmp) {
  ScalarTail(a, b, b_is_scalar, 0, n, out, cmp);
}

// Turns the runtime op into a compile-time comparison so the inner loops hold no branch.
template <typename F>
void WithOp(CompareOp op, F&& f) {
  switch (op) {
    case CompareOp::kEq:
      return f([](const auto& x, const auto& y) { return x == y; });
    case CompareOp::kNe:
      // !(x == y), not x != y: xsimd's != is the ordered compare, false on a
      // NaN, where C++ (and the scalar path) says true.
      return f([](const auto& x, const auto& y) { return !(x == y); });
    case CompareOp::kLt:
      return f([](const auto& x, const auto& y) { return x < y; });
    case CompareOp::kLe:
      return f([](const auto& x, const auto& y) { return x <= y; });
    case CompareOp::kGt:
      return f([](const auto& x, const auto& y) { return x > y; });
    case CompareOp::kGe:
      return f([](const auto& x, const auto& y) { return x >= y; });
  }
}

// Two literal comparisons ANDed per batch: the column is read once.
template <typename T, typename Cmp1, typename Cmp2>
void RangeSimdImpl(const T* a, T lit1, T lit2, size_t n, uint64_t* out, Cmp1 cmp1, Cmp2 cmp2) {
  using B = xsimd::batch<T>;
  constexpr size_t kLanes = B::size;
  const size_t full_words = n / 64;
  const B v1(lit1), v2(lit2);
  for (size_t w = 0; w < full_words; ++w) {
    uint64_t bits = 0;
    const T* pa = a + w * 64;
    for (size_t j = 0; j < 64; j += kLanes) {
      const B x = B::load_unaligned(pa + j);
      bits |= MaskBits(cmp1(x, v1) & cmp2(x, v2)) << j;
    }
    out[w] = bits;
  }
  RangeScalarImpl(a, lit1, lit2, full_words * 64, n, out, cmp1, cmp2);
}

}  // namespace

template <typename T>
void CompareRangeSimd(CompareOp op1, T lit1, CompareOp op2, T lit2, const T* a, size_t n,
                      uint64_t* out) {
  WithOp(op1, [&](auto cmp1) {
    WithOp(op2, [&](auto cmp2) { RangeSimdImpl(a, lit1, lit2, n, out, cmp1, cmp2); });
  });
}
template <typename T>
void CompareRangeScalar(CompareOp op1, T lit1, CompareOp op2, T lit2, const T* a, size_t n,
                        uint64_t* out) {
  WithOp(op1, [&](auto cmp1) {
    WithOp(op2, [&](auto cmp2) { RangeScalarImpl(a, lit1, lit2, 0, n, out, cmp1, cmp2); });
  });
}

template <typename T>
void CompareLiteralSimd(CompareOp op, const T* a, T literal, size_t n, uint64_t* out) {
  WithOp(op, [&](auto cmp) { SimdImpl(a, &literal, true, n, out, cmp); });
}
template <typename T>
void CompareLiteralScalar(CompareOp op, const T* a, T literal, size_t n, uint64_t* out) {
  WithOp(op, [&](auto cmp) { ScalarImpl(a, &literal, true, n, out, cmp); });
}
template <typename T>
void CompareColumnsSimd(CompareOp op, const T* a, const T* b, size_t n, uint64_t* out) {
  WithOp(op, [&](auto cmp) { SimdImpl(a, b, false, n, out, cmp); });
}
template <typename T>
void CompareColumnsScalar(CompareOp op, const T* a, const T* b, size_t n, uint64_t* out) {
  WithOp(op, [&](auto cmp) { ScalarImpl(a, b, false, n, out, cmp); });
}

#define STEDI_INSTANTIATE_KERNELS(T)                                                          \
  template void CompareLiteralSimd<T>(CompareOp, const T*, T, size_t, uint64_t*);             \
  template void CompareLiteralScalar<T>(CompareOp, const T*, T, size_t, uint64_t*);           \
  template void CompareColumnsSimd<T>(CompareOp, const T*, const T*, size_t, uint64_t*);      \
  template void CompareColumnsScalar<T>(CompareOp, const T*, const T*, size_t, uint64_t*);    \
  template void CompareRangeSimd<T>(CompareOp, T, CompareOp, T, const T*, size_t, uint64_t*); \
  template void CompareRangeScalar<T>(CompareOp, T, CompareOp, T, const T*, size_t, uint64_t*);
STEDI_INSTANTIATE_KERNELS(uint8_t)
STEDI_INSTANTIATE_KERNELS(int32_t)
STEDI_INSTANTIATE_KERNELS(int64_t)
STEDI_INSTANTIATE_KERNELS(double)
#undef STEDI_INSTANTIATE_KERNELS

size_t BitmapToSelection(const uint64_t* words, size_t n, uint32_t base, uint32_t* sel) {
  size_t count = 0;
  const size_t num_words = BitmapWords(n);
  for (size_t w = 0; w < num_words; ++w) {
    uint64_t bits = words[w];
    if (w == num_words - 1 && (n & 63)) bits &= (1ull << (n & 63)) - 1;
    const uint32_t row0 = base + static_cast<uint32_t>(w * 64);
    while (bits) {
      sel[count++] = row0 + static_cast<uint32_t>(__builtin_ctzll(bits));
      bits &= bits - 1;
    }
  }
  return count;
}

}  // namespace stedi
