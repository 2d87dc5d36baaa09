// Comparison kernels: compare a column vector with a literal or with another
// vector and write the outcome as a bitmap (bit i of word i/64 set = row i
// compares true). The SIMD kernels use xsimd batches of the widest
// instruction set the build targets; the scalar kernels are the reference
// they are tested against, and also serve the tails.
//
// Nulls are not looked at: callers AND the result with the validity bitmap.
// Doubles follow IEEE 754 (a NaN compares false except with !=).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/scan_predicate.h"

namespace stedi {

// Words needed for n bits.
inline size_t BitmapWords(size_t n) { return (n + 63) / 64; }

// T is one of uint8_t, int32_t, int64_t, double. Writes BitmapWords(n) words
// of `out`; bits past n in the last word are zero.
template <typename T>
void CompareLiteralSimd(CompareOp op, const T* a, T literal, size_t n, uint64_t* out);
template <typename T>
void CompareLiteralScalar(CompareOp op, const T* a, T literal, size_t n, uint64_t* out);
template <typename T>
void CompareColumnsSimd(CompareOp op, const T* a, const T* b, size_t n, uint64_t* out);
template <typename T>
void CompareColumnsScalar(CompareOp op, const T* a, const T* b, size_t n, uint64_t* out);

// Fused range test: bit i = (a[i] op1 lit1) && (a[i] op2 lit2), one pass over
// `a` (what BETWEEN and `x >= lo AND x < hi` on one column evaluate to).
template <typename T>
void CompareRangeSimd(CompareOp op1, T lit1, CompareOp op2, T lit2, const T* a, size_t n,
                      uint64_t* out);
template <typename T>
void CompareRangeScalar(CompareOp op1, T lit1, CompareOp op2, T lit2, const T* a, size_t n,
                        uint64_t* out);

// Appends `base + i` to `sel` for every set bit i < n of `words`; returns the count.
// REQUIRES: sel has room for n entries.
size_t BitmapToSelection(const uint64_t* words, size_t n, uint32_t base, uint32_t* sel);

}  // namespace stedi
