#include "storage/row_sort.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>
#include <type_traits>
#include <utility>

namespace stedi {
namespace {

// A sort column as unsigned keys ordered like its values, shifted to start at
// 0 (nulls, when present, take 0 and values start at 1), and the bits they need.
struct KeyField {
  std::vector<uint64_t> keys;  // one per row, in row order
  int bits = 0;
};

uint64_t DoubleKey(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, 8);
  return (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
}

// Order-preserving unsigned key of every row (nulls get any value).
std::vector<uint64_t> RawKeys(const Column& c) {
  const size_t n = c.size();
  std::vector<uint64_t> keys(n);
  switch (c.type()) {
    case TypeId::kString: {
      const std::vector<int32_t> rank = c.dictionary().SortedRanks();
      const std::vector<int32_t>& codes = c.codes();
      for (size_t i = 0; i < n; ++i) keys[i] = c.IsNull(i) ? 0 : rank[codes[i]];
      break;
    }
    case TypeId::kDouble:
      for (size_t i = 0; i < n; ++i) keys[i] = DoubleKey(c.data<double>()[i]);
      break;
    default:
      VisitPhysical(c.type(), [&](auto t) {
        using T = decltype(t);
        const auto& v = c.data<T>();
        constexpr uint64_t kSign = uint64_t{1} << 63;
        if constexpr (std::is_integral_v<T>) {
          for (size_t i = 0; i < n; ++i) keys[i] = static_cast<uint64_t>(int64_t{v[i]}) ^ kSign;
        }
      });
  }
  return keys;
}

// One column becomes one or two fields: a null flag (only when it has nulls
// and its value range leaves no room for a 0 below it) and the values.
void AddFields(const Column& c, std::vector<KeyField>* fields) {
  KeyField f;
  f.keys = RawKeys(c);
  uint64_t lo = UINT64_MAX, hi = 0;
  for (size_t i = 0; i < f.keys.size(); ++i) {
    if (c.IsNull(i)) continue;
    lo = std::min(lo, f.keys[i]);
    hi = std::max(hi, f.keys[i]);
  }
  if (lo > hi) return;  // all null: every row ties
  const bool nulls = c.null_count() > 0;
  const uint64_t span = hi - lo;
  if (nulls && span == UINT64_MAX) {
    KeyField flag;
    flag.keys.resize(f.keys.size());
    for (size_t i = 0; i < f.keys.size(); ++i) flag.keys[i] = c.IsNull(i) ? 0 : 1;
    flag.bits = 1;
    fields->push_back(std::move(flag));
  }
  const uint64_t base = nulls && span != UINT64_MAX ? lo - 1 : lo;
  for (size_t i = 0; i < f.keys.size(); ++i) f.keys[i] = c.IsNull(i) ? 0 : f.keys[i] - base;
  f.bits = std::bit_width(span + (base != lo ? 1 : 0));
  if (f.bits > 0) fields->push_back(std::move(f));
}

// Packs consecutive fields into 64-bit words, earlier fields in higher bits;
// returns the words' keys, most significant word first.
std::vector<std::vector<uint64_t>> PackWords(std::vector<KeyField> fields, size_t n) {
  std::vector<std::vector<uint64_t>> words;
  int used = 64;
  for (KeyField& f : fields) {
    if (used + f.bits > 64) {
      words.emplace_back(n, 0);
      used = 0;
    }
    std::vector<uint64_t>& w = words.back();
    for (size_t i = 0; i < n; ++i) w[i] = f.bits == 64 ? f.keys[i] : (w[i] << f.bits) | f.keys[i];
    used += f.bits;
    std::vector<uint64_t>().swap(f.keys);
  }
  return words;
}

// Stable LSD radix sort of `rows` by keys[rows[i]], kDigitBits per pass over
// the bits the keys use; passes whose digit is the same for every row are
// skipped.
void RadixSortBy(const std::vector<uint64_t>& keys, std::vector<uint32_t>* rows) {
  constexpr int kDigitBits = 11;
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  const size_t n = rows->size();
  std::vector<uint64_t> k(n), k2(n);
  std::vector<uint32_t> r2(n);
  bool sorted = true;
  uint64_t used = 0;
  for (size_t i = 0; i < n; ++i) {
    k[i] = keys[(*rows)[i]];
    used |= k[i];
    sorted = sorted && (i == 0 || k[i - 1] <= k[i]);
  }
  if (sorted) return;
  const int passes = (std::bit_width(used) + kDigitBits - 1) / kDigitBits;
  std::vector<std::vector<size_t>> counts(passes, std::vector<size_t>(kBuckets));
  for (uint64_t key : k) {
    for (int p = 0; p < passes; ++p) ++counts[p][(key >> (kDigitBits * p)) & (kBuckets - 1)];
  }
  for (int p = 0; p < passes; ++p) {
    const int shift = kDigitBits * p;
    std::vector<size_t>& c = counts[p];
    if (c[(k[0] >> shift) & (kBuckets - 1)] == n) continue;
    size_t sum = 0;
    for (size_t& x : c) sum += std::exchange(x, sum);
    for (size_t i = 0; i < n; ++i) {
      const size_t at = c[(k[i] >> shift) & (kBuckets - 1)]++;
      k2[at] = k[i];
      r2[at] = (*rows)[i];
    }
    k.swap(k2);
    rows->swap(r2);
  }
}

template <typename T>
int8_t Sign(T a, T b) {
  return static_cast<int8_t>((a > b) - (a < b));
}

// For each row i in [begin, end) still tied with row i - 1 on the earlier
// columns (cmp[i - begin] == 0), the sign of row i - 1 minus row i on `c`:
// `sign(a, b)` for two values, nulls first.
template <typename SignFn>
void CompareNeighbours(const Column& c, size_t begin, size_t end, SignFn sign, int8_t* cmp) {
  const bool nulls = c.null_count() > 0;
  for (size_t i = begin; i < end; ++i) {
    int8_t& o = cmp[i - begin];
    if (o != 0) continue;
    if (nulls && (c.IsNull(i - 1) || c.IsNull(i))) {
      o = c.IsNull(i - 1) ? static_cast<int8_t>(-!c.IsNull(i)) : int8_t{1};
      continue;
    }
    o = sign(i - 1, i);
  }
}

// The same order as RawKeys, compared directly: strings by their bytes (only
// where the codes differ), so no dictionary needs sorting.
void CompareColumn(const Column& c, size_t begin, size_t end, int8_t* cmp) {
  switch (c.type()) {
    case TypeId::kString: {
      const int32_t* codes = c.codes().data();
      const StringDictionary& dict = c.dictionary();
      auto sign = [&](size_t a, size_t b) -> int8_t {
        if (codes[a] == codes[b]) return 0;
        return Sign(dict.Get(codes[a]).compare(dict.Get(codes[b])), 0);
      };
      return CompareNeighbours(c, begin, end, sign, cmp);
    }
    case TypeId::kDouble: {
      const double* v = c.data<double>().data();
      auto sign = [&](size_t a, size_t b) { return Sign(DoubleKey(v[a]), DoubleKey(v[b])); };
      return CompareNeighbours(c, begin, end, sign, cmp);
    }
    default:
      VisitPhysical(c.type(), [&](auto t) {
        using T = decltype(t);
        if constexpr (std::is_integral_v<T>) {
          const T* v = c.data<T>().data();
          auto sign = [&](size_t a, size_t b) { return Sign(v[a], v[b]); };
          CompareNeighbours(c, begin, end, sign, cmp);
        }
      });
  }
}

Result<std::vector<const Column*>> SortColumns(const Table& table,
                                               const std::vector<std::string>& columns) {
  std::vector<const Column*> out;
  for (const std::string& name : columns) {
    STEDI_ASSIGN_OR_RETURN(size_t i, table.ColumnIndex(name));
    out.push_back(&table.column(i));
  }
  return out;
}

// Blocks of neighbour pairs, column by column: a later column is read only
// for pairs the earlier ones tie, and an unsorted table stops at its first
// block out of order.
bool InOrder(const std::vector<const Column*>& columns, size_t n) {
  constexpr size_t kBlock = 1024;
  int8_t cmp[kBlock];
  for (size_t begin = 1; begin < n; begin += kBlock) {
    const size_t end = std::min(n, begin + kBlock);
    std::fill_n(cmp, end - begin, int8_t{0});
    for (const Column* c : columns) CompareColumn(*c, begin, end, cmp);
    if (std::any_of(cmp, cmp + (end - begin), [](int8_t o) { return o > 0; })) return false;
  }
  return true;
}

}  // namespace

Result<bool> IsSortedBy(const Table& table, const std::vector<std::string>& columns) {
  STEDI_ASSIGN_OR_RETURN(std::vector<const Column*> cols, SortColumns(table, columns));
  return InOrder(cols, table.num_rows());
}

Result<std::vector<uint32_t>> SortPermutation(const Table& table,
                                              const std::vector<std::string>& columns) {
  STEDI_ASSIGN_OR_RETURN(std::vector<const Column*> cols, SortColumns(table, columns));
  const size_t n = table.num_rows();
  if (InOrder(cols, n)) return std::vector<uint32_t>{};
  std::vector<KeyField> fields;
  for (const Column* c : cols) AddFields(*c, &fields);
  std::vector<uint32_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  // LSD over the words: sorting stably by the least significant word first
  // leaves the rows ordered by all of them.
  const std::vector<std::vector<uint64_t>> words = PackWords(std::move(fields), n);
  for (auto w = words.rbegin(); w != words.rend(); ++w) RadixSortBy(*w, &perm);
  return perm;
}

}  // namespace stedi
