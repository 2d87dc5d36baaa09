// Grouping: assigns every row a dense group id by the values of some
// columns (NULLs equal each other, as GROUP BY and DISTINCT want), with
// groups numbered in order of first occurrence. Hash-based: an open
// addressing table over the rows' key parts; collisions are resolved by
// comparing the parts, so the result is exact.
#pragma once

#include <cstdint>
#include <vector>

#include "core/table.h"

namespace stedi {

struct Grouping {
  std::vector<uint32_t> group_of_row;  // one per row
  std::vector<uint32_t> first_row;     // one per group: its first row
};

// Key parts of `columns` of `t`: one vector per column (value images, 0 for
// NULL) plus, when any of them has NULLs, one part of null flags.
std::vector<std::vector<uint64_t>> GroupKeyParts(const Table& t,
                                                 const std::vector<size_t>& columns);

// Groups rows 0..n-1 by equal parts. REQUIRES: every part has n entries.
// With no parts, all n rows form one group (none when n == 0).
Grouping GroupRows(const std::vector<std::vector<uint64_t>>& parts, size_t n);

}  // namespace stedi
