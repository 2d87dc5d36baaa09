// Stable multi-key sort. Each key becomes an order-preserving unsigned
// image (NULL above every value ascending, below descending; descending keys
// inverted); when the images of all keys fit together in 64 bits they are
// packed, straight from the columns, and the rows radix-sorted in O(n) per
// digit (with the row number in the same word when it fits: 8 bytes a row);
// otherwise a stable comparison sort walks the images key by key. Rows
// already in order are found by one pass over the packed keys and not moved.
//
// String key columns come out with a dictionary in sorted order (codes =
// ranks), so their codes order like their values: a join on the sorted
// column then finds that side already sorted and keeps its order, instead of
// emitting rows in the input dictionary's first-appearance order.

#include <algorithm>
#include <bit>
#include <memory>
#include <numeric>
#include <utility>

#include "engine/key_bits.h"
#include "engine/operators.h"
#include "engine/parallel.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

// How one key's values map to unsigned images that order like the wanted
// sort: value v becomes OrderBits(v) - lo, NULL becomes null_image (last
// ascending); descending keys are inverted within 0 .. null_image.
// When the values span all 2^64 images (an int64 key holding both extremes)
// there is no image left for NULL: the key is then `full`, its values keep
// their images (inverted when descending), and a NULL flag sorted before
// them (WideSortOrder) places the NULLs.
struct KeyImage {
  std::vector<int32_t> rank;  // string keys: rank[code] in byte-wise order
  uint64_t lo = 0;
  uint64_t null_image = 0;
  int width = 0;  // bits needed for null_image; 65 for a full key with NULLs
  bool ascending = true;
  bool full = false;
  bool nulls = false;
};

// Rows per task of the passes over all rows.
constexpr size_t kRowsPerTask = size_t{1} << 16;

size_t TaskCount(size_t n) { return (n + kRowsPerTask - 1) / kRowsPerTask; }

std::pair<size_t, size_t> TaskRows(size_t t, size_t n) {
  return {t * kRowsPerTask, std::min(n, (t + 1) * kRowsPerTask)};
}

// The image mapping of key column `c`: one pass for the values' range.
KeyImage ImageOf(const Column& c, bool ascending, int threads) {
  KeyImage img;
  img.ascending = ascending;
  if (c.type() == TypeId::kString) img.rank = c.dictionary().SortedRanks();
  const size_t n = c.size();
  std::vector<std::pair<uint64_t, uint64_t>> range(TaskCount(n), {~0ull, 0});
  ParallelFor(threads, range.size(), [&](size_t t) {
    const auto [begin, end] = TaskRows(t, n);
    // Plain references: clang before 16 cannot capture structured bindings.
    uint64_t& lo = range[t].first;
    uint64_t& hi = range[t].second;
    VisitOrderBits(c, img.rank, begin, end, [&](size_t, bool null, uint64_t bits) {
      if (!null) lo = std::min(lo, bits), hi = std::max(hi, bits);
    });
  });
  uint64_t lo = ~0ull, hi = 0;
  for (const auto& [l, h] : range) lo = std::min(lo, l), hi = std::max(hi, h);
  if (lo > hi) lo = hi = 0;
  img.lo = lo;
  img.null_image = hi - lo + 1;  // 0 (wrapped) when full
  img.full = hi - lo == ~0ull;
  img.nulls = c.null_count() > 0;
  img.width = img.full ? (img.nulls ? 65 : 64) : 64 - std::countl_zero(img.null_image);
  return img;
}

// Calls f(row, image) for rows [begin, end) of key column `c`.
template <typename F>
void VisitImages(const Column& c, const KeyImage& img, size_t begin, size_t end, F&& f) {
  VisitOrderBits(c, img.rank, begin, end, [&](size_t i, bool null, uint64_t bits) {
    if (img.full) {  // NULLs (image 0 here) are placed by their own flag
      const uint64_t v = null ? 0 : bits - img.lo;
      f(i, img.ascending ? v : ~v);
      return;
    }
    const uint64_t v = null ? img.null_image : bits - img.lo;
    f(i, img.ascending ? v : img.null_image - v);
  });
}

