// PlanNode: one operator of a plan tree, as PlanBuilder builds it. Internal
// to the engine; users hold PlanNodePtr and never look inside.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/scan_predicate.h"
#include "core/table.h"
#include "engine/expression.h"
#include "engine/plan.h"

namespace stedi {

struct PlanNode {
  enum class Kind {
    kScan,
    kValues,
    kFilter,
    kProject,
    kRename,
    kJoin,
    kSemiJoin,
    kAntiJoin,
    kDistinct,
    kAggregate,
    kSort,
    kLimit
  };

  Kind kind = Kind::kScan;
  std::vector<PlanNodePtr> inputs;  // one, or two for joins (left, right)

  std::string name;                     // kScan: table; kValues: label
  std::vector<std::string> columns;     // kScan, kProject, kDistinct; kAggregate: group by
  std::vector<ScanPredicate> pushed;    // kScan: predicates pushed by a Filter above
  std::shared_ptr<const Table> values;  // kValues
  ExprPtr predicate;                    // kFilter
  std::vector<std::pair<std::string, std::string>> renames;  // kRename
  std::vector<std::string> left_keys;                        // joins
  std::vector<std::string> right_keys;                       // joins
  JoinOrder join_order = JoinOrder::kKeys;                   // kJoin
  std::vector<AggSpec> aggs;                                 // kAggregate
  std::vector<SortKey> sort_keys;                            // kSort
  size_t limit = 0;                                          // kLimit
};

// One-line description of `node` alone, as Explain prints it.
std::string NodeLabel(const PlanNode& node);

}  // namespace stedi
