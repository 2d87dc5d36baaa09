// RowSort: the clustering order WriteOptions.sort_by asks for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"

namespace stedi {

// The row permutation that stably sorts `table` by `columns`, ascending, nulls
// first; strings compare byte-wise, doubles in IEEE total order (-NaN < -inf <
// ... < -0.0 < +0.0 < ... < +inf < +NaN). Empty when the rows are already in
// that order (IsSortedBy), so a caller writes them as they are: no keys, no
// permutation, no gather. NotFound for an unknown column.
Result<std::vector<uint32_t>> SortPermutation(const Table& table,
                                              const std::vector<std::string>& columns);

// True when every row is >= the row before it in SortPermutation's order,
// i.e. its permutation is the identity. One pass comparing neighbours, which
// stops at the first pair out of order. NotFound for an unknown column.
Result<bool> IsSortedBy(const Table& table, const std::vector<std::string>& columns);

}  // namespace stedi
