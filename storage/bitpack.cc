#include "storage/bitpack.h"

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

using UnpackFn = void (*)(const uint8_t*, uint64_t, int64_t*);

template <size_t... W>
constexpr std::array<UnpackFn, sizeof...(W)> MakeTable(std::index_sequence<W...>) {
  return {&UnpackGroup<static_cast<int>(W)>...};
}

constexpr auto kUnpack = MakeTable(std::make_index_sequence<65>());

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
  for (size_t start = 0; start < n; start += kGroup) {
    const size_t count = std::min(kGroup, n - start);
    uint64_t words[65] = {};
    for (size_t i = 0; i < count; ++i) {
      const uint64_t v = static_cast<uint64_t>(values[start + i]) - static_cast<uint64_t>(base);
      assert(width == 64 || (v >> width) == 0);
      const size_t bit = i * width;
      const size_t w = bit >> 6;
      const size_t s = bit & 63;
      words[w] |= v << s;
      if (s + width > 64) words[w + 1] |= v >> (64 - s);
    }
    const size_t bytes = (count * width + 7) / 8;
    dst->append(reinterpret_cast<const char*>(words), bytes);
  }
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
