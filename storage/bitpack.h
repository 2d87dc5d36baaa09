// Bit-packing kernels: fixed-width unsigned integers, 64 values per group.
//
// Layout: values are taken in groups of 64. A full group is `width` 64-bit
// little-endian words; value i of the group occupies bits [i*width, i*width +
// width) of that word sequence, bit 0 being the lowest bit of the first word.
// A final partial group of r < 64 values is stored as only the first
// ceil(r*width/8) bytes of what a full group would be (zero bits above).
// Width 0 stores nothing (every value is 0). Widths range 0..64.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace stedi {

// Bytes taken by n values packed at `width` bits.
size_t BitpackedSize(size_t n, int width);
// Bits needed for v (0 for 0).
int BitWidth(uint64_t v);

// Appends (values[i] - base) mod 2^64 packed at `width` bits to dst.
// REQUIRES: 0 <= width <= 64 and every (values[i] - base) fits in width bits.
void BitPack(std::span<const int64_t> values, int64_t base, int width, std::string* dst);

// Writes out[i] = base + unpacked value i (mod 2^64) for i < n.
// REQUIRES: src holds BitpackedSize(n, width) bytes; 0 <= width <= 64.
void BitUnpack(const uint8_t* src, size_t n, int width, int64_t base, int64_t* out);

}  // namespace stedi
