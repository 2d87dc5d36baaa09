#include "engine/key_bits.h"

namespace stedi {

void ColumnOrderBits(const Column& c, bool string_order, std::vector<uint64_t>* out) {
  std::vector<int32_t> rank;
  if (string_order && c.type() == TypeId::kString) rank = c.dictionary().SortedRanks();
  out->resize(c.size());
  uint64_t* o = out->data();
  VisitOrderBits(c, rank, 0, c.size(), [&](size_t i, bool, uint64_t bits) { o[i] = bits; });
}

}  // namespace stedi
