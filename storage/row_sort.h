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
// ... < -0.0 < +0.0 < ... < +inf < +NaN). NotFound for an unknown column.
Result<std::vector<uint32_t>> SortPermutation(const Table& table,
                                              const std::vector<std::string>& columns);

}  // namespace stedi
