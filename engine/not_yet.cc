// Temporary: operators not implemented yet return NotSupported. Removed as
// each lands in its own file.
#include "engine/operators.h"

namespace stedi {

Result<Table> DistinctTable(const Table&, const std::vector<std::string>&) {
  return Status::NotSupported("Distinct not implemented yet");
}
Result<Table> AggregateTable(const Table&, const std::vector<std::string>&,
                             const std::vector<AggSpec>&) {
  return Status::NotSupported("Aggregate not implemented yet");
}
Result<Table> SortTable(const Table&, const std::vector<SortKey>&) {
  return Status::NotSupported("Sort not implemented yet");
}

}  // namespace stedi
