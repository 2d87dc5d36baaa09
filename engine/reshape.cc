#include <numeric>

#include "engine/operators.h"

namespace stedi {

Result<Table> ProjectTable(const Table& input, const std::vector<std::string>& columns) {
  return input.Project(columns);
}

Result<Table> RenameTable(const Table& input,
                          const std::vector<std::pair<std::string, std::string>>& from_to) {
  std::vector<Field> fields = input.schema().fields();
  for (const auto& [from, to] : from_to) {
    STEDI_ASSIGN_OR_RETURN(size_t i, input.ColumnIndex(from));
    fields[i].name = to;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    for (size_t j = i + 1; j < fields.size(); ++j) {
      if (fields[i].name == fields[j].name) {
        return Status::InvalidArgument("rename gives two columns the name '" + fields[i].name +
                                       "'");
      }
    }
  }
  return Table::Make(Schema(std::move(fields)), input.columns());
}

Table LimitTable(const Table& input, size_t n) {
  if (n >= input.num_rows()) return input;
  std::vector<uint32_t> rows(n);
  std::iota(rows.begin(), rows.end(), 0u);
  return input.Gather(rows);
}

}  // namespace stedi