// A sort's key arrays are as large as the table: given back to malloc when
// freed rather than kept for later operators (BlockReuse::kRelease).
template <typename T>
Buffer<T> KeyArray(size_t n) {
  return Buffer<T>(n, BlockReuse::kRelease);
}

// The stable sorted order of `n` rows by keys whose images pack into at most
// 64 bits (first key highest); empty when the rows are already in it. Each
// row's packed key is written straight from the columns, and when the row
// number fits below it too (key bits + row bits <= 64, as for a device and a
// timestamp), key and row share one word: 8 bytes a row to sort instead of
// 16, and the sort is stable by construction, the row breaking ties.
std::vector<uint32_t> PackedSortOrder(const std::vector<const Column*>& columns,
                                      const std::vector<KeyImage>& images, int total_width,
                                      size_t n, int threads) {
  const int row_bits = n <= 1 ? 0 : std::bit_width(n - 1);
  const bool with_rows = total_width + row_bits <= 64;
  Buffer<uint64_t> keys = KeyArray<uint64_t>(n);
  uint64_t* k = keys.data();
  std::vector<char> sorted(TaskCount(n), 1);
  ParallelFor(threads, sorted.size(), [&](size_t t) {
    const auto [begin, end] = TaskRows(t, n);
    for (size_t key = 0; key < images.size(); ++key) {
      const int width = images[key].width;
      if (key == 0) {
        VisitImages(*columns[key], images[key], begin, end,
                    [&](size_t i, uint64_t v) { k[i] = v; });
      } else {
        VisitImages(*columns[key], images[key], begin, end,
                    [&](size_t i, uint64_t v) { k[i] = width == 64 ? v : k[i] << width | v; });
      }
    }
    if (with_rows) {
      for (size_t i = begin; i < end; ++i) k[i] = row_bits == 0 ? k[i] : k[i] << row_bits | i;
    }
    for (size_t i = begin + 1; i < end && sorted[t]; ++i) sorted[t] = k[i - 1] <= k[i];
  });
  for (size_t t = 1; t < sorted.size(); ++t) {
    const size_t first = TaskRows(t, n).first;
    sorted[t] = sorted[t] && k[first - 1] <= k[first];
  }
  std::vector<uint32_t> order;
  if (std::all_of(sorted.begin(), sorted.end(), [](char s) { return s != 0; })) return order;
  order.resize(n);
  if (with_rows) {
    Buffer<uint64_t> scratch = KeyArray<uint64_t>(n);
    const uint64_t* out = RadixSortKeys(k, scratch.data(), n, total_width + row_bits, threads);
    const uint64_t row_mask = row_bits == 0 ? 0 : (uint64_t{1} << row_bits) - 1;
    ParallelFor(threads, sorted.size(), [&](size_t t) {
      const auto [begin, end] = TaskRows(t, n);
      for (size_t r = begin; r < end; ++r) order[r] = static_cast<uint32_t>(out[r] & row_mask);
    });
    return order;
  }
  Buffer<KeyRow> rows = KeyArray<KeyRow>(n);
  ParallelFor(threads, sorted.size(), [&](size_t t) {
    const auto [begin, end] = TaskRows(t, n);
    for (size_t r = begin; r < end; ++r) rows[r] = KeyRow{k[r], static_cast<uint32_t>(r), 0};
  });
  keys = Buffer<uint64_t>();
  Buffer<KeyRow> scratch = KeyArray<KeyRow>(n);
  const KeyRow* out = RadixSortKeyRows(rows.data(), scratch.data(), n, total_width, threads);
  ParallelFor(threads, sorted.size(), [&](size_t t) {
    const auto [begin, end] = TaskRows(t, n);
    for (size_t r = begin; r < end; ++r) order[r] = out[r].row;
  });
  return order;
}

