#include "storage/bitpack.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstring>
#include <utility>

namespace stedi {
namespace {

constexpr size_t kGroup = 64;

// One kernel per width so every shift and mask is a compile-time constant and
// the fully unrolled loop has no branches; this is what makes decode run at
// several GB/s (see bench/storage).
template <int W>
void UnpackGroup(const uint8_t* in, uint64_t base, int64_t* out) {
  if constexpr (W == 0) {
    for (size_t i = 0; i < kGroup; ++i) out[i] = static_cast<int64_t>(base);
  } else {
    uint64_t words[W + 1];
    std::memcpy(words, in, W * 8);
    words[W] = 0;
    constexpr uint64_t kMask = W == 64 ? ~uint64_t{0} : (uint64_t{1} << W) - 1;
#pragma GCC unroll 64
    for (size_t i = 0; i < kGroup; ++i) {
      const size_t bit = i * W;
      const size_t w = bit >> 6;
      const size_t s = bit & 63;
      uint64_t v = words[w] >> s;
      if (s + W > 64) v |= words[w + 1] << (64 - s);
      out[i] = static_cast<int64_t>(base + (v & kMask));
    }
  }
}

// The inverse: 64 values minus `base` into W words (W * 8 bytes at out).
// Unrolled per width for the same reason: the encoder packs every trial
// encoding, and the generic loop was 4% of a small build's CPU.
template <int W>
void PackGroup(const int64_t* in, uint64_t base, uint8_t* out) {
  if constexpr (W > 0) {
    uint64_t words[W] = {};
#pragma GCC unroll 64
    for (size_t i = 0; i < kGroup; ++i) {
      const uint64_t v = static_cast<uint64_t>(in[i]) - base;
      assert(W == 64 || (v >> (W % 64)) == 0);
      const size_t bit = i * W;
      const size_t w = bit >> 6;
      const size_t s = bit & 63;
      words[w] |= v << s;
      if (s + W > 64) words[w + 1] |= v >> (64 - s);
    }
    std::memcpy(out, words, W * 8);
  }
}

using UnpackFn = void (*)(const uint8_t*, uint64_t, int64_t*);
using PackFn = void (*)(const int64_t*, uint64_t, uint8_t*);

template <size_t... W>
constexpr std::array<UnpackFn, sizeof...(W)> MakeTable(std::index_sequence<W...>) {
  return {&UnpackGroup<static_cast<int>(W)>...};
}

template <size_t... W>
constexpr std::array<PackFn, sizeof...(W)> MakePackTable(std::index_sequence<W...>) {
  return {&PackGroup<static_cast<int>(W)>...};
}

constexpr auto kUnpack = MakeTable(std::make_index_sequence<65>());
constexpr auto kPack = MakePackTable(std::make_index_sequence<65>());

}  // namespace

size_t BitpackedSize(size_t n, int width) {
  const size_t full = n / kGroup;
  const size_t rest = n % kGroup;
  return full * static_cast<size_t>(width) * 8 + (rest * static_cast<size_t>(width) + 7) / 8;
}

int BitWidth(uint64_t v) { return static_cast<int>(std::bit_width(v)); }

void BitPack(std::span<const int64_t> values, int64_t base, int width, std::string* dst) {
  assert(width >= 0 && width <= 64);
  if (width == 0) return;
  const size_t n = values.size();
  const PackFn fn = kPack[width];
  const uint64_t ubase = static_cast<uint64_t>(base);
  const size_t group_bytes = static_cast<size_t>(width) * 8;
  const size_t at = dst->size();
  dst->resize(at + BitpackedSize(n, width));
  auto* out = reinterpret_cast<uint8_t*>(dst->data() + at);
  const size_t full = n / kGroup;
  for (size_t g = 0; g < full; ++g) fn(values.data() + g * kGroup, ubase, out + g * group_bytes);
  const size_t rest = n % kGroup;
  if (rest == 0) return;
  // The partial group: pad with `base` (packed as zero bits) and keep the
  // bytes its values reach.
  int64_t padded[kGroup];
  std::memcpy(padded, values.data() + full * kGroup, rest * sizeof(int64_t));
  std::fill(padded + rest, padded + kGroup, base);
  uint8_t packed[64 * 8];
  fn(padded, ubase, packed);
  std::memcpy(out + full * group_bytes, packed, (rest * width + 7) / 8);
}

void BitUnpack(const uint8_t* src, size_t n, int width, int64_t base, int64_t* out) {
  assert(width >= 0 && width <= 64);
  const UnpackFn fn = kUnpack[width];
  const uint64_t ubase = static_cast<uint64_t>(base);
  const size_t group_bytes = static_cast<size_t>(width) * 8;
  const size_t full = n / kGroup;
  for (size_t g = 0; g < full; ++g) fn(src + g * group_bytes, ubase, out + g * kGroup);
  const size_t rest = n % kGroup;
  if (rest == 0) return;
  // The partial group is shorter than a full one: unpack from a zero-padded
  // copy so the kernel never reads past the input.
  uint8_t padded[64 * 8] = {};
  std::memcpy(padded, src + full * group_bytes, (rest * width + 7) / 8);
  int64_t tmp[kGroup];
  fn(padded, ubase, tmp);
  std::memcpy(out + full * kGroup, tmp, rest * sizeof(int64_t));
}

}  // namespace stedi
