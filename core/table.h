// Table: a schema plus equally long columns, held in memory.
//
// The engine's operators consume and produce Tables; ingest builds them from
// JSON; storage writes them to and reads them from segment files.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/column.h"
#include "core/status.h"
#include "core/types.h"

namespace stedi {

class Table {
 public:
  Table() = default;
  // Validates that columns match the schema's types and have equal lengths.
  static Result<Table> Make(Schema schema, std::vector<Column> columns);
  // A table with the schema's columns and no rows.
  static Table Empty(const Schema& schema);

  const Schema& schema() const { return schema_; }
  size_t num_rows() const { return num_rows_; }
  size_t num_columns() const { return columns_.size(); }
  const Column& column(size_t i) const { return columns_[i]; }
  const std::vector<Column>& columns() const { return columns_; }
  // Index of column `name` (exact match), or NotFound naming the known columns.
  Result<size_t> ColumnIndex(std::string_view name) const;

  Table Gather(std::span<const uint32_t> rows) const;
  // The named columns, in that order.
  Result<Table> Project(const std::vector<std::string>& names) const;
  // Appends the rows of `other`. REQUIRES: same column types.
  Status Append(const Table& other);

  // "v1 | v2 | ..." for debugging and tests.
  std::string RowToString(size_t row) const;
  bool Equals(const Table& other) const;

 private:
  Schema schema_;
  std::vector<Column> columns_;
  size_t num_rows_ = 0;
};

}  // namespace stedi