// Keys wider than 64 bits together: a stable comparison sort over each
// key's images, key by key. Empty when the rows are already in order.
std::vector<uint32_t> WideSortOrder(const std::vector<const Column*>& columns,
                                    const std::vector<KeyImage>& images, size_t n) {
  std::vector<std::vector<uint64_t>> parts;
  for (size_t key = 0; key < images.size(); ++key) {
    const KeyImage& img = images[key];
    if (img.full && img.nulls) {  // NULLs last ascending, first descending
      std::vector<uint64_t>& flag = parts.emplace_back(n);
      for (size_t i = 0; i < n; ++i) flag[i] = columns[key]->IsNull(i) == img.ascending;
    }
    std::vector<uint64_t>& part = parts.emplace_back(n);
    VisitImages(*columns[key], img, 0, n, [&](size_t i, uint64_t v) { part[i] = v; });
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  auto less = [&](uint32_t a, uint32_t b) {
    for (const std::vector<uint64_t>& part : parts) {
      if (part[a] != part[b]) return part[a] < part[b];
    }
    return false;
  };
  if (std::is_sorted(order.begin(), order.end(), less)) return {};
  std::stable_sort(order.begin(), order.end(), less);
  return order;
}

// Recodes string column `c` so codes are ranks in byte-wise order, given
// rank[code] of its dictionary. Equal strings (a dictionary read from
// storage may repeat one) share a code.
void UseSortedDictionary(const std::vector<int32_t>& rank, Column* c) {
  const StringDictionary& old = c->dictionary();
  std::vector<int32_t> by_rank(rank.size());
  for (size_t code = 0; code < rank.size(); ++code)
    by_rank[rank[code]] = static_cast<int32_t>(code);
  auto dict = std::make_shared<StringDictionary>();
  std::vector<int32_t> recode(rank.size());
  for (int32_t code : by_rank) recode[code] = dict->Intern(old.Get(code));
  std::vector<int32_t>& codes = c->data<int32_t>();
  for (size_t i = 0; i < codes.size(); ++i) {
    if (!c->IsNull(i)) codes[i] = recode[codes[i]];
  }
  c->set_dictionary(std::move(dict));
}

}  // namespace

Result<Table> SortTable(const Table& input, const std::vector<SortKey>& keys, int threads) {
  std::vector<size_t> columns;
  for (const SortKey& k : keys) {
    STEDI_ASSIGN_OR_RETURN(size_t i, input.ColumnIndex(k.column));
    columns.push_back(i);
  }
  std::vector<const Column*> key_columns;
  for (size_t i : columns) key_columns.push_back(&input.column(i));
  std::vector<KeyImage> images;
  for (size_t k = 0; k < keys.size(); ++k)
    images.push_back(ImageOf(*key_columns[k], keys[k].ascending, threads));
  int total = 0;
  for (const KeyImage& img : images) total += img.width;
  const size_t n = input.num_rows();
  const std::vector<uint32_t> order = total <= 64
                                          ? PackedSortOrder(key_columns, images, total, n, threads)
                                          : WideSortOrder(key_columns, images, n);
  std::vector<Column> out(input.num_columns());
  ParallelFor(threads, out.size(), [&](size_t c) {
    out[c] = order.empty() ? input.column(c) : input.column(c).Gather(order);
  });
  for (size_t k = 0; k < keys.size(); ++k) {
    // A column listed twice as a key is recoded once.
    const bool first =
        std::find(columns.begin(), columns.begin() + k, columns[k]) == columns.begin() + k;
    if (!images[k].rank.empty() && first) UseSortedDictionary(images[k].rank, &out[columns[k]]);
  }
  return Table::Make(input.schema(), std::move(out));
}

}  // namespace stedi
