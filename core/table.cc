#include "core/table.h"

namespace stedi {

Result<Table> Table::Make(Schema schema, std::vector<Column> columns) {
  if (schema.size() != columns.size()) {
    return Status::InvalidArgument("schema has " + std::to_string(schema.size()) + " fields but " +
                                   std::to_string(columns.size()) + " columns were given");
  }
  Table t;
  t.num_rows_ = columns.empty() ? 0 : columns[0].size();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].type() != schema.field(i).type) {
      return Status::InvalidArgument("column '" + schema.field(i).name + "' is " +
                                     std::string(TypeName(columns[i].type())) + ", schema says " +
                                     std::string(TypeName(schema.field(i).type)));
    }
    if (columns[i].size() != t.num_rows_) {
      return Status::InvalidArgument("column '" + schema.field(i).name + "' has " +
                                     std::to_string(columns[i].size()) + " rows, expected " +
                                     std::to_string(t.num_rows_));
    }
  }
  t.schema_ = std::move(schema);
  t.columns_ = std::move(columns);
  return t;
}

Table Table::Empty(const Schema& schema) {
  Table t;
  t.schema_ = schema;
  for (const Field& f : schema.fields()) t.columns_.emplace_back(f.type);
  return t;
}

Result<size_t> Table::ColumnIndex(std::string_view name) const {
  if (auto i = schema_.Find(name)) return *i;
  return Status::NotFound("no column '" + std::string(name) + "' in (" + schema_.ToString() + ")");
}

Table Table::Gather(std::span<const uint32_t> rows) const {
  Table t;
  t.schema_ = schema_;
  t.num_rows_ = rows.size();
  t.columns_.reserve(columns_.size());
  for (const Column& c : columns_) t.columns_.push_back(c.Gather(rows));
  return t;
}

Result<Table> Table::Project(const std::vector<std::string>& names) const {
  Schema schema;
  std::vector<Column> cols;
  for (const std::string& n : names) {
    STEDI_ASSIGN_OR_RETURN(size_t i, ColumnIndex(n));
    schema.AddField(schema_.field(i));
    cols.push_back(columns_[i]);
  }
  return Make(std::move(schema), std::move(cols));
}

Status Table::Append(const Table& other) {
  if (other.num_columns() != num_columns()) {
    return Status::InvalidArgument("cannot append a table of " +
                                   std::to_string(other.num_columns()) + " columns to one of " +
                                   std::to_string(num_columns()));
  }
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (other.columns_[i].type() != columns_[i].type()) {
      return Status::InvalidArgument("column " + schema_.field(i).name + " type mismatch");
    }
  }
  for (size_t i = 0; i < columns_.size(); ++i) columns_[i].AppendColumn(other.columns_[i]);
  num_rows_ += other.num_rows_;
  return Status::OK();
}

std::string Table::RowToString(size_t row) const {
  std::string out;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i) out += " | ";
    out += columns_[i].ValueToString(row);
  }
  return out;
}

bool Table::Equals(const Table& other) const {
  if (!(schema_ == other.schema_) || num_rows_ != other.num_rows_) return false;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!columns_[i].Equals(other.columns_[i])) return false;
  }
  return true;
}

}  // namespace stedi
