#include "storage/row_sort.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace stedi {
namespace {

// Each sort column as one int64 key per row, ordered like the values; nulls
// are handled by the comparator.
struct SortKey {
  const Column* column;
  std::vector<int64_t> keys;
  std::vector<uint64_t> ukeys;  // doubles, in total order
};

uint64_t DoubleKey(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, 8);
  return (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
}

SortKey MakeKey(const Column& c) {
  SortKey k{&c, {}, {}};
  const size_t n = c.size();
  switch (c.type()) {
    case TypeId::kString: {
      const std::vector<int32_t> rank = c.dictionary().SortedRanks();
      k.keys.resize(n);
      for (size_t i = 0; i < n; ++i) k.keys[i] = c.IsNull(i) ? 0 : rank[c.codes()[i]];
      break;
    }
    case TypeId::kDouble:
      k.ukeys.resize(n);
      for (size_t i = 0; i < n; ++i) k.ukeys[i] = DoubleKey(c.data<double>()[i]);
      break;
    default:
      VisitPhysical(c.type(), [&](auto t) {
        using T = decltype(t);
        const auto& v = c.data<T>();
        k.keys.assign(v.begin(), v.end());
      });
  }
  return k;
}

// <0, 0, >0 as row a sorts before, with, after row b on this key.
int CompareRows(const SortKey& k, uint32_t a, uint32_t b) {
  const bool na = k.column->IsNull(a), nb = k.column->IsNull(b);
  if (na || nb) return static_cast<int>(nb) - static_cast<int>(na);
  if (!k.ukeys.empty()) return (k.ukeys[a] > k.ukeys[b]) - (k.ukeys[a] < k.ukeys[b]);
  return (k.keys[a] > k.keys[b]) - (k.keys[a] < k.keys[b]);
}

}  // namespace

Result<std::vector<uint32_t>> SortPermutation(const Table& table,
                                              const std::vector<std::string>& columns) {
  std::vector<SortKey> keys;
  for (const std::string& name : columns) {
    STEDI_ASSIGN_OR_RETURN(size_t i, table.ColumnIndex(name));
    keys.push_back(MakeKey(table.column(i)));
  }
  std::vector<uint32_t> perm(table.num_rows());
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) {
    for (const SortKey& k : keys) {
      if (int c = CompareRows(k, a, b)) return c < 0;
    }
    return false;
  });
  return perm;
}

}  // namespace stedi
