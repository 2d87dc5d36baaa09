// Stable multi-key sort. Each key becomes an order-preserving unsigned
// image (NULL above every value ascending, below descending; descending keys
// inverted); when the images of all keys fit together in 64 bits they are
// packed and the rows radix-sorted in O(n) per digit, otherwise a stable
// comparison sort walks the images key by key. Rows already in order are
// found by one pass over the packed keys and not moved.
//
// String key columns come out with a dictionary in sorted order (codes =
// ranks), so their codes order like their values: a join on the sorted
// column then finds that side already sorted and keeps its order, instead of
// emitting rows in the input dictionary's first-appearance order.
#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <utility>

#include "engine/key_bits.h"
#include "engine/operators.h"
#include "engine/parallel.h"
#include "engine/radix_sort.h"

namespace stedi {

namespace {

struct SortImage {
  std::vector<uint64_t> part;  // 0 .. span, ascending order of the wanted sort
  int width = 0;               // bits needed for span
  std::vector<int32_t> rank;   // string keys: rank[code] in byte-wise order
};

SortImage ImageOf(const Column& c, bool ascending) {
  SortImage img;
  ColumnOrderBits(c, /*string_order=*/true, &img.part, &img.rank);
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

// Sort keys for a whole table, given back to malloc when freed. Not Buffer:
// Buffer keeps freed blocks cached for later operators, and a sort of a
// whole landing table would keep its 32 bytes a row reserved for the rest of
// a lake build (scale 30: +80 MiB peak); freed, the next tables reuse them.
// Like Buffer it asks for transparent huge pages: first-touch faults on 4 KB
// pages cost a quarter of the sort. Uninitialised.
template <typename T>
class HugeArray {
 public:
  explicit HugeArray(size_t n) {
    constexpr size_t kHugePage = size_t{2} << 20;
    const size_t bytes = std::max<size_t>(1, n * sizeof(T));
    if (bytes < kHugePage) {
      data_.reset(static_cast<T*>(std::malloc(bytes)));  // small: no rounding up
    } else {
      const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      data_.reset(static_cast<T*>(std::aligned_alloc(kHugePage, rounded)));
      if (data_) madvise(data_.get(), rounded, MADV_HUGEPAGE);  // a hint: failure only costs speed
    }
    if (!data_) std::abort();  // out of memory, as Buffer does
  }
  T* get() { return data_.get(); }
  T& operator[](size_t i) { return data_.get()[i]; }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T, Free> data_;
};

// The key of row r: the images packed, first key in the highest bits.
uint64_t PackedKey(const std::vector<SortImage>& images, size_t r) {
  uint64_t key = 0;
  for (const SortImage& img : images)
    key = img.width == 64 ? img.part[r] : (key << img.width) | img.part[r];
  return key;
}

// The stable sorted order of the rows by `images`; empty when the rows are
// already in it. Frees the images' parts once read (peak memory: the sort
// runs beside its input and the table it scanned from).
std::vector<uint32_t> SortOrder(std::vector<SortImage>& images, int total_width, size_t n,
                                int threads) {
  std::vector<uint32_t> order;
  if (total_width <= 64) {
    HugeArray<KeyRow> rows(n);
    constexpr size_t kRowsPerTask = 1 << 16;
    const size_t tasks = (n + kRowsPerTask - 1) / kRowsPerTask;
    auto rows_of = [&](size_t t) {
      return std::pair<size_t, size_t>(t * kRowsPerTask, std::min(n, (t + 1) * kRowsPerTask));
    };
    std::vector<char> sorted(tasks, 1);
    ParallelFor(threads, tasks, [&](size_t t) {
      const auto [begin, end] = rows_of(t);
      uint64_t last = begin == 0 ? 0 : PackedKey(images, begin - 1);
      for (size_t r = begin; r < end; ++r) {
        const uint64_t key = PackedKey(images, r);
        rows[r] = KeyRow{key, static_cast<uint32_t>(r), 0};
        sorted[t] = sorted[t] && last <= key;
        last = key;
      }
    });
    for (SortImage& img : images) std::vector<uint64_t>().swap(img.part);
    if (std::all_of(sorted.begin(), sorted.end(), [](char s) { return s != 0; })) return order;
    HugeArray<KeyRow> scratch(n);
    const KeyRow* out = RadixSortKeyRows(rows.get(), scratch.get(), n, total_width, threads);
    order.resize(n);
    ParallelFor(threads, tasks, [&](size_t t) {
      const auto [begin, end] = rows_of(t);
      for (size_t r = begin; r < end; ++r) order[r] = out[r].row;
    });
    return order;
  }
  order.resize(n);
  std::iota(order.begin(), order.end(), 0u);
  auto less = [&](uint32_t a, uint32_t b) {
    for (const SortImage& img : images) {
      if (img.part[a] != img.part[b]) return img.part[a] < img.part[b];
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
  std::vector<SortImage> images(keys.size());
  ParallelFor(threads, keys.size(),
              [&](size_t k) { images[k] = ImageOf(input.column(columns[k]), keys[k].ascending); });
  int total = 0;
  for (const SortImage& img : images) total += img.width;
  const std::vector<uint32_t> order = SortOrder(images, total, input.num_rows(), threads);
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
