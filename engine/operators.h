// The physical operators, each a function from whole input Tables to an
// output Table (operator-at-a-time execution; see docs/ENGINE.md). Each is
// defined in the file named for it. All report bad names and types as a
// Status naming the column.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/table.h"
#include "engine/expression.h"
#include "engine/plan.h"

namespace stedi {

// Rows of `input` where `predicate` is TRUE, in input order. (filter.cc)
Result<Table> FilterTable(const Table& input, const ExprPtr& predicate, int threads);

enum class JoinType { kInner, kSemi, kAnti };
// Equi-join on the key columns (join_operator.cc). kInner: left columns then
// right columns, in `order` (plan.h); kSemi/kAnti: left rows, left order.
Result<Table> JoinTables(const Table& left, const Table& right,
                         const std::vector<std::string>& left_keys,
                         const std::vector<std::string>& right_keys, JoinType type, int threads,
                         JoinOrder order = JoinOrder::kKeys);
// The number of rows the kInner join would return, counted from the keys
// alone without building them (join_operator.cc); same errors.
Result<uint64_t> CountJoinMatches(const Table& left, const Table& right,
                                  const std::vector<std::string>& left_keys,
                                  const std::vector<std::string>& right_keys, int threads);

// Distinct rows over `columns` (empty = all), first occurrence order. (distinct.cc)
Result<Table> DistinctTable(const Table& input, const std::vector<std::string>& columns);

// Group-by aggregation, groups in first occurrence order. (aggregate.cc)
Result<Table> AggregateTable(const Table& input, const std::vector<std::string>& group_by,
                             const std::vector<AggSpec>& aggs);

// Stable multi-key sort, on up to `threads` threads. (sort.cc)
Result<Table> SortTable(const Table& input, const std::vector<SortKey>& keys, int threads = 1);

// Project, Rename and Limit. (reshape.cc)
Result<Table> ProjectTable(const Table& input, const std::vector<std::string>& columns);
Result<Table> RenameTable(const Table& input,
                          const std::vector<std::pair<std::string, std::string>>& from_to);
Table LimitTable(const Table& input, size_t n);

}  // namespace stedi
