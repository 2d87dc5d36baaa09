#include "engine/key_bits.h"

#include <utility>

namespace stedi {

void ColumnOrderBits(const Column& c, bool string_order, std::vector<uint64_t>* out,
                     std::vector<int32_t>* ranks) {
  const size_t n = c.size();
  out->resize(n);
  uint64_t* o = out->data();
  switch (c.type()) {
    case TypeId::kString: {
      const int32_t* codes = c.codes().data();
      if (string_order) {
        std::vector<int32_t> rank = c.dictionary().SortedRanks();
        for (size_t i = 0; i < n; ++i)
          o[i] = c.IsNull(i) ? 0 : static_cast<uint64_t>(rank[codes[i]]);
        if (ranks != nullptr) *ranks = std::move(rank);
      } else {
        for (size_t i = 0; i < n; ++i) o[i] = static_cast<uint32_t>(codes[i]);
      }
      break;
    }
    case TypeId::kBool: {
      const uint8_t* v = c.data<uint8_t>().data();
      for (size_t i = 0; i < n; ++i) o[i] = v[i] != 0;
      break;
    }
    case TypeId::kDouble: {
      const double* v = c.data<double>().data();
      for (size_t i = 0; i < n; ++i) o[i] = OrderBits(v[i]);
      break;
    }
    case TypeId::kInt32: {
      const int32_t* v = c.data<int32_t>().data();
      for (size_t i = 0; i < n; ++i) o[i] = OrderBits(int64_t{v[i]});
      break;
    }
    case TypeId::kInt64:
    case TypeId::kTimestamp: {
      const int64_t* v = c.data<int64_t>().data();
      for (size_t i = 0; i < n; ++i) o[i] = OrderBits(v[i]);
      break;
    }
  }
  if (c.null_count() > 0) {
    for (size_t i = 0; i < n; ++i) {
      if (c.IsNull(i)) o[i] = 0;
    }
  }
}

}  // namespace stedi
