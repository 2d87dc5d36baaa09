// Stable multi-key sort. Each key becomes an order-preserving unsigned
// image (NULL above every value ascending, below descending; descending keys
// inverted); when the images of all keys fit together in 64 bits they are
// packed and the rows radix-sorted in O(n) per digit, otherwise a stable
// comparison sort walks the images key by key.
#include <algorithm>
#include <bit>
#include <numeric>

#include "engine/key_bits.h"
#include "engine/operators.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

struct SortImage {
  std::vector<uint64_t> part;  // 0 .. span, ascending order of the wanted sort
  int width = 0;               // bits needed for span
};

SortImage ImageOf(const Column& c, bool ascending) {
  SortImage img;
  ColumnOrderBits(c, /*string_order=*/true, &img.part);
  uint64_t lo = ~0ull, hi = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    if (!c.IsNull(i)) lo = std::min(lo, img.part[i]), hi = std::max(hi, img.part[i]);
  }
  if (lo > hi) lo = hi = 0;
  // Values 0 .. hi - lo, NULL = hi - lo + 1 (last); descending flips the range.
  const uint64_t null_image = hi - lo + 1;
  for (size_t i = 0; i < c.size(); ++i) {
    uint64_t v = c.IsNull(i) ? null_image : img.part[i] - lo;
    img.part[i] = ascending ? v : null_image - v;
  }
  img.width = null_image == 0 ? 64 : 64 - std::countl_zero(null_image);
  return img;
}

}  // namespace

Result<Table> SortTable(const Table& input, const std::vector<SortKey>& keys) {
  std::vector<SortImage> images;
  int total = 0;
  for (const SortKey& k : keys) {
    STEDI_ASSIGN_OR_RETURN(size_t i, input.ColumnIndex(k.column));
    images.push_back(ImageOf(input.column(i), k.ascending));
    total += images.back().width;
  }
  const size_t n = input.num_rows();
  std::vector<uint32_t> order(n);
  if (total <= 64) {
    Buffer<KeyRow> rows(n), scratch(n);
    for (size_t r = 0; r < n; ++r) {
      uint64_t key = 0;
      for (const SortImage& img : images)
        key = img.width == 64 ? img.part[r] : (key << img.width) | img.part[r];
      rows[r] = KeyRow{key, static_cast<uint32_t>(r), 0};
    }
    const KeyRow* sorted = RadixSortKeyRows(rows.data(), scratch.data(), n, total);
    for (size_t r = 0; r < n; ++r) order[r] = sorted[r].row;
  } else {
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      for (const SortImage& img : images) {
        if (img.part[a] != img.part[b]) return img.part[a] < img.part[b];
      }
      return false;
    });
  }
  return input.Gather(order);
}

}  // namespace stedi
