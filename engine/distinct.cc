#include "engine/grouping.h"
#include "engine/operators.h"

namespace stedi {

Result<Table> DistinctTable(const Table& input, const std::vector<std::string>& columns) {
  Table t = input;
  if (!columns.empty()) {
    STEDI_ASSIGN_OR_RETURN(t, input.Project(columns));
  }
  std::vector<size_t> all(t.num_columns());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  const Grouping g = GroupRows(GroupKeyParts(t, all), t.num_rows());
  if (g.first_row.size() == t.num_rows()) return t;
  return t.Gather(g.first_row);
}

}  // namespace stedi
